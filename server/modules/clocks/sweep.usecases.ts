// sweepDueClocks: one tick of the SLA sweeper (DESIGN.md "Flow" step 5). In one transaction it claims the
// due timers, writes each escalation (timeline event, in-app notices, e-mails in the outbox) and marks
// the timers fired; the caller emits the bus events after the commit.
import type { Db, Tx } from '../../../db/client';
import { clockApplies, type ClockName } from '../../../shared/domain/clock-rules';
import { bucharestDateOf, compareIsoDates, type IsoDate } from '../../../shared/domain/dates';
import type { DomainEvents } from '../../lib/events';
import { insertNotices, type NewNotice } from '../notifications/outbox.repository';
import { selectRecipients, type StaffMember } from './escalation';
import { escalationEmail, staffNoticeText, timelineText } from './escalation-texts';
import * as repo from './sweep.repository';

export type SweepResult = {
  /** Timers claimed and marked fired, escalated or not. */
  claimed: number;
  clockEvents: Array<DomainEvents['petition.clock']>;
  notices: Array<DomainEvents['staff.notice']>;
};

const nothing = (): SweepResult => ({ claimed: 0, clockEvents: [], notices: [] });

export async function sweepDueClocks({ db, now, publicUrl, batchSize }: { db: Db; now: Date; publicUrl: string; batchSize: number }): Promise<SweepResult> {
  // Nothing due is the common case: answer it with one indexed query and no transaction.
  if (!(await repo.hasDueClock(db, now))) return nothing();
  return db.transaction(async (tx) => {
    const rows = await repo.claimDueClocks(tx, { now, limit: batchSize });
    if (rows.length === 0) return nothing(); // another sweeper holds them
    const petitions = new Map((await repo.loadClockPetitions(tx, [...new Set(rows.map((r) => r.petitionId))])).map((p) => [p.id, p]));
    const today = bucharestDateOf(now);
    const firing = rows.flatMap((row) => {
      const petition = petitions.get(row.petitionId);
      return petition && shouldEscalate(row, petition, today) ? [{ row, petition }] : [];
    });
    const result: SweepResult = { claimed: rows.length, clockEvents: [], notices: [] };
    if (firing.length > 0) await escalate(tx, { firing, now, publicUrl, result });
    await repo.markClocksFired(tx, rows.map((r) => r.id), now);
    return result;
  });
}

function currentDueOn(p: repo.ClockPetition, clock: ClockName): IsoDate | null {
  return clock === 'legal' ? p.legalDueOn : clock === 'internal' ? p.internalDueOn : p.forwardDueOn;
}

/**
 * A timer that no longer applies is marked fired in silence: a final status, a paused internal clock, a
 * forward clock after the registry acted (OG 27/2002 art. 6^1), a due date moved without its timer, and an
 * at-risk warning overtaken by its breach (a sweeper that was down past the due date sends only the breach).
 */
export function shouldEscalate(row: repo.ClockRow, p: repo.ClockPetition, today: IsoDate): boolean {
  if (!clockApplies({ clock: row.clock, status: p.status, internalPaused: p.internalPausedAt !== null })) return false;
  if (currentDueOn(p, row.clock) !== row.dueOn) return false;
  return !(row.stage === 'at_risk' && compareIsoDates(today, row.dueOn) > 0);
}

async function escalate(
  tx: Tx,
  { firing, now, publicUrl, result }: { firing: Array<{ row: repo.ClockRow; petition: repo.ClockPetition }>; now: Date; publicUrl: string; result: SweepResult },
): Promise<void> {
  const departmentIds = [...new Set(firing.flatMap(({ petition }) => (petition.handlerDepartmentId ? [petition.handlerDepartmentId] : [])))];
  const userIds = [...new Set(firing.flatMap(({ petition }) => (petition.assigneeId ? [petition.assigneeId] : [])))];
  const staff = await repo.loadStaffFor(tx, { departmentIds, userIds });
  // The conduct rule needs the reporting line only when a complaint concerns someone.
  const managerOf = firing.some(({ petition }) => petition.concernsUserId) ? await repo.loadManagerMap(tx) : new Map<string, string | null>();

  const events: Parameters<typeof repo.insertClockEvents>[1] = [];
  const staffNotices: Parameters<typeof repo.insertStaffNotices>[1] = [];
  const mails: NewNotice[] = [];
  for (const { row, petition } of firing) {
    const recipients: StaffMember[] = selectRecipients({ clock: row.clock, stage: row.stage, petition, staff, managerOf });
    const facts = { clock: row.clock, stage: row.stage, dueOn: row.dueOn, registrationNumber: petition.registrationNumber };
    const line = timelineText(facts, recipients.map((u) => u.name));
    events.push({
      petitionId: petition.id, at: now, actorKind: 'system', type: `clock.${row.stage}`, public: false,
      textRo: line.ro, textEn: line.en, data: { clock: row.clock, dueOn: row.dueOn, recipients: recipients.map((u) => u.id) },
    });
    const notice = staffNoticeText(facts);
    for (const u of recipients) {
      staffNotices.push({ userId: u.id, petitionId: petition.id, kind: `clock.${row.stage}`, textRo: notice.ro, textEn: notice.en, createdAt: now });
      const mail = escalationEmail({ ...facts, subject: petition.subject, petitionId: petition.id, publicUrl, recipientName: u.name });
      mails.push({ channel: 'email', recipient: u.email, template: `clock.${row.stage}`, subject: mail.subject, body: mail.body, petitionId: petition.id });
      result.notices.push({ userId: u.id, petitionId: petition.id, kind: `clock.${row.stage}` });
    }
    result.clockEvents.push({
      petitionId: petition.id, registrationNumber: petition.registrationNumber, departmentId: petition.handlerDepartmentId,
      assigneeId: petition.assigneeId, clock: row.clock, stage: row.stage,
    });
  }
  await repo.insertClockEvents(tx, events);
  await repo.insertStaffNotices(tx, staffNotices);
  await insertNotices(tx, mails);
}
