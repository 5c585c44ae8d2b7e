// Who hears about a clock (issue 3 §5), as a pure rule: the sweeper loads the staff, this picks them.
// At risk → the officer and the head(s); internal breach → the head(s); legal breach → the head(s) and
// the signing authority of OG 27/2002 art. 13; a petition still at the registry, and the forward clock of
// art. 6^1, → the registry. DOMAIN.md's conduct rule removes the person concerned and everyone under them.
import type { ClockName } from '../../../shared/domain/clock-rules';

export type Stage = 'at_risk' | 'breached';
export type Audience = 'registry' | 'assignee' | 'heads' | 'signing_authority';

export type StaffMember = {
  id: string;
  name: string;
  email: string;
  role: string;
  departmentId: string | null;
  managerId: string | null;
};

export type EscalationPetition = {
  status: string;
  routedAt: Date | null;
  handlerDepartmentId: string | null;
  departmentKind: 'internal' | 'subordinate' | null;
  assigneeId: string | null;
  concernsUserId: string | null;
};

/** Still the registry's: not routed yet (or returned by the head), or no department to tell. */
export function heldByRegistry(p: EscalationPetition): boolean {
  return p.status === 'registered' || p.routedAt === null || p.handlerDepartmentId === null;
}

export function audienceFor({ clock, stage, petition }: { clock: ClockName; stage: Stage; petition: EscalationPetition }): Audience[] {
  if (clock === 'forward' || heldByRegistry(petition)) return ['registry'];
  if (stage === 'at_risk') return ['assignee', 'heads'];
  if (clock === 'internal') return ['heads'];
  return ['heads', 'signing_authority'];
}

/** The user and everyone above them (as access.ts loadAccessContext), from a preloaded manager map. */
export function chainOf(userId: string, managerOf: ReadonlyMap<string, string | null>): string[] {
  const chain = [userId];
  let next = managerOf.get(userId) ?? null;
  while (next && !chain.includes(next) && chain.length < 10) {
    chain.push(next);
    next = managerOf.get(next) ?? null;
  }
  return chain;
}

/** DOMAIN.md: a complaint about a person never reaches that person or anyone under them. */
export function excludedByConduct(userId: string, concernsUserId: string | null, managerOf: ReadonlyMap<string, string | null>): boolean {
  return concernsUserId !== null && chainOf(userId, managerOf).includes(concernsUserId);
}

function membersOf(audience: Audience, p: EscalationPetition, staff: readonly StaffMember[]): StaffMember[] {
  switch (audience) {
    case 'registry':
      return staff.filter((u) => u.role === 'registry');
    case 'assignee':
      return staff.filter((u) => u.id === p.assigneeId);
    case 'heads':
      return staff.filter((u) => u.role === 'head' && u.departmentId === p.handlerDepartmentId);
    case 'signing_authority':
      // OG 27/2002 art. 13: the service's director for a subordinate service, the mayor's delegate otherwise.
      return p.departmentKind === 'subordinate'
        ? staff.filter((u) => u.role === 'director' && u.departmentId === p.handlerDepartmentId)
        : staff.filter((u) => u.role === 'delegate');
  }
}

/**
 * The recipients, each once. When nobody is left (no head on file, or the conduct rule removed them all)
 * the warning goes up to the mayor's delegates, who act in the chain's place (DOMAIN.md), and failing
 * them to the registry, which follows every petition up (art. 6): a clock never fires to no one.
 */
export function selectRecipients({ clock, stage, petition, staff, managerOf }: {
  clock: ClockName;
  stage: Stage;
  petition: EscalationPetition;
  staff: readonly StaffMember[];
  managerOf: ReadonlyMap<string, string | null>;
}): StaffMember[] {
  const allowed = (u: StaffMember) => !excludedByConduct(u.id, petition.concernsUserId, managerOf);
  const seen = new Map<string, StaffMember>();
  for (const a of audienceFor({ clock, stage, petition })) for (const u of membersOf(a, petition, staff)) if (allowed(u)) seen.set(u.id, u);
  if (seen.size > 0) return [...seen.values()];
  const delegates = staff.filter((u) => u.role === 'delegate' && allowed(u));
  if (delegates.length > 0) return delegates;
  return staff.filter((u) => u.role === 'registry' && allowed(u));
}
