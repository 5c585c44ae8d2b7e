// Departments and categories (issue 3 §1): the routing table the registry works from. A change is
// refused when it would leave the table inconsistent: a category without its handler, a deactivated
// department that still receives petitions or has staff, a registry that no longer exists.
import type { Db, DbOrTx } from '../../../db/client';
import type { categories } from '../../../db/schema';
import type {
  AdminCategory,
  AdminDepartment,
  CreateCategoryInput,
  CreateDepartmentInput,
  UpdateCategoryInput,
  UpdateDepartmentInput,
} from '../../../shared/api/admin';
import { appError } from '../../lib/errors';
import { fieldError, isUniqueViolation } from './admin.errors';
import * as repo from './admin-catalog.repository';

// ---- departments -------------------------------------------------------------------------------------

export async function listDepartments({ db }: { db: DbOrTx }): Promise<{ items: AdminDepartment[] }> {
  return { items: await repo.listDepartments(db) };
}

export async function createDepartment({ db, input }: { db: Db; input: CreateDepartmentInput }): Promise<{ department: AdminDepartment }> {
  if (await repo.findDepartment(db, input.code)) throw departmentCodeTaken();
  try {
    await repo.insertDepartment(db, { code: input.code, name: input.name, kind: input.kind });
  } catch (error) {
    if (isUniqueViolation(error)) throw departmentCodeTaken();
    throw error;
  }
  return { department: (await repo.findDepartment(db, input.code))! };
}

export async function updateDepartment({ db, code, input }: { db: Db; code: string; input: UpdateDepartmentInput }): Promise<{ department: AdminDepartment }> {
  const current = await repo.findDepartment(db, code.toUpperCase());
  if (!current) throw appError('departments.not_found', 'No such department.');
  if (input.active === false && current.active) {
    // OG 27/2002 art. 6: the registry receives and dispatches every petition; it cannot close.
    if (current.isRegistry) throw appError('departments.registry_locked', 'The registry department cannot be deactivated.');
    const { categoryCodes } = await repo.departmentDependants(db, current.id);
    if (current.userCount > 0 || categoryCodes.length > 0) {
      throw appError('departments.in_use', 'Move its staff and re-route its categories before deactivating the department.', {
        activeUsers: current.userCount,
        categories: categoryCodes,
      });
    }
  }
  if (input.kind === 'internal' && current.kind === 'subordinate') {
    // A director heads a subordinate service (OG 27/2002 art. 13: the second signature).
    const { activeDirectors } = await repo.departmentDependants(db, current.id);
    if (activeDirectors > 0) throw appError('departments.in_use', 'The department has a director; an internal department has none.', { activeDirectors });
  }
  if (Object.values(input).some((v) => v !== undefined)) await repo.updateDepartment(db, current.id, input);
  return { department: (await repo.findDepartment(db, current.code))! };
}

export async function listActiveDepartments({ db }: { db: DbOrTx }) {
  return repo.listActiveDepartments(db);
}

export async function listActiveInstitutions({ db }: { db: DbOrTx }) {
  return repo.listActiveInstitutions(db);
}

function departmentCodeTaken() {
  return appError('departments.code_taken', 'Another department already has this code.', { fields: [{ path: 'code', code: 'taken', message: 'Already in use' }] });
}

// ---- categories --------------------------------------------------------------------------------------

export async function listCategories({ db }: { db: DbOrTx }): Promise<{ items: AdminCategory[] }> {
  return { items: (await repo.listCategories(db)).map(toAdminCategory) };
}

export async function createCategory({ db, input }: { db: Db; input: CreateCategoryInput }): Promise<{ category: AdminCategory }> {
  if (await repo.findCategory(db, input.code)) throw categoryCodeTaken();
  const values = await resolveCategory(db, null, input);
  try {
    await repo.insertCategory(db, {
      ...values,
      code: input.code,
      nameRo: input.nameRo,
      nameEn: input.nameEn,
      regime: input.regime,
      routing: input.routing,
      public: input.public ?? false,
      internalDueWorkingDays: input.internalDueWorkingDays ?? 5, // DOMAIN.md: 5 working days before the legal date
      active: input.active ?? true,
      sortOrder: input.sortOrder ?? (await repo.nextSortOrder(db)),
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw categoryCodeTaken();
    throw error;
  }
  return { category: toAdminCategory((await repo.findCategory(db, input.code))!) };
}

export async function updateCategory({ db, code, input }: { db: Db; code: string; input: UpdateCategoryInput }): Promise<{ category: AdminCategory }> {
  const current = await repo.findCategory(db, code);
  if (!current) throw appError('admin.category_not_found', 'No such category.');
  const values = await resolveCategory(db, current, input);
  await repo.updateCategory(db, current.id, {
    ...values,
    nameRo: input.nameRo,
    nameEn: input.nameEn,
    routing: input.routing,
    public: input.public,
    internalDueWorkingDays: input.internalDueWorkingDays,
    active: input.active,
    sortOrder: input.sortOrder,
  });
  return { category: toAdminCategory((await repo.findCategory(db, code))!) };
}

type CategoryChange = Pick<UpdateCategoryInput, 'routing' | 'handlerDepartmentCode' | 'handlerInstitutionCode' | 'deadlineDays' | 'deadlineCounting'>;

/**
 * The category as it will be: handlers consistent with the routing and the deadline override complete.
 * A handler that does not fit a changed routing is dropped unless the input names it (then: 400).
 */
async function resolveCategory(db: DbOrTx, current: repo.CategoryRow | null, input: CategoryChange & { regime?: 'og27' | 'l544' }) {
  const routing = input.routing ?? current!.routing;
  const pick = <K extends 'handlerDepartmentCode' | 'handlerInstitutionCode'>(field: K, fits: boolean) =>
    input[field] !== undefined ? input[field] : fits && current ? current[field] : null;
  const departmentCode = pick('handlerDepartmentCode', routing === 'department');
  const institutionCode = pick('handlerInstitutionCode', routing === 'forward');

  if (routing === 'department' && !departmentCode) throw fieldError('handlerDepartmentCode', 'required', 'A category routed to a department needs that department.');
  if (routing === 'forward' && !institutionCode) throw fieldError('handlerInstitutionCode', 'required', 'A forwarded category needs the institution it goes to.');
  if (routing !== 'department' && departmentCode) throw fieldError('handlerDepartmentCode', 'not_allowed', `A category with routing ${routing} has no handling department.`);
  if (routing !== 'forward' && institutionCode) throw fieldError('handlerInstitutionCode', 'not_allowed', `A category with routing ${routing} is not forwarded.`);

  const handlerDepartmentId = departmentCode ? await activeHandler(db, 'department', departmentCode) : null;
  const handlerInstitutionId = institutionCode ? await activeHandler(db, 'institution', institutionCode) : null;

  // A special law's term (OG 27/2002 is 30 days, Legea 544/2001 10): days and how they are counted.
  const regime = input.regime ?? current!.regime;
  const deadlineDays = input.deadlineDays !== undefined ? input.deadlineDays : (current?.deadlineDays ?? null);
  let deadlineCounting = input.deadlineCounting !== undefined ? input.deadlineCounting : (current?.deadlineCounting ?? null);
  if (deadlineDays === null) {
    if (input.deadlineCounting) throw fieldError('deadlineCounting', 'needs_days', 'A counting rule goes with a number of days.');
    deadlineCounting = null;
  } else {
    deadlineCounting ??= regime === 'l544' ? 'free_days' : 'calendar';
  }
  return { handlerDepartmentId, handlerInstitutionId, deadlineDays, deadlineCounting } satisfies Partial<typeof categories.$inferInsert>;
}

async function activeHandler(db: DbOrTx, kind: 'department' | 'institution', code: string): Promise<string> {
  const found = await repo.findHandler(db, kind, code);
  if (!found || !found.active) {
    const field = kind === 'department' ? 'handlerDepartmentCode' : 'handlerInstitutionCode';
    throw fieldError(field, 'not_found', `No active ${kind} ${code}.`);
  }
  return found.id;
}

function categoryCodeTaken() {
  return appError('categories.code_taken', 'Another category already has this code.', { fields: [{ path: 'code', code: 'taken', message: 'Already in use' }] });
}

function toAdminCategory({ id: _id, ...row }: repo.CategoryRow): AdminCategory {
  return row;
}
