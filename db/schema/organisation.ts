// Who handles petitions: the city hall's departments, its subordinate services, outside institutions
// (for forwarding, OG 27/2002 art. 6^1), the categories that route to them, and staff users.
import { sql } from 'drizzle-orm';
import { boolean, integer, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';

export const departments = pgTable('departments', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  /** `internal` department of the city hall or `subordinate` public service (OG 27/2002 art. 13 signatures). */
  kind: text('kind', { enum: ['internal', 'subordinate'] }).notNull(),
  /** The registry (art. 6): registers, routes and is the only one that dispatches answers. */
  isRegistry: boolean('is_registry').notNull().default(false),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const institutions = pgTable('institutions', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  email: text('email'),
  address: text('address'),
  active: boolean('active').notNull().default(true),
});

export const categories = pgTable('categories', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  nameRo: text('name_ro').notNull(),
  nameEn: text('name_en').notNull(),
  regime: text('regime', { enum: ['og27', 'l544'] }).notNull().default('og27'),
  /** How the registry routes it: to a department, forwarded to an institution, or by the person concerned. */
  routing: text('routing', { enum: ['department', 'forward', 'by_person'] }).notNull(),
  handlerDepartmentId: uuid('handler_department_id').references(() => departments.id),
  handlerInstitutionId: uuid('handler_institution_id').references(() => institutions.id),
  /** Open data (Open311) may show it, without personal data. */
  public: boolean('public').notNull().default(false),
  /** A category governed by a special law overrides the term: days and counting (null = the regime's rule). */
  deadlineDays: integer('deadline_days'),
  deadlineCounting: text('deadline_counting', { enum: ['calendar', 'free_days'] }),
  /** Internal due date: this many working days before the legal one (DOMAIN.md default 5). */
  internalDueWorkingDays: integer('internal_due_working_days').notNull().default(5),
  sortOrder: integer('sort_order').notNull().default(0),
  active: boolean('active').notNull().default(true),
});

export const USER_ROLES = ['agent', 'supervisor', 'registry', 'officer', 'head', 'director', 'delegate', 'admin'] as const;

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: USER_ROLES }).notNull(),
    departmentId: uuid('department_id').references(() => departments.id),
    /** Reporting line: the conduct rule (DOMAIN.md) keeps a complaint away from the person and their chain. */
    managerId: uuid('manager_id').references((): AnyPgColumn => users.id),
    jobTitle: text('job_title'),
    phone: text('phone'),
    passwordHash: text('password_hash'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_lower_idx').on(sql`lower(${t.email})`)],
);
