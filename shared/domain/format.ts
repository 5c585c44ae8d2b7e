import type { IsoDate } from './dates';

const MONTHS_RO = ['ianuarie', 'februarie', 'martie', 'aprilie', 'mai', 'iunie', 'iulie', 'august', 'septembrie', 'octombrie', 'noiembrie', 'decembrie'];

/** "4 mai 2027": how Romanian letters write a date. */
export function formatDateRo(d: IsoDate): string {
  const [y, m, day] = d.split('-').map(Number);
  return `${day} ${MONTHS_RO[(m ?? 1) - 1]} ${y}`;
}
