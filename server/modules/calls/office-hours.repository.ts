// The call center's weekly schedule (office_hours, seeded by migration 0007 with DOMAIN's default).
import { asc } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { officeHours } from '../../../db/schema';
import type { OfficeSchedule, Weekday } from '../../../shared/domain/office-hours';

/** Seven days, Monday first; a weekday without a row is closed. */
export async function loadOfficeHours(db: DbOrTx): Promise<OfficeSchedule> {
  const rows = await db.select().from(officeHours).orderBy(asc(officeHours.weekday));
  return ([1, 2, 3, 4, 5, 6, 7] as Weekday[]).map((weekday) => {
    const row = rows.find((r) => r.weekday === weekday);
    return { weekday, open: row?.opensAt ?? null, close: row?.closesAt ?? null };
  });
}

export async function replaceOfficeHours(db: DbOrTx, schedule: OfficeSchedule, by: { userId: string; at: Date }): Promise<void> {
  for (const d of schedule) {
    const values = { weekday: d.weekday, opensAt: d.open, closesAt: d.close, updatedAt: by.at, updatedBy: by.userId };
    await db.insert(officeHours).values(values).onConflictDoUpdate({ target: officeHours.weekday, set: values });
  }
}
