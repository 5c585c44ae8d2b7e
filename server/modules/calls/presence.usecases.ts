// Agents set themselves available, busy or away (issue 5 §2); the server sets on_call while they talk.
// The supervisor sees everyone, with the call they are on.
import type { Db } from '../../../db/client';
import type { AgentDto } from '../../../shared/api/calls';
import type { PresenceStatus } from '../../../shared/domain/calls';
import { appError } from '../../lib/errors';
import type { SessionUser } from '../auth/auth.usecases';
import type { CallDeps } from './calls.usecases';
import { findInProgressCallOf } from './calls.repository';
import { listCallCenterStaff, setPresence } from './presence.repository';

export async function setMyPresence({ db, clock, events, user, status }: CallDeps & { user: SessionUser; status: Exclude<PresenceStatus, 'on_call'> }) {
  // On a call, the status is on_call until the call ends (PATCH …/calls/{id} with endedAt).
  if (await findInProgressCallOf(db, user.id)) throw appError('calls.conflict', 'You are on a call; end it first.');
  const at = clock.now();
  await setPresence(db, user.id, status, at);
  events.emit('agent.presence', { userId: user.id, status });
  return { userId: user.id, status, updatedAt: at.toISOString() };
}

export async function listAgents({ db }: { db: Db }): Promise<{ items: AgentDto[] }> {
  const rows = await listCallCenterStaff(db);
  const seen = new Set<string>();
  const items: AgentDto[] = [];
  for (const r of rows) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    items.push({
      id: r.id,
      name: r.name,
      role: r.role as AgentDto['role'],
      phone: r.phone,
      // No row yet: never set a status, so not ringing.
      status: r.status ?? 'away',
      statusSince: r.statusSince?.toISOString() ?? null,
      currentCall: r.callId ? { id: r.callId, phone: r.callPhone, startedAt: r.callStartedAt!.toISOString(), answeredAt: r.callAnsweredAt?.toISOString() ?? null } : null,
    });
  }
  return { items };
}
