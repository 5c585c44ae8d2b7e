// Redacting the petitioner's personal data out of free text (timeline texts, answers, notes, notices):
// every occurrence of a name, an e-mail address, a phone number (however it is written) or an address is
// replaced by "[anonimizat]", case-insensitively. Pure: no database here.

export const REDACTED = '[anonimizat]';

/** Values shorter than this are not searched for inside texts (a two-letter name would maim every word). */
const MIN_LENGTH = 3;

function escapeRegExp(s: string): string {
  // Only the syntax characters: in Unicode mode (the `u` flag) any other escape is an error.
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** +40722123456 written as 0722 123 456, 0722.123.456, +40 722 123 456, 0040722123456, 40722123456… */
function phonePattern(e164: string): string {
  const digits = e164.replace(/\D/g, '');
  const sep = '[\\s.()/-]*';
  if (digits.startsWith('40') && digits.length === 11) {
    const national = digits.slice(2).split('').join(sep);
    return `(?:(?:(?:\\+|00)${sep})?4${sep}0${sep}|0${sep})?${national}`;
  }
  return `(?:(?:\\+|00)${sep})?${digits.split('').join(sep)}`;
}

export type PersonalValues = { texts: string[]; phones: string[] };

/** Collects the values to redact, dropping empties and duplicates. */
export function personalValues(items: Array<string | null | undefined>, phones: Array<string | null | undefined>): PersonalValues {
  const texts = new Set<string>();
  for (const item of items) {
    const v = item?.trim();
    if (v && v.length >= MIN_LENGTH) texts.add(v);
  }
  const phoneSet = new Set<string>();
  for (const p of phones) {
    const v = p?.trim();
    if (v && v.replace(/\D/g, '').length >= 6) phoneSet.add(v);
  }
  return { texts: [...texts], phones: [...phoneSet] };
}

export type Redactor = {
  text(value: string): string;
  /** The same for a possibly null text. */
  nullable(value: string | null): string | null;
  /** Every string inside a JSON value (keys stay). */
  json<T>(value: T): T;
  /** Whether the text contains any of the values. */
  matches(value: string): boolean;
};

export function createRedactor({ texts, phones }: PersonalValues): Redactor {
  const patterns = [
    // Longest first, so "Strada Țintei 5" goes before "Țintei".
    ...[...texts].sort((a, b) => b.length - a.length).map((t) => escapeRegExp(t.normalize('NFC')).replace(/\s+/g, '\\s+')),
    ...phones.map(phonePattern),
  ];
  const regex = patterns.length > 0 ? new RegExp(patterns.join('|'), 'giu') : null;
  const text = (value: string) => (regex ? value.normalize('NFC').replace(regex, REDACTED) : value);
  const json = <T>(value: T): T => {
    if (typeof value === 'string') return text(value) as T;
    if (Array.isArray(value)) return value.map((v) => json(v)) as T;
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, json(v)])) as T;
    }
    return value;
  };
  return {
    text,
    nullable: (value) => (value === null ? null : text(value)),
    json,
    matches: (value) => (regex ? new RegExp(regex.source, 'iu').test(value.normalize('NFC')) : false),
  };
}
