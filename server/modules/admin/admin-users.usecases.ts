// Staff accounts (issue 3 §1): who works where, under whom. A deactivated account or a reset password
// ends the user's sessions in the same transaction, so the change holds from the next request.
import type { Db, DbOrTx } from '../../../db/client';
import type { users } from '../../../db/schema';
import {
  ROLES_DEFAULTING_TO_REGISTRY,
  ROLES_REQUIRING_DEPARTMENT,
  ROLES_WITHOUT_DEPARTMENT,
  type AdminUser,
  type CreateUserInput,
  type DirectoryUser,
  type StaffRole,
  type UpdateUserInput,
} from '../../../shared/api/admin';
import type { Clock } from '../../lib/clock';
import { appError } from '../../lib/errors';
import { hashPassword } from '../../lib/passwords';
import { deleteUserSessions } from '../auth/auth.repository';
import { assertStrongPassword, hashSessionToken, type SessionUser } from '../auth/auth.usecases';
import { fieldError, isUniqueViolation, isUuid } from './admin.errors';
import * as repo from './admin-users.repository';

const has = (list: readonly StaffRole[], role: StaffRole) => list.includes(role);

export async function listUsers({ db, filter }: { db: DbOrTx; filter: repo.UserFilter }): Promise<{ items: AdminUser[] }> {
  return { items: (await repo.listAdminUsers(db, filter)).map(toAdminUser) };
}

export async function listStaffDirectory({ db, filter }: {
  db: DbOrTx; filter: { role?: StaffRole | undefined; departmentCode?: string | undefined };
}): Promise<{ items: DirectoryUser[] }> {
  return { items: await repo.listDirectory(db, filter) };
}

export async function createUser({ db, clock, input }: { db: Db; clock: Clock; input: CreateUserInput }): Promise<{ user: AdminUser }> {
  if (await repo.emailTaken(db, input.email)) throw emailTaken();
  assertStrongPassword(input.password, input.email, 'password');
  const departmentId = await placeInDepartment(db, { role: input.role, requested: input.departmentCode ?? null, current: null });
  const managerId = input.managerId ? await checkManager(db, input.managerId, null) : null;
  const now = clock.now();
  let id: string;
  try {
    id = await repo.insertUser(db, {
      email: input.email,
      name: input.name,
      role: input.role,
      departmentId,
      managerId,
      jobTitle: input.jobTitle ?? null,
      phone: input.phone ?? null,
      passwordHash: await hashPassword(input.password),
      createdAt: now,
      updatedAt: now,
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
  return { user: toAdminUser((await repo.findAdminUser(db, id))!) };
}

export async function updateUser({ db, clock, actor, actorToken, id, input }: {
  db: Db; clock: Clock; actor: SessionUser; actorToken: string | null; id: string; input: UpdateUserInput;
}): Promise<{ user: AdminUser }> {
  const current = isUuid(id) ? await repo.findUserForUpdate(db, id) : null;
  if (!current) throw appError('users.not_found', 'No such user.');
  // The acting administrator cannot lock themself out (and so an active admin always remains).
  if (id === actor.id && input.active === false) throw appError('users.self_lockout', 'You cannot deactivate your own account.');
  if (id === actor.id && input.role !== undefined && input.role !== 'admin') throw appError('users.self_lockout', 'You cannot take away your own administrator role.');

  const set: Partial<typeof users.$inferInsert> = { updatedAt: clock.now() };
  if (input.name !== undefined) set.name = input.name;
  if (input.role !== undefined || input.departmentCode !== undefined) {
    set.role = input.role ?? current.role;
    set.departmentId = await placeInDepartment(db, { role: set.role, requested: input.departmentCode, current: current.departmentCode });
  }
  if (input.managerId !== undefined) set.managerId = input.managerId === null ? null : await checkManager(db, input.managerId, id);
  if (input.jobTitle !== undefined) set.jobTitle = input.jobTitle;
  if (input.phone !== undefined) set.phone = input.phone;
  if (input.active !== undefined) set.active = input.active;
  if (input.password !== undefined) {
    assertStrongPassword(input.password, current.email, 'password');
    set.passwordHash = await hashPassword(input.password);
  }

  await db.transaction(async (tx) => {
    await repo.updateUser(tx, id, set);
    // Deactivated, or a password reset (a lost laptop): every session ends now, the admin's own excepted.
    if (input.active === false || input.password !== undefined) {
      await deleteUserSessions(tx, id, id === actor.id && actorToken ? hashSessionToken(actorToken) : undefined);
    }
  });
  return { user: toAdminUser((await repo.findAdminUser(db, id))!) };
}

/**
 * DOMAIN.md "People": a head, officer or director belongs to a department (a director to a subordinate
 * service); registry, agents and supervisors work in the registry's department unless another is named;
 * the delegate and the administrator are city-wide. `requested` undefined = unchanged.
 */
async function placeInDepartment(db: DbOrTx, { role, requested, current }: {
  role: StaffRole; requested: string | null | undefined; current: string | null;
}): Promise<string | null> {
  if (has(ROLES_WITHOUT_DEPARTMENT, role)) {
    if (requested) throw fieldError('departmentCode', 'not_allowed', `The role ${role} has no department.`);
    return null;
  }
  const code = requested === undefined ? current : requested;
  if (!code) {
    if (has(ROLES_REQUIRING_DEPARTMENT, role)) throw fieldError('departmentCode', 'required', `The role ${role} needs a department.`);
    if (has(ROLES_DEFAULTING_TO_REGISTRY, role)) {
      const registry = await repo.findDepartment(db, { registry: true });
      if (!registry) throw new Error('the registry department is missing from the catalog');
      return registry.id;
    }
    return null;
  }
  const department = await repo.findDepartment(db, { code });
  if (!department || !department.active) throw fieldError('departmentCode', 'not_found', `No active department ${code}.`);
  if (role === 'director' && department.kind !== 'subordinate') {
    throw fieldError('departmentCode', 'not_subordinate', 'A director heads a subordinate public service.');
  }
  return department.id;
}

/** The manager must exist and must not put the user above themself in the reporting line. */
async function checkManager(db: DbOrTx, managerId: string, userId: string | null): Promise<string> {
  if (managerId === userId) throw fieldError('managerId', 'cycle', 'A user cannot be their own manager.');
  const chain = await repo.managerChain(db, managerId);
  if (chain.length === 0) throw fieldError('managerId', 'not_found', 'No such manager.');
  if (userId && chain.some((u) => u.id === userId)) {
    throw fieldError('managerId', 'cycle', 'This manager reports (directly or not) to the user: the reporting line would be a circle.');
  }
  return managerId;
}

function emailTaken() {
  return appError('users.email_taken', 'Another account already uses this e-mail address.', { fields: [{ path: 'email', code: 'taken', message: 'Already in use' }] });
}

function toAdminUser(row: repo.AdminUserRow): AdminUser {
  return { ...row, createdAt: row.createdAt.toISOString() };
}
