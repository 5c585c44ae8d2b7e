import { describe, expect, test } from 'vitest';
import { AppError } from '../../server/lib/errors';
import { createRateLimiter } from '../../server/lib/rate-limit';

const MIN = 60_000;

function refusal(fn: () => void): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('createRateLimiter: a sliding window per client address', () => {
  test('up to `limit` hits in the window pass, the next one is refused with 429 request.rate_limited', () => {
    const limiter = createRateLimiter({ limit: 3, windowMs: 10 * MIN, name: 'petition' });
    for (const t of [0, 1_000, 2_000]) limiter.hit('1.2.3.4', t);
    const error = refusal(() => limiter.hit('1.2.3.4', 3_000));
    expect(error.code).toBe('request.rate_limited');
    expect(error.status).toBe(429);
    expect(error.message).toContain('petition');
  });

  test('Retry-After says, in whole seconds, when the oldest hit leaves the window', () => {
    const limiter = createRateLimiter({ limit: 2, windowMs: 10 * MIN, name: 'petition' });
    limiter.hit('a', 0);
    limiter.hit('a', 60_000);
    const error = refusal(() => limiter.hit('a', 120_500));
    // The first hit leaves at 600 000 ms: 479.5 s from now, rounded up.
    expect(error.headers['Retry-After']).toBe('480');
    expect(error.details).toEqual({ retryAfterSeconds: 480 });
  });

  test('Retry-After is at least 1 second, even a millisecond before the window frees a slot', () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 10_000, name: 'tracking' });
    limiter.hit('a', 0);
    expect(refusal(() => limiter.hit('a', 9_999)).headers['Retry-After']).toBe('1');
  });

  test('the window slides: once the oldest hit is older than the window, one more hit passes', () => {
    const limiter = createRateLimiter({ limit: 2, windowMs: 10_000, name: 'x' });
    limiter.hit('a', 0);
    limiter.hit('a', 5_000);
    expect(() => limiter.hit('a', 9_999)).toThrow(AppError);
    expect(() => limiter.hit('a', 10_000)).not.toThrow(); // the hit at 0 has left
    expect(() => limiter.hit('a', 10_001)).toThrow(AppError); // 5 000 and 10 000 are still in
    expect(() => limiter.hit('a', 15_000)).not.toThrow();
  });

  test('a refused hit does not count: hammering while refused does not extend the wait', () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 10_000, name: 'x' });
    limiter.hit('a', 0);
    for (let t = 1_000; t < 10_000; t += 500) expect(() => limiter.hit('a', t)).toThrow(AppError);
    expect(() => limiter.hit('a', 10_000)).not.toThrow();
  });

  test('each address has its own budget', () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 10_000, name: 'x' });
    limiter.hit('10.0.0.1', 0);
    expect(() => limiter.hit('10.0.0.2', 0)).not.toThrow();
    expect(() => limiter.hit('10.0.0.1', 1)).toThrow(AppError);
  });

  test('addresses that went quiet are forgotten and start with a full budget', () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 10_000, name: 'x' });
    for (let i = 0; i < 1_000; i++) limiter.hit(`10.0.${i >> 8}.${i & 255}`, i);
    // Much later, every old address has a full budget again (and the sweep has run).
    for (let i = 0; i < 1_000; i++) expect(() => limiter.hit(`10.0.${i >> 8}.${i & 255}`, 100_000 + i)).not.toThrow();
  });
});
