// What every workflow action shares: the conditional status change (a lost race is a 409, never a silent
// overwrite — openstatus's pattern) and the timeline event.
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { petitionEvents, petitions } from '../../../db/schema';
import type { PetitionStatus } from '../../../shared/domain/petition-codes';
import { appError } from '../../lib/errors';
import type { EventBus } from '../../lib/events';
import type { SessionUser } from '../auth/auth.usecases';

type PetitionUpdate = Partial<typeof petitions.$inferInsert>;

export async function transition(tx: Tx, id: string, from: readonly PetitionStatus[], set: PetitionUpdate & { updatedAt: Date }) {
  const [row] = await tx
    .update(petitions)
    .set(set)
    .where(and(eq(petitions.id, id), inArray(petitions.status, [...from])))
    .returning();
  if (!row) throw appError('petitions.conflict', `This action needs the petition to be ${from.join(' or ')}; it has changed meanwhile or is in another state.`);
  return row;
}

export async function addEvent(
  tx: Tx,
  e: { petitionId: string; at: Date; actor: SessionUser | null; type: string; public: boolean; ro: string; en: string; data?: Record<string, unknown> },
) {
  await tx.insert(petitionEvents).values({
    petitionId: e.petitionId,
    at: e.at,
    actorKind: e.actor ? 'staff' : 'system',
    actorUserId: e.actor?.id ?? null,
    type: e.type,
    public: e.public,
    textRo: e.ro,
    textEn: e.en,
    data: e.data ?? {},
  });
}

export function requireRoles(user: SessionUser, roles: SessionUser['role'][], what: string): void {
  if (!roles.includes(user.role)) throw appError('auth.forbidden', `Only ${roles.join(', ')} may ${what}.`);
}

export function fieldError(path: string, message: string) {
  return appError('request.invalid', message, { fields: [{ path, code: 'invalid', message }] });
}

/** After the commit: tells the real-time layer a petition changed (status, handler, assignee or dates). */
export function emitChanged(
  events: EventBus,
  p: { id: string; registrationNumber: string; handlerDepartmentId: string | null; assigneeId: string | null; status: string },
  change: string,
) {
  events.emit('petition.changed', { petitionId: p.id, registrationNumber: p.registrationNumber, departmentId: p.handlerDepartmentId, assigneeId: p.assigneeId, status: p.status, change });
}
