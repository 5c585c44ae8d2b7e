// Who may see a petition (DESIGN.md: access is checked in the use case, and a petition the user may not
// see answers 404). Scope by role and department, then DOMAIN.md's conduct rule: a complaint about a
// person is never seen by that person or anyone under them in the reporting line.
import { and, eq, inArray, isNull, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { contributions, petitions, users } from '../../../db/schema';
import type { SessionUser } from '../auth/auth.usecases';

export type AccessContext = SessionUser & {
  /** The user and everyone above them: a complaint concerning any of these is hidden from the user. */
  selfAndManagers: string[];
};

/** Roles that see every department's petitions (the registry routes them all; the delegate oversees). */
export const CITY_WIDE_ROLES = ['registry', 'delegate', 'admin'] as const;
/** Roles that see their own department's or service's petitions. */
export const DEPARTMENT_ROLES = ['head', 'officer', 'director'] as const;
export const PETITION_READER_ROLES = [...CITY_WIDE_ROLES, ...DEPARTMENT_ROLES] as const;

export async function loadAccessContext(db: DbOrTx, user: SessionUser): Promise<AccessContext> {
  const chain = [user.id];
  let managerId = user.managerId;
  // The reporting line is short (officer → head → director/delegate); guard against cycles anyway.
  while (managerId && !chain.includes(managerId) && chain.length < 10) {
    chain.push(managerId);
    const [row] = await db.select({ managerId: users.managerId }).from(users).where(eq(users.id, managerId));
    managerId = row?.managerId ?? null;
  }
  return { ...user, selfAndManagers: chain };
}

export function isCityWide(user: SessionUser): boolean {
  return (CITY_WIDE_ROLES as readonly string[]).includes(user.role);
}

/** The SQL condition for "this user may see this petition"; false for roles that see none. */
export function visibilityCondition(ctx: AccessContext): SQL {
  const conduct = or(isNull(petitions.concernsUserId), notInArray(petitions.concernsUserId, ctx.selfAndManagers))!;
  if (isCityWide(ctx)) return conduct;
  if (!(DEPARTMENT_ROLES as readonly string[]).includes(ctx.role) || !ctx.departmentId) return sql`false`;
  // A department sees what was routed to it, and petitions it was asked to contribute to.
  const ownDepartment = and(eq(petitions.handlerDepartmentId, ctx.departmentId), sql`${petitions.routedAt} is not null`)!;
  const askedToContribute = inArray(
    petitions.id,
    sql`(select ${contributions.petitionId} from ${contributions} where ${contributions.toDepartmentId} = ${ctx.departmentId})`,
  );
  return and(conduct, or(ownDepartment, askedToContribute))!;
}

/** The same rule for one loaded petition (actions check it before anything else). */
export function excludedByConductRule(ctx: AccessContext, petition: { concernsUserId: string | null }): boolean {
  return petition.concernsUserId !== null && ctx.selfAndManagers.includes(petition.concernsUserId);
}
