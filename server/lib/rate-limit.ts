// A sliding-window limit per key (client address, account): at most `limit` hits in `windowMs`.
// Kept in memory, per instance by design: behind N instances the effective limit is N × limit (docs/adr/0004).
import { appError } from './errors';

export type RateLimiter = {
  /** Records a hit, or throws 429 when the key is over its limit. */
  hit(key: string, nowMs: number): void;
  /** Throws 429 when the key is over its limit, without recording anything. */
  check(key: string, nowMs: number): void;
};

export function createRateLimiter({ limit, windowMs, name }: { limit: number; windowMs: number; name: string }): RateLimiter {
  const hits = new Map<string, number[]>();
  let lastSweep = 0;

  function recent(key: string, nowMs: number): number[] {
    if (nowMs - lastSweep > windowMs) {
      for (const [k, list] of hits) if ((list.at(-1) ?? 0) <= nowMs - windowMs) hits.delete(k);
      lastSweep = nowMs;
    }
    const list = (hits.get(key) ?? []).filter((t) => t > nowMs - windowMs);
    hits.set(key, list);
    return list;
  }

  function refuseIfFull(list: number[], nowMs: number): void {
    if (list.length < limit) return;
    const retryAfter = Math.max(1, Math.ceil(((list[0] ?? nowMs) + windowMs - nowMs) / 1000));
    throw appError('request.rate_limited', `Too many ${name} requests; try again in ${retryAfter} s.`, { retryAfterSeconds: retryAfter }, { 'Retry-After': String(retryAfter) });
  }

  return {
    hit(key, nowMs) {
      const list = recent(key, nowMs);
      refuseIfFull(list, nowMs);
      list.push(nowMs);
    },
    check(key, nowMs) {
      refuseIfFull(recent(key, nowMs), nowMs);
    },
  };
}
