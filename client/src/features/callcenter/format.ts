// How the console writes numbers and durations: the way an agent reads them aloud.
import type { Lang } from '../../i18n';

/**
 * A number as Romanians write it: +40722123456 → "0722 123 456", +40213000101 → "021 300 0101"; foreign
 * numbers stay in E.164. Null (a withheld number) is the caller's "număr ascuns".
 */
export function formatPhone(e164: string): string {
  const m = /^\+40(\d{9})$/.exec(e164);
  if (!m) return e164;
  const national = `0${m[1]}`;
  // Bucharest landlines: 021 / 031 + seven digits; everything else: 4 + 3 + 3.
  if (/^0[23]1/.test(national)) return `${national.slice(0, 3)} ${national.slice(3, 6)} ${national.slice(6)}`;
  return `${national.slice(0, 4)} ${national.slice(4, 7)} ${national.slice(7)}`;
}

/** Seconds as "1 min 05 s" / "45 s"; hours when it comes to that. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '—';
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (h > 0) return `${h} h ${pad(m)} min`;
  if (m > 0) return `${m} min ${pad(rest)} s`;
  return `${rest} s`;
}

/** A share (0.735) as a percentage in the language's style ("73,5 %" / "73.5%"). */
export function formatShare(share: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'ro' ? 'ro-RO' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(share);
}
