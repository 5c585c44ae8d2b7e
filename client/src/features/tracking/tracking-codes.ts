// What citizens type is forgiving (lower case, spaces, no dashes, O for 0); what the API gets is canonical.
import { registrationNumberSchema } from '../../../../shared/api/petitions';

/** 'p 2026 123' → 'P-2026-000123'; null when it cannot be a registration number. */
export function normalizeRegistrationNumber(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s–—]/g, '');
  const match = /^([PI])-?(\d{4})-?(\d{1,})$/.exec(compact);
  if (!match) return null;
  const [, register, year, serial] = match;
  const number = `${register}-${year}-${(serial ?? '').padStart(6, '0')}`;
  return registrationNumberSchema.safeParse(number).success ? number : null;
}

// Crockford base32 reads I and L as 1 and O as 0, so a code read aloud or copied by hand still works.
const CROCKFORD_ALIASES: Record<string, string> = { I: '1', L: '1', O: '0' };

/** 'k7qm2xhd9fta3bwe' → 'K7QM-2XHD-9FTA-3BWE'; null when it is not 16 base32 characters. */
export function normalizeTrackingCode(input: string): string | null {
  const compact = input
    .toUpperCase()
    .replace(/[\s\-–—]/g, '')
    .replace(/[ILO]/g, (c) => CROCKFORD_ALIASES[c] ?? c);
  if (!/^[0-9A-HJKMNP-TV-Z]{16}$/.test(compact)) return null;
  return compact.match(/.{4}/g)?.join('-') ?? null;
}

export function trackingPath(registrationNumber: string, trackingCode: string): string {
  return `/urmarire/${encodeURIComponent(registrationNumber)}?cod=${encodeURIComponent(trackingCode)}`;
}
