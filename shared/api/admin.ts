// The administrator's API (issue 3 §1): users, departments, categories and routing. Request and response
// schemas shared by the server and the admin pages; the directory lists (/api/users, /api/departments,
// /api/institutions) used by other staff pages are here too.
import { z } from 'zod';
import { normalizePhone } from '../domain/phone';
import { cleanText } from '../domain/text';

export const STAFF_ROLES = ['agent', 'supervisor', 'registry', 'officer', 'head', 'director', 'delegate', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Roles that belong to one department (DOMAIN.md "People"); the director's must be a subordinate service. */
export const ROLES_REQUIRING_DEPARTMENT = ['head', 'officer', 'director'] as const satisfies readonly StaffRole[];
/** Roles that work in the registry's department unless another is named. */
export const ROLES_DEFAULTING_TO_REGISTRY = ['registry', 'agent', 'supervisor'] as const satisfies readonly StaffRole[];
/** City-wide roles: no department. */
export const ROLES_WITHOUT_DEPARTMENT = ['delegate', 'admin'] as const satisfies readonly StaffRole[];
/** Who may read the staff directory (GET /api/users). */
export const DIRECTORY_READER_ROLES = ['registry', 'head', 'director', 'delegate', 'admin'] as const satisfies readonly StaffRole[];

export const DEPARTMENT_KINDS = ['internal', 'subordinate'] as const;
export const CATEGORY_ROUTINGS = ['department', 'forward', 'by_person'] as const;
export const CATEGORY_REGIMES = ['og27', 'l544'] as const;
export const DEADLINE_COUNTINGS = ['calendar', 'free_days'] as const;

export const ADMIN_LIMITS = {
  name: 120,
  jobTitle: 120,
  password: 200,
  departmentName: 200,
  categoryName: 200,
  deadlineDays: { min: 1, max: 120 },
  internalDueWorkingDays: { min: 0, max: 20 },
} as const;

const text = (max: number, min = 1) => z.string().max(max * 4).transform((s) => cleanText(s)).pipe(z.string().min(min).max(max));
const optionalText = (max: number) =>
  z.union([z.string().max(max * 4).transform((s) => cleanText(s)).pipe(z.string().max(max)), z.null()]).transform((s) => s || null);
const id = z.guid();
const departmentCode = z.string().trim().toUpperCase().regex(/^[A-Z0-9]{2,12}$/, '2–12 upper-case letters or digits');
const institutionCode = z.string().trim().toUpperCase().regex(/^[A-Z0-9]{2,12}$/, '2–12 upper-case letters or digits');
const phone = z.union([z.string().max(40), z.null()]).transform((s, ctx) => {
  if (!s || !s.trim()) return null;
  const e164 = normalizePhone(s);
  if (!e164) {
    ctx.addIssue({ code: 'custom', message: 'Not a phone number' });
    return z.NEVER;
  }
  return e164;
});
/** Query-string booleans. */
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

// ---- users -------------------------------------------------------------------------------------------

export const adminUsersQuerySchema = z.object({
  role: z.enum(STAFF_ROLES).optional(),
  departmentCode: departmentCode.optional(),
  /** Part of the name or e-mail, case- and accent-insensitive. */
  q: z.string().trim().max(100).optional(),
  active: flag.optional(),
});

export const adminUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(STAFF_ROLES),
  departmentCode: z.string().nullable(),
  managerId: z.string().nullable(),
  managerName: z.string().nullable(),
  jobTitle: z.string().nullable(),
  phone: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
});
export type AdminUser = z.infer<typeof adminUserSchema>;
export const adminUsersResponseSchema = z.object({ items: z.array(adminUserSchema) });
export const adminUserResponseSchema = z.object({ user: adminUserSchema });

export const createUserInputSchema = z
  .object({
    email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
    name: text(ADMIN_LIMITS.name, 2),
    role: z.enum(STAFF_ROLES),
    /** Omitted or null: the role's default (the registry's department, or none). */
    departmentCode: departmentCode.nullable().optional(),
    managerId: id.nullable().optional(),
    jobTitle: optionalText(ADMIN_LIMITS.jobTitle).optional(),
    phone: phone.optional(),
    password: z.string().max(ADMIN_LIMITS.password),
  })
  .strict();
export type CreateUserInput = z.infer<typeof createUserInputSchema>;

export const updateUserInputSchema = z
  .object({
    name: text(ADMIN_LIMITS.name, 2).optional(),
    role: z.enum(STAFF_ROLES).optional(),
    departmentCode: departmentCode.nullable().optional(),
    managerId: id.nullable().optional(),
    jobTitle: optionalText(ADMIN_LIMITS.jobTitle).optional(),
    phone: phone.optional(),
    /** false ends the user's sessions at once. */
    active: z.boolean().optional(),
    /** A reset by the administrator: the user's sessions end. */
    password: z.string().max(ADMIN_LIMITS.password).optional(),
  })
  .strict();
export type UpdateUserInput = z.infer<typeof updateUserInputSchema>;

/** The staff directory: no e-mail or phone (personal data), active users only. */
export const directoryQuerySchema = z.object({
  departmentCode: departmentCode.optional(),
  role: z.enum(STAFF_ROLES).optional(),
});
export const directoryUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(STAFF_ROLES),
  departmentCode: z.string().nullable(),
  jobTitle: z.string().nullable(),
});
export type DirectoryUser = z.infer<typeof directoryUserSchema>;
export const directoryResponseSchema = z.object({ items: z.array(directoryUserSchema) });

// ---- departments and institutions --------------------------------------------------------------------

export const adminDepartmentSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(DEPARTMENT_KINDS),
  isRegistry: z.boolean(),
  active: z.boolean(),
  /** Active users in the department. */
  userCount: z.number().int(),
});
export type AdminDepartment = z.infer<typeof adminDepartmentSchema>;
export const adminDepartmentsResponseSchema = z.object({ items: z.array(adminDepartmentSchema) });
export const adminDepartmentResponseSchema = z.object({ department: adminDepartmentSchema });

export const createDepartmentInputSchema = z
  .object({
    code: z.string().trim().regex(/^[A-Z0-9]{2,12}$/, '2–12 upper-case letters or digits'),
    name: text(ADMIN_LIMITS.departmentName, 2),
    kind: z.enum(DEPARTMENT_KINDS),
  })
  .strict();
export type CreateDepartmentInput = z.infer<typeof createDepartmentInputSchema>;

export const updateDepartmentInputSchema = z
  .object({
    name: text(ADMIN_LIMITS.departmentName, 2).optional(),
    kind: z.enum(DEPARTMENT_KINDS).optional(),
    active: z.boolean().optional(),
  })
  .strict();
export type UpdateDepartmentInput = z.infer<typeof updateDepartmentInputSchema>;

export const departmentsResponseSchema = z.array(z.object({ code: z.string(), name: z.string(), kind: z.enum(DEPARTMENT_KINDS) }));
export const institutionsResponseSchema = z.array(z.object({ code: z.string(), name: z.string() }));

// ---- categories --------------------------------------------------------------------------------------

export const adminCategorySchema = z.object({
  code: z.string(),
  nameRo: z.string(),
  nameEn: z.string(),
  regime: z.enum(CATEGORY_REGIMES),
  routing: z.enum(CATEGORY_ROUTINGS),
  handlerDepartmentCode: z.string().nullable(),
  handlerInstitutionCode: z.string().nullable(),
  public: z.boolean(),
  /** null: the regime's own term (OG 27/2002: 30 days; Legea 544/2001: 10 days). */
  deadlineDays: z.number().int().nullable(),
  deadlineCounting: z.enum(DEADLINE_COUNTINGS).nullable(),
  internalDueWorkingDays: z.number().int(),
  active: z.boolean(),
  sortOrder: z.number().int(),
});
export type AdminCategory = z.infer<typeof adminCategorySchema>;
export const adminCategoriesResponseSchema = z.object({ items: z.array(adminCategorySchema) });
export const adminCategoryResponseSchema = z.object({ category: adminCategorySchema });

const categoryFields = {
  nameRo: text(ADMIN_LIMITS.categoryName, 2),
  nameEn: text(ADMIN_LIMITS.categoryName, 2),
  routing: z.enum(CATEGORY_ROUTINGS),
  handlerDepartmentCode: departmentCode.nullable(),
  handlerInstitutionCode: institutionCode.nullable(),
  public: z.boolean(),
  deadlineDays: z.number().int().min(ADMIN_LIMITS.deadlineDays.min).max(ADMIN_LIMITS.deadlineDays.max).nullable(),
  deadlineCounting: z.enum(DEADLINE_COUNTINGS).nullable(),
  internalDueWorkingDays: z.number().int().min(ADMIN_LIMITS.internalDueWorkingDays.min).max(ADMIN_LIMITS.internalDueWorkingDays.max),
  active: z.boolean(),
  sortOrder: z.number().int().min(0).max(10_000),
};

/**
 * Routing consistency is checked on the result (server side): `department` needs
 * handlerDepartmentCode, `forward` needs handlerInstitutionCode, `by_person` neither.
 */
export const updateCategoryInputSchema = z.object(categoryFields).partial().strict();
export type UpdateCategoryInput = z.infer<typeof updateCategoryInputSchema>;

export const createCategoryInputSchema = z
  .object({
    code: z.string().trim().max(64).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case: lower-case letters, digits and single dashes'),
    regime: z.enum(CATEGORY_REGIMES),
    nameRo: categoryFields.nameRo,
    nameEn: categoryFields.nameEn,
    routing: categoryFields.routing,
  })
  .extend(z.object(categoryFields).omit({ nameRo: true, nameEn: true, routing: true }).partial().shape)
  .strict();
export type CreateCategoryInput = z.infer<typeof createCategoryInputSchema>;
