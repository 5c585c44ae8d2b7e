// Who is calling (issue 5 §2, §3): the name, earlier calls and petitions of a number (E.164). Every lookup
// is a read of petitioners' personal data and is logged (DOMAIN.md GDPR), source `caller_lookup`.
import { desc, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../db/client';
import { calls, petitions, users } from '../../../db/schema';
import type { CallerCall, CallerPetition, CallerResponse } from '../../../shared/api/calls';
import { STATUS_LABELS } from '../../../shared/domain/petition-codes';
import { displayName } from '../../../shared/domain/petitioner';
import { normalizePhone } from '../../../shared/domain/phone';
import type { Clock } from '../../lib/clock';
import { appError } from '../../lib/errors';
import type { SessionUser } from '../auth/auth.usecases';
import { logPersonalDataReads } from './calls.repository';

const RECENT_CALLS = 10;
const RECENT_PETITIONS = 20;

export type CallerFacts = { name: string | null; calls: CallerCall[]; petitions: CallerPetition[] };

/** What we know of a number; the caller of this function logs the read. */
export async function findCallerFacts(db: DbOrTx, phone: string): Promise<CallerFacts> {
  const [petitionRows, callRows] = await Promise.all([
    db
      .select({
        id: petitions.id,
        registrationNumber: petitions.registrationNumber,
        status: petitions.status,
        legalDueOn: petitions.legalDueOn,
        kind: petitions.petitionerKind,
        firstName: petitions.petitionerFirstName,
        lastName: petitions.petitionerLastName,
        organizationName: petitions.petitionerOrganization,
      })
      .from(petitions)
      .where(eq(petitions.petitionerPhone, phone))
      .orderBy(desc(petitions.registeredAt))
      .limit(RECENT_PETITIONS),
    db
      .select({ id: calls.id, direction: calls.direction, status: calls.status, startedAt: calls.startedAt, outcome: calls.outcome, reason: calls.reason, agentName: users.name })
      .from(calls)
      .leftJoin(users, eq(users.id, calls.agentId))
      .where(eq(calls.phone, phone))
      .orderBy(desc(calls.startedAt))
      .limit(RECENT_CALLS + 1),
  ]);
  // The most recent petition that names its petitioner names the caller.
  const name = petitionRows.map((p) => displayName(p)).find((n) => n !== null) ?? null;
  return {
    name,
    calls: callRows.map((c) => ({ ...c, startedAt: c.startedAt.toISOString() })),
    petitions: petitionRows.map((p) => ({ id: p.id, registrationNumber: p.registrationNumber, status: p.status, statusLabel: STATUS_LABELS[p.status], dueOn: p.legalDueOn })),
  };
}

/** GET /api/callers/{phone}: any common Romanian form of the number; the read is logged. */
export async function lookUpCaller({ db, clock, user, phone, excludeCallId }: { db: Db; clock: Clock; user: SessionUser; phone: string; excludeCallId?: string }): Promise<CallerResponse> {
  const e164 = normalizePhone(phone);
  if (!e164) throw appError('request.invalid', 'Not a phone number.', { fields: [{ path: 'phone', code: 'invalid_phone', message: 'Not a phone number' }] });
  const facts = await findCallerFacts(db, e164);
  await logPersonalDataReads(db, [{ userId: user.id, source: 'caller_lookup', subject: e164, at: clock.now() }]);
  const earlier = facts.calls.filter((c) => c.id !== excludeCallId).slice(0, RECENT_CALLS);
  return { phone: e164, name: facts.name, calls: earlier, petitions: facts.petitions };
}
