// Retention (DOMAIN.md: "retention follows the archive schedule, then data is anonymised, not the petition
// deleted"): a period in years per register, set by the administrator; a petition whose final status
// (answered, archived, forwarded, joined, filed) was reached longer ago than that — measured from the last
// event of its timeline, so a later note or a re-opening restarts the count — is anonymised by the job.
import { and, asc, eq, inArray, notExists, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { petitionAnonymisations, petitionEvents, petitions, retentionSettings, users } from '../../../db/schema';
import { DEFAULT_RETENTION_YEARS, RETENTION_REGISTERS, type RetentionResponse, type UpdateRetentionInput } from '../../../shared/api/gdpr';
import { FINAL_STATUSES } from '../../../shared/domain/clock-rules';
import type { Clock } from '../../lib/clock';
import type { SessionUser } from '../auth/auth.usecases';
import { anonymiseInTx } from './anonymise.usecases';

export async function retentionYears(db: Db): Promise<Record<'P' | 'I', number>> {
  const rows = await db.select({ register: retentionSettings.register, years: retentionSettings.years }).from(retentionSettings);
  const years: Record<'P' | 'I', number> = { ...DEFAULT_RETENTION_YEARS };
  for (const r of rows) years[r.register] = r.years;
  return years;
}

export async function getRetention(db: Db): Promise<RetentionResponse> {
  const rows = await db
    .select({ s: retentionSettings, userName: users.name })
    .from(retentionSettings)
    .leftJoin(users, eq(users.id, retentionSettings.updatedBy));
  return {
    items: RETENTION_REGISTERS.map((register) => {
      const row = rows.find((r) => r.s.register === register);
      return {
        register,
        years: row?.s.years ?? DEFAULT_RETENTION_YEARS[register],
        updatedAt: row?.s.updatedAt.toISOString() ?? null,
        updatedBy: row?.s.updatedBy ? { id: row.s.updatedBy, name: row.userName ?? '' } : null,
      };
    }),
  };
}

export async function updateRetention({ db, clock, actor, input }: { db: Db; clock: Clock; actor: SessionUser; input: UpdateRetentionInput }): Promise<RetentionResponse> {
  const now = clock.now();
  for (const register of RETENTION_REGISTERS) {
    const years = input[register];
    if (years === undefined) continue;
    await db
      .insert(retentionSettings)
      .values({ register, years, updatedAt: now, updatedBy: actor.id })
      .onConflictDoUpdate({ target: retentionSettings.register, set: { years, updatedAt: now, updatedBy: actor.id } });
  }
  return getRetention(db);
}

/** The instant `years` calendar years before `now` (29 February falls back to 28 February). */
export function yearsBefore(now: Date, years: number): Date {
  const d = new Date(now);
  const month = d.getUTCMonth();
  d.setUTCFullYear(d.getUTCFullYear() - years);
  if (d.getUTCMonth() !== month) d.setUTCDate(0);
  return d;
}

/**
 * One pass of the retention job: anonymises, a batch per transaction, every petition past its register's
 * period. Rows are claimed with FOR UPDATE SKIP LOCKED, so two servers running the job share the work.
 */
export async function runRetention({ db, clock, batchSize = 100 }: { db: Db; clock: Clock; batchSize?: number }): Promise<{ petitions: string[] }> {
  const now = clock.now();
  const years = await retentionYears(db);
  const done: string[] = [];
  for (const register of RETENTION_REGISTERS) {
    const cutoff = yearsBefore(now, years[register]);
    for (;;) {
      const batch = await db.transaction(async (tx) => {
        const due = await tx
          .select({ id: petitions.id })
          .from(petitions)
          .where(
            and(
              eq(petitions.register, register),
              inArray(petitions.status, [...FINAL_STATUSES]),
              sql`(select max(e.at) from ${petitionEvents} e where e.petition_id = ${petitions.id}) < ${cutoff.toISOString()}::timestamptz`,
              notExists(tx.select({ one: sql`1` }).from(petitionAnonymisations).where(eq(petitionAnonymisations.petitionId, petitions.id))),
            ),
          )
          .orderBy(asc(petitions.registeredAt))
          .limit(batchSize)
          .for('update', { skipLocked: true });
        if (due.length === 0) return [];
        const result = await anonymiseInTx(tx, { petitionIds: due.map((d) => d.id), now, reason: 'retention', actorUserId: null });
        return result.registrationNumbers;
      });
      done.push(...batch);
      if (batch.length < batchSize) break;
    }
  }
  return { petitions: done };
}
