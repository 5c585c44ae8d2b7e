import { asc, gte, lte, and } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { closedDays } from '../../../db/schema';
import { createLegalCalendar, type LegalCalendar, type NamedDay } from '../../../shared/domain/calendar';

/** The administrator's extra closed days (bridge days), optionally within a year. */
export async function listClosedDays(db: DbOrTx, year?: number): Promise<NamedDay[]> {
  const where = year ? and(gte(closedDays.date, `${year}-01-01`), lte(closedDays.date, `${year}-12-31`)) : undefined;
  const rows = await db.select().from(closedDays).where(where).orderBy(asc(closedDays.date));
  return rows.map((r) => ({ date: r.date, name: { ro: r.name, en: r.name } }));
}

/** The legal calendar with today's extra closed days: weekends + Codul muncii art. 139 + closed days. */
export async function loadLegalCalendar(db: DbOrTx): Promise<LegalCalendar> {
  return createLegalCalendar(await listClosedDays(db));
}
