import { describe, expect, test } from 'vitest';
import { generateTrackingCode, hashTrackingCode, normalizeTrackingCode, trackingCodeMatches } from '../../server/lib/tracking-code';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const SHAPE = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

describe('generateTrackingCode', () => {
  test('a code is 16 Crockford base32 characters in 4 groups of 4, without I, L, O, U', () => {
    for (let i = 0; i < 200; i++) {
      const code = generateTrackingCode();
      expect(code).toMatch(SHAPE);
      expect(code).not.toMatch(/[ILOU]/);
    }
  });

  test('a code carries at least 64 bits: 16 characters of 5 bits each', () => {
    const code = generateTrackingCode().replace(/-/g, '');
    expect(code.length * Math.log2(CROCKFORD.length)).toBeGreaterThanOrEqual(64);
  });

  test('10,000 generated codes are all distinct', () => {
    const codes = new Set(Array.from({ length: 10_000 }, generateTrackingCode));
    expect(codes.size).toBe(10_000);
  });

  test('every character of the alphabet occurs, in every position of the code', () => {
    const seen = Array.from({ length: 16 }, () => new Set<string>());
    for (let i = 0; i < 5_000; i++) [...generateTrackingCode().replace(/-/g, '')].forEach((ch, p) => seen[p]!.add(ch));
    for (const s of seen) expect(s.size).toBe(32);
  });
});

describe('normalizeTrackingCode: the code as a citizen types or reads it aloud', () => {
  test('lower case, missing dashes and spaces are accepted', () => {
    expect(normalizeTrackingCode('ab12-cd34-ef56-gh78')).toBe('AB12CD34EF56GH78');
    expect(normalizeTrackingCode('AB12CD34EF56GH78')).toBe('AB12CD34EF56GH78');
    expect(normalizeTrackingCode(' ab12 cd34 ef56 gh78 ')).toBe('AB12CD34EF56GH78');
  });

  test('the letter O is read as zero, and I and L as one', () => {
    expect(normalizeTrackingCode('OoIi-LlO1-0000-1111')).toBe('0011110100001111');
  });
});

describe('trackingCodeMatches: the stored hash against what the citizen typed', () => {
  const code = generateTrackingCode();
  const stored = hashTrackingCode(code);

  test('the stored hash is a SHA-256 digest, not the code', () => {
    expect(stored.byteLength).toBe(32);
    expect(Buffer.from(stored).toString('latin1')).not.toContain(code);
  });

  test('the exact code matches', () => {
    expect(trackingCodeMatches(code, stored)).toBe(true);
  });

  test('the code in lower case and without dashes matches', () => {
    expect(trackingCodeMatches(code.toLowerCase().replace(/-/g, ''), stored)).toBe(true);
  });

  test('a code typed with O for 0 and L for 1 matches', () => {
    const stored2 = hashTrackingCode('0110-AB10-CD01-EF00');
    expect(trackingCodeMatches('OLLO-ab1o-cdOI-efoo', stored2)).toBe(true);
  });

  test('a code that differs in one character does not match', () => {
    const last = code.at(-1)!;
    const other = code.slice(0, -1) + (last === 'Z' ? 'Y' : CROCKFORD[CROCKFORD.indexOf(last) + 1]);
    expect(trackingCodeMatches(other, stored)).toBe(false);
  });

  test('another code, an empty string and a truncated hash do not match', () => {
    expect(trackingCodeMatches(generateTrackingCode(), stored)).toBe(false);
    expect(trackingCodeMatches('', stored)).toBe(false);
    expect(trackingCodeMatches(code, stored.slice(0, 16))).toBe(false);
  });
});
