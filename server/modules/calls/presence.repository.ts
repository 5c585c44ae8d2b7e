// Agents' presence (agent_presence: no row = away) and who is on which call.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { agentPresence, calls, users } from '../../../db/schema';
import type { PresenceStatus } from '../../../shared/domain/calls';

export const CALL_CENTER_ROLES = ['agent', 'supervisor'] as const;

export async function setPresence(db: DbOrTx, userId: string, status: PresenceStatus, at: Date): Promise<void> {
  await db.insert(agentPresence).values({ userId, status, updatedAt: at }).onConflictDoUpdate({ target: agentPresence.userId, set: { status, updatedAt: at } });
}

/** Only from one status to another (on_call → available when the call ends): false when it was not `from`. */
export async function movePresence(db: DbOrTx, userId: string, from: PresenceStatus, to: PresenceStatus, at: Date): Promise<boolean> {
  const rows = await db
    .update(agentPresence)
    .set({ status: to, updatedAt: at })
    .where(and(eq(agentPresence.userId, userId), eq(agentPresence.status, from)))
    .returning({ userId: agentPresence.userId });
  return rows.length > 0;
}

/** The active call-center staff who set themselves available: the phones a call rings. */
export async function findAvailableAgents(db: DbOrTx) {
  return db
    .select({ id: users.id, name: users.name, phone: users.phone })
    .from(agentPresence)
    .innerJoin(users, eq(users.id, agentPresence.userId))
    .where(and(eq(agentPresence.status, 'available'), eq(users.active, true), inArray(users.role, [...CALL_CENTER_ROLES])))
    .orderBy(asc(agentPresence.updatedAt), asc(users.id));
}

/** An active call-center user whose desk or mobile number is this one (who answered a Twilio call). */
export async function findAgentByPhone(db: DbOrTx, phone: string) {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.phone, phone), eq(users.active, true), inArray(users.role, [...CALL_CENTER_ROLES])))
    .limit(1);
  return row ?? null;
}

export async function listCallCenterStaff(db: DbOrTx) {
  const current = db
    .select({ agentId: calls.agentId, id: calls.id, phone: calls.phone, startedAt: calls.startedAt, answeredAt: calls.answeredAt })
    .from(calls)
    .where(eq(calls.status, 'in_progress'))
    .as('current_call');
  return db
    .select({
      id: users.id,
      name: users.name,
      role: users.role,
      phone: users.phone,
      status: agentPresence.status,
      statusSince: agentPresence.updatedAt,
      callId: current.id,
      callPhone: current.phone,
      callStartedAt: current.startedAt,
      callAnsweredAt: current.answeredAt,
    })
    .from(users)
    .leftJoin(agentPresence, eq(agentPresence.userId, users.id))
    .leftJoin(current, eq(current.agentId, users.id))
    .where(and(eq(users.active, true), inArray(users.role, [...CALL_CENTER_ROLES])))
    .orderBy(asc(users.name), asc(users.id), sql`${current.startedAt} desc nulls last`);
}
