// Short date labels for the axes: "9 nov." / "9 Nov", "nov. 2026" / "Nov 2026".
import type { Lang } from '../../../i18n';

const LOCALES: Record<Lang, string> = { ro: 'ro-RO', en: 'en-GB' };
const utc = (d: string) => new Date(`${d.length === 7 ? `${d}-01` : d}T00:00:00Z`);

export function shortDay(d: string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(utc(d));
}

export function shortMonth(month: string, lang: Lang, withYear = false): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { month: 'short', ...(withYear ? { year: 'numeric' } : {}), timeZone: 'UTC' }).format(utc(month));
}

/** The month's short name, and its year for the first month shown and for January (a second line). */
export function monthTick(month: string, lang: Lang, first: boolean): { name: string; year: string | null } {
  return { name: shortMonth(month, lang), year: first || month.endsWith('-01') ? month.slice(0, 4) : null };
}

export function longMonth(month: string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(utc(month));
}
