// Registration numbers: register prefix, year, zero-padded sequence — P-2026-000123. URL-safe and
// readable aloud; the prefix alone says the register (P: OG 27/2002 petitions, I: Legea 544/2001).
export type Register = 'P' | 'I';

export function formatRegistrationNumber(register: Register, year: number, seq: number): string {
  return `${register}-${year}-${String(seq).padStart(6, '0')}`;
}

const PATTERN = /^([PI])-(\d{4})-(\d{6,9})$/;

export function parseRegistrationNumber(input: string): { register: Register; year: number; seq: number; normalized: string } | null {
  const m = PATTERN.exec(input.trim().toUpperCase());
  if (!m) return null;
  const register = m[1] as Register;
  const year = Number(m[2]);
  const seq = Number(m[3]);
  if (seq < 1) return null;
  return { register, year, seq, normalized: formatRegistrationNumber(register, year, seq) };
}
