import { and, asc, eq, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../../db/client';
import { departments, users } from '../../../db/schema';
import type { StaffRole } from '../../../shared/api/admin';

const managers = alias(users, 'managers');

const adminUserColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  departmentCode: departments.code,
  managerId: users.managerId,
  managerName: managers.name,
  jobTitle: users.jobTitle,
  phone: users.phone,
  active: users.active,
  createdAt: users.createdAt,
};

export type AdminUserRow = NonNullable<Awaited<ReturnType<typeof findAdminUser>>>;

export type UserFilter = { role?: StaffRole | undefined; departmentCode?: string | undefined; q?: string | undefined; active?: boolean | undefined };

/** Part of a name or e-mail, case- and accent-insensitive (ș matches s), LIKE wildcards taken literally. */
function matchesText(q: string): SQL {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return or(sql`unaccent(${users.name}) ilike unaccent(${pattern})`, sql`${users.email} ilike ${pattern}`)!;
}

function selectAdminUsers(db: DbOrTx) {
  return db
    .select(adminUserColumns)
    .from(users)
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .leftJoin(managers, eq(managers.id, users.managerId));
}

export async function listAdminUsers(db: DbOrTx, filter: UserFilter) {
  const conditions = [
    filter.role ? eq(users.role, filter.role) : undefined,
    filter.departmentCode ? eq(departments.code, filter.departmentCode) : undefined,
    filter.q ? matchesText(filter.q) : undefined,
    filter.active === undefined ? undefined : eq(users.active, filter.active),
  ];
  return selectAdminUsers(db).where(and(...conditions)).orderBy(asc(users.name), asc(users.email));
}

export async function findAdminUser(db: DbOrTx, id: string) {
  const [row] = await selectAdminUsers(db).where(eq(users.id, id));
  return row ?? null;
}

/** What an update needs to know about the user as stored. */
export async function findUserForUpdate(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ id: users.id, email: users.email, role: users.role, departmentCode: departments.code, active: users.active })
    .from(users)
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(eq(users.id, id));
  return row ?? null;
}

export async function findDepartment(db: DbOrTx, where: { code: string } | { registry: true }) {
  const [row] = await db
    .select({ id: departments.id, code: departments.code, kind: departments.kind, active: departments.active })
    .from(departments)
    .where('code' in where ? eq(departments.code, where.code) : eq(departments.isRegistry, true))
    .limit(1);
  return row ?? null;
}

export async function emailTaken(db: DbOrTx, email: string): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`).limit(1);
  return rows.length > 0;
}

/** The manager's reporting line upwards, from the manager itself (bounded: the data may already hold a cycle). */
export async function managerChain(db: DbOrTx, managerId: string): Promise<Array<{ id: string; managerId: string | null }>> {
  const chain: Array<{ id: string; managerId: string | null }> = [];
  let next: string | null = managerId;
  while (next && chain.length < 50 && !chain.some((u) => u.id === next)) {
    const [row] = await db.select({ id: users.id, managerId: users.managerId }).from(users).where(eq(users.id, next));
    if (!row) break;
    chain.push(row);
    next = row.managerId;
  }
  return chain;
}

export async function insertUser(db: DbOrTx, values: typeof users.$inferInsert): Promise<string> {
  const [row] = await db.insert(users).values(values).returning({ id: users.id });
  return row!.id;
}

export async function updateUser(db: DbOrTx, id: string, values: Partial<typeof users.$inferInsert>): Promise<void> {
  await db.update(users).set(values).where(eq(users.id, id));
}

/** The staff directory: no e-mail or phone, active users only. */
export async function listDirectory(db: DbOrTx, filter: { role?: StaffRole | undefined; departmentCode?: string | undefined }) {
  return db
    .select({ id: users.id, name: users.name, role: users.role, departmentCode: departments.code, jobTitle: users.jobTitle })
    .from(users)
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(and(
      eq(users.active, true),
      filter.role ? eq(users.role, filter.role) : undefined,
      filter.departmentCode ? eq(departments.code, filter.departmentCode) : undefined,
    ))
    .orderBy(asc(users.name));
}
