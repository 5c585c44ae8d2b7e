import { and, asc, count, eq, max, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { categories, departments, institutions, users } from '../../../db/schema';

// ---- departments and institutions --------------------------------------------------------------------

/** Departments with the number of their active users (a grouped subquery, joined). */
function selectDepartments(db: DbOrTx) {
  const staff = db
    .select({ departmentId: users.departmentId, n: count().as('n') })
    .from(users)
    .where(eq(users.active, true))
    .groupBy(users.departmentId)
    .as('staff');
  return db
    .select({
      id: departments.id,
      code: departments.code,
      name: departments.name,
      kind: departments.kind,
      isRegistry: departments.isRegistry,
      active: departments.active,
      userCount: sql<number>`coalesce(${staff.n}, 0)`.mapWith(Number),
    })
    .from(departments)
    .leftJoin(staff, eq(staff.departmentId, departments.id));
}

export async function listDepartments(db: DbOrTx) {
  return selectDepartments(db).orderBy(asc(departments.code));
}

export async function findDepartment(db: DbOrTx, code: string) {
  const [row] = await selectDepartments(db).where(eq(departments.code, code));
  return row ?? null;
}

export async function insertDepartment(db: DbOrTx, values: typeof departments.$inferInsert): Promise<void> {
  await db.insert(departments).values(values);
}

export async function updateDepartment(db: DbOrTx, id: string, values: Partial<typeof departments.$inferInsert>): Promise<void> {
  await db.update(departments).set(values).where(eq(departments.id, id));
}

/** What still depends on a department: its active directors, and the active categories routed to it. */
export async function departmentDependants(db: DbOrTx, id: string) {
  const directors = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.departmentId, id), eq(users.active, true), eq(users.role, 'director')));
  const routed = await db
    .select({ code: categories.code })
    .from(categories)
    .where(and(eq(categories.handlerDepartmentId, id), eq(categories.active, true)))
    .orderBy(asc(categories.code));
  return { activeDirectors: directors.length, categoryCodes: routed.map((r) => r.code) };
}

export async function listActiveDepartments(db: DbOrTx) {
  return db
    .select({ code: departments.code, name: departments.name, kind: departments.kind })
    .from(departments)
    .where(eq(departments.active, true))
    .orderBy(asc(departments.name));
}

export async function listActiveInstitutions(db: DbOrTx) {
  return db.select({ code: institutions.code, name: institutions.name }).from(institutions).where(eq(institutions.active, true)).orderBy(asc(institutions.name));
}

export async function findHandler(db: DbOrTx, kind: 'department' | 'institution', code: string) {
  const table = kind === 'department' ? departments : institutions;
  const [row] = await db.select({ id: table.id, active: table.active }).from(table).where(eq(table.code, code));
  return row ?? null;
}

// ---- categories --------------------------------------------------------------------------------------

const categoryColumns = {
  id: categories.id,
  code: categories.code,
  nameRo: categories.nameRo,
  nameEn: categories.nameEn,
  regime: categories.regime,
  routing: categories.routing,
  handlerDepartmentCode: departments.code,
  handlerInstitutionCode: institutions.code,
  public: categories.public,
  deadlineDays: categories.deadlineDays,
  deadlineCounting: categories.deadlineCounting,
  internalDueWorkingDays: categories.internalDueWorkingDays,
  active: categories.active,
  sortOrder: categories.sortOrder,
};

function selectCategories(db: DbOrTx) {
  return db
    .select(categoryColumns)
    .from(categories)
    .leftJoin(departments, eq(departments.id, categories.handlerDepartmentId))
    .leftJoin(institutions, eq(institutions.id, categories.handlerInstitutionId));
}

export type CategoryRow = NonNullable<Awaited<ReturnType<typeof findCategory>>>;

export async function listCategories(db: DbOrTx) {
  return selectCategories(db).orderBy(asc(categories.sortOrder), asc(categories.code));
}

export async function findCategory(db: DbOrTx, code: string) {
  const [row] = await selectCategories(db).where(eq(categories.code, code));
  return row ?? null;
}

export async function nextSortOrder(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ last: max(categories.sortOrder) }).from(categories);
  return (row?.last ?? -1) + 1;
}

export async function insertCategory(db: DbOrTx, values: typeof categories.$inferInsert): Promise<void> {
  await db.insert(categories).values(values);
}

export async function updateCategory(db: DbOrTx, id: string, values: Partial<typeof categories.$inferInsert>): Promise<void> {
  await db.update(categories).set(values).where(eq(categories.id, id));
}
