// A sliding-window limit per key (client address), kept in memory: at most `limit` hits in `windowMs`.
// Per instance by design: behind N instances the effective limit is N × limit (docs/adr/0004).
import { appError } from './errors';

export type RateLimiter = { hit(key: string, nowMs: number): void };

export function createRateLimiter({ limit, windowMs, name }: { limit: number; windowMs: number; name: string }): RateLimiter {
  const hits = new Map<string, number[]>();
  let lastSweep = 0;
  return {
    hit(key, nowMs) {
      if (nowMs - lastSweep > windowMs) {
        for (const [k, list] of hits) if ((list.at(-1) ?? 0) <= nowMs - windowMs) hits.delete(k);
        lastSweep = nowMs;
      }
      const list = (hits.get(key) ?? []).filter((t) => t > nowMs - windowMs);
      if (list.length >= limit) {
        const retryAfter = Math.max(1, Math.ceil(((list[0] ?? nowMs) + windowMs - nowMs) / 1000));
        hits.set(key, list);
        throw appError('request.rate_limited', `Too many ${name} requests; try again in ${retryAfter} s.`, { retryAfterSeconds: retryAfter }, { 'Retry-After': String(retryAfter) });
      }
      list.push(nowMs);
      hits.set(key, list);
    },
  };
}
