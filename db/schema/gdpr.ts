// GDPR / Legea 190/2018 (issue 6 §5): the retention period of each register, which petitions were
// anonymised (and why), and the administrator's GDPR operations. None of these rows holds personal data.
import { sql } from 'drizzle-orm';
import { bigserial, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './organisation';
import { petitions } from './petitions';

/** Years a register's petitions keep their personal data after they are closed (archive schedule). */
export const retentionSettings = pgTable(
  'retention_settings',
  {
    /** `P` petitions (OG 27/2002), `I` information requests (Legea 544/2001). */
    register: text('register', { enum: ['P', 'I'] }).primaryKey(),
    years: integer('years').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [check('retention_settings_years_check', sql`${t.years} between 1 and 100`)],
);

/**
 * One row per anonymised petition. The append-only trigger of petition_events lets an UPDATE of an
 * event's texts through only for a petition listed here, inside a transaction that set
 * `app.anonymising = on` (migration 0008).
 */
export const petitionAnonymisations = pgTable('petition_anonymisations', {
  petitionId: uuid('petition_id').primaryKey().references(() => petitions.id),
  at: timestamp('at', { withTimezone: true }).notNull(),
  /** `request`: the administrator, on the petitioner's request; `retention`: the scheduled job. */
  reason: text('reason', { enum: ['request', 'retention'] }).notNull(),
  actorUserId: uuid('actor_user_id').references(() => users.id),
});

/** The audit of GDPR operations that change data: who, when, how many rows (never whose data). */
export const gdprOperations = pgTable(
  'gdpr_operations',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    kind: text('kind', { enum: ['anonymise', 'retention'] }).notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    petitionCount: integer('petition_count').notNull(),
    callCount: integer('call_count').notNull(),
    /** The registration numbers concerned (numbers are not personal data). */
    registrationNumbers: jsonb('registration_numbers').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  },
  (t) => [index('gdpr_operations_at_idx').on(t.at)],
);
