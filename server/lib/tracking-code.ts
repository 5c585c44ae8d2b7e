// The citizen's secret: 80 random bits in Crockford base32 (easy to read aloud: no I, L, O, U), grouped
// by four. Only its SHA-256 is stored; comparisons are constant-time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function generateTrackingCode(): string {
  const bytes = randomBytes(10); // 80 bits ≥ the 64 the issue asks for
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out.match(/.{4}/g)!.join('-');
}

/** Accepts lower case, spaces and dashes, and the letters people confuse with digits. */
export function normalizeTrackingCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

export function hashTrackingCode(code: string): Uint8Array {
  return new Uint8Array(createHash('sha256').update(normalizeTrackingCode(code)).digest());
}

export function trackingCodeMatches(code: string, storedHash: Uint8Array): boolean {
  const candidate = hashTrackingCode(code);
  return candidate.length === storedHash.length && timingSafeEqual(candidate, storedHash);
}
