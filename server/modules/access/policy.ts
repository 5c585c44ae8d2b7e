// Who may do what to a petition they can see (DOMAIN.md "People", OG 27/2002 art. 6, 9, 11, 13).
// Pure: the use cases load the facts, these functions decide.
import { canExtendOn } from '../../../shared/domain/deadlines';
import type { PetitionAction } from '../../../shared/api/staff-petitions';
import type { AccessContext } from './access';

export type PetitionFacts = {
  status: string;
  regime: 'og27' | 'l544';
  handlerDepartmentId: string | null;
  departmentKind: 'internal' | 'subordinate' | null;
  assigneeId: string | null;
  extendedAt: Date | null;
  legalDueOn: string;
  /** The role of the person a conduct complaint concerns, if any. */
  concernedRole: string | null;
};

const OPEN = ['routed', 'in_progress', 'answer_submitted', 'answer_signed', 'approved'];

/** Art. 13: the second signature is the delegate's for an internal department, the director's for a service. */
export function isSigningAuthority(ctx: AccessContext, p: Pick<PetitionFacts, 'handlerDepartmentId' | 'departmentKind'>): boolean {
  if (p.departmentKind === 'internal') return ctx.role === 'delegate';
  if (p.departmentKind === 'subordinate') return ctx.role === 'director' && ctx.departmentId === p.handlerDepartmentId;
  return false;
}

/** Art. 11: the head assigns; when the complaint concerns the head (or above), the signing authority does. */
export function mayAssign(ctx: AccessContext, p: PetitionFacts): boolean {
  if (!['routed', 'in_progress'].includes(p.status)) return false;
  const headConcerned = p.concernedRole !== null && ['head', 'director', 'delegate'].includes(p.concernedRole);
  if (headConcerned) return isSigningAuthority(ctx, p) || (ctx.role === 'delegate' && p.concernedRole === 'director');
  return ctx.role === 'head' && ctx.departmentId === p.handlerDepartmentId;
}

/** Art. 13, first signature: the head; when the complaint concerns the head (or above), the authority instead. */
export function mayFirstSign(ctx: AccessContext, p: PetitionFacts): boolean {
  const headConcerned = p.concernedRole !== null && ['head', 'director', 'delegate'].includes(p.concernedRole);
  if (headConcerned) return mayCountersign(ctx, p);
  return ctx.role === 'head' && ctx.departmentId === p.handlerDepartmentId;
}

/** Art. 13, second signature; when the complaint concerns the director, the delegate signs instead. */
export function mayCountersign(ctx: AccessContext, p: PetitionFacts): boolean {
  if (p.concernedRole === 'director' || p.concernedRole === 'delegate') return ctx.role === 'delegate';
  return isSigningAuthority(ctx, p);
}

/**
 * GDPR (DOMAIN.md): the petitioner's personal data is for the registry, the administrator, the oversight
 * (delegate) and the department that works the petition — not for a department asked only to contribute.
 */
export function mayReadPetitioner(ctx: AccessContext, p: Pick<PetitionFacts, 'handlerDepartmentId'>): boolean {
  if (['registry', 'admin', 'delegate'].includes(ctx.role)) return true;
  return ctx.departmentId !== null && ctx.departmentId === p.handlerDepartmentId;
}

export function allowedActions(ctx: AccessContext, p: PetitionFacts, today: string): PetitionAction[] {
  const actions: PetitionAction[] = ['note'];
  if (mayReadPetitioner(ctx, p)) actions.push('petitioner');
  if (ctx.role === 'registry' && p.status === 'registered') actions.push('route', 'forward', 'file', 'join');
  if (ctx.role === 'head' && ctx.departmentId === p.handlerDepartmentId && p.status === 'routed') actions.push('return');
  if (mayAssign(ctx, p)) actions.push('assign');
  if (p.status === 'in_progress' && (ctx.id === p.assigneeId || (ctx.role === 'head' && ctx.departmentId === p.handlerDepartmentId))) {
    actions.push('contribute');
  }
  if (mayExtend(ctx, p, today)) actions.push('extend');
  if (p.status === 'in_progress' && ctx.id === p.assigneeId) actions.push('draft', 'submit');
  if ((p.status === 'answer_submitted' && mayFirstSign(ctx, p)) || (p.status === 'answer_signed' && mayCountersign(ctx, p))) actions.push('approve', 'reject');
  if (p.status === 'approved' && ctx.role === 'registry') actions.push('dispatch');
  return actions;
}

export function mayExtend(ctx: AccessContext, p: PetitionFacts, today: string): boolean {
  return (
    isSigningAuthority(ctx, p) &&
    p.regime === 'og27' &&
    (p.status === 'registered' || OPEN.includes(p.status)) &&
    p.extendedAt === null &&
    canExtendOn({ legalDueOn: p.legalDueOn, today })
  );
}
