// What each role sees: its queues (issue 3 §8) and its navigation. The server checks access anyway
// (403 for a queue the role lacks); this only decides what to offer.
import type { StaffRole } from '../../../../shared/api/admin';
import type { Queue } from '../../../../shared/api/staff-petitions';
import type { MessageKey } from '../../i18n';
import { callCenterPaths } from '../callcenter/paths';
import { staffPaths } from './paths';

export const QUEUES_BY_ROLE: Record<StaffRole, readonly Queue[]> = {
  registry: ['registry', 'decisions', 'dispatch'],
  head: ['department', 'approvals', 'mine', 'contributions'],
  officer: ['mine', 'department', 'contributions'],
  director: ['approvals', 'contributions', 'all'],
  delegate: ['approvals', 'all'],
  admin: ['all'],
  // The call center works in its own screens; it has no petition queues.
  agent: [],
  supervisor: [],
};

export const QUEUE_LABELS: Record<Queue, MessageKey> = {
  registry: 'queue.registry',
  decisions: 'queue.decisions',
  dispatch: 'queue.dispatch',
  department: 'queue.department',
  approvals: 'queue.approvals',
  mine: 'queue.mine',
  contributions: 'queue.contributions',
  all: 'queue.all',
};

export const QUEUE_INTROS: Record<Queue, MessageKey> = {
  registry: 'queue.registry.intro',
  decisions: 'queue.decisions.intro',
  dispatch: 'queue.dispatch.intro',
  department: 'queue.department.intro',
  approvals: 'queue.approvals.intro',
  mine: 'queue.mine.intro',
  contributions: 'queue.contributions.intro',
  all: 'queue.all.intro',
};

export const ROLE_LABELS: Record<StaffRole, MessageKey> = {
  agent: 'role.agent',
  supervisor: 'role.supervisor',
  registry: 'role.registry',
  officer: 'role.officer',
  head: 'role.head',
  director: 'role.director',
  delegate: 'role.delegate',
  admin: 'role.admin',
};

/** The first page after signing in. */
export function homePathFor(role: StaffRole): string {
  // The call center works in its console (issue 5).
  if (role === 'agent' || role === 'supervisor') return callCenterPaths.console;
  const first = QUEUES_BY_ROLE[role][0];
  return first ? staffPaths.queue(first) : staffPaths.queues;
}
