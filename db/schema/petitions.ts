// The single register of petitions (OG 27/2002 art. 6) and of public-information requests (Legea 544/2001).
import { sql } from 'drizzle-orm';
import {
  bigserial, boolean, customType, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text,
  timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { CHANNELS, PETITION_STATUSES, PETITION_TYPES } from '../../shared/domain/petition-codes';
import { categories, departments, institutions, users } from './organisation';

/** The statuses of a petition still being worked on (with a running clock), as SQL literals. */
export const OPEN_STATUS_LIST = sql.raw(["'registered'", "'routed'", "'in_progress'", "'answer_submitted'", "'answer_signed'", "'approved'"].join(', '));

export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

export const petitions = pgTable(
  'petitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** `P` petitions (OG 27/2002), `I` information requests (Legea 544/2001): separate numberings. */
    register: text('register', { enum: ['P', 'I'] }).notNull(),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    registrationNumber: text('registration_number').notNull(),
    regime: text('regime', { enum: ['og27', 'l544'] }).notNull(),
    type: text('type', { enum: PETITION_TYPES }).notNull(),
    channel: text('channel', { enum: CHANNELS }).notNull(),
    status: text('status', { enum: PETITION_STATUSES }).notNull().default('registered'),

    petitionerKind: text('petitioner_kind', { enum: ['person', 'organization'] }).notNull(),
    petitionerFirstName: text('petitioner_first_name'),
    petitionerLastName: text('petitioner_last_name'),
    petitionerOrganization: text('petitioner_organization'),
    petitionerEmail: text('petitioner_email'),
    /** E.164 (+40…). */
    petitionerPhone: text('petitioner_phone'),
    petitionerAddress: text('petitioner_address'),
    /** OG 27/2002 art. 7: name and a way to receive the answer; unidentified ones wait for the registry. */
    identified: boolean('identified').notNull(),

    locationAddress: text('location_address'),
    locationLat: doublePrecision('location_lat'),
    locationLng: doublePrecision('location_lng'),

    subject: text('subject').notNull(),
    body: text('body').notNull(),
    categoryId: uuid('category_id').notNull().references(() => categories.id),
    handlerDepartmentId: uuid('handler_department_id').references(() => departments.id),
    handlerInstitutionId: uuid('handler_institution_id').references(() => institutions.id),
    assigneeId: uuid('assignee_id').references(() => users.id),
    /** Conduct complaints: the staff member concerned never sees, handles or signs it. */
    concernsUserId: uuid('concerns_user_id').references(() => users.id),
    joinedIntoId: uuid('joined_into_id'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),

    registeredAt: timestamp('registered_at', { withTimezone: true }).notNull(),
    /** The Bucharest calendar date of registeredAt: the day every term counts from. */
    registeredOn: date('registered_on', { mode: 'string' }).notNull(),
    legalDueOn: date('legal_due_on', { mode: 'string' }).notNull(),
    internalDueOn: date('internal_due_on', { mode: 'string' }),
    forwardDueOn: date('forward_due_on', { mode: 'string' }),
    extendedAt: timestamp('extended_at', { withTimezone: true }),
    /** The internal clock stops while the department waits for another's contribution; the legal one never. */
    internalPausedAt: timestamp('internal_paused_at', { withTimezone: true }),
    /** Side exits: why it was filed (art. 7 anonymous, art. 10 repeated, withdrawn) and the earlier number. */
    filedReason: text('filed_reason', { enum: ['anonymous', 'repeated', 'withdrawn'] }),
    relatedPetitionId: uuid('related_petition_id'),
    /** Forwarding (art. 6^1): the outgoing letter's reference. */
    forwardLetterRef: text('forward_letter_ref'),
    routedAt: timestamp('routed_at', { withTimezone: true }),

    /** SHA-256 of the tracking code: the code itself is shown once and never stored. */
    trackingCodeHash: bytea('tracking_code_hash').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('petitions_registration_number_idx').on(t.registrationNumber),
    uniqueIndex('petitions_register_year_seq_idx').on(t.register, t.year, t.seq),
    index('petitions_status_due_idx').on(t.status, t.legalDueOn),
    index('petitions_department_due_idx').on(t.handlerDepartmentId, t.legalDueOn),
    index('petitions_phone_idx').on(t.petitionerPhone),
    index('petitions_assignee_idx').on(t.assigneeId, t.legalDueOn),
    index('petitions_joined_into_idx').on(t.joinedIntoId),
    index('petitions_email_idx').on(t.petitionerEmail),
    // The dashboard's and the reports' periods (issue 6): petitions registered in a date range.
    index('petitions_registered_at_idx').on(t.registeredAt),
    // The open petitions (issue 7, docs/bench.md): the queues read them in due-date order and the badges count
    // them with index-only scans, without touching the 90 % of the register that is closed. The key carries
    // every column the queue, visibility and clock conditions test. The statuses are literals in the queries
    // too, so that even a cached generic plan can prove it may use these partial indexes.
    index('petitions_open_department_idx')
      .on(t.handlerDepartmentId, t.legalDueOn, t.id, t.status, t.internalDueOn, t.internalPausedAt, t.assigneeId, t.routedAt, t.concernsUserId, t.identified)
      .where(sql`${t.status} in (${OPEN_STATUS_LIST})`),
    index('petitions_open_due_idx')
      .on(t.legalDueOn, t.id, t.status, t.handlerDepartmentId, t.internalDueOn, t.internalPausedAt, t.assigneeId, t.routedAt, t.concernsUserId, t.identified)
      .where(sql`${t.status} in (${OPEN_STATUS_LIST})`),
    index('petitions_open_assignee_idx').on(t.assigneeId, t.legalDueOn, t.id).where(sql`${t.status} in (${OPEN_STATUS_LIST})`),
  ],
);

/** Append-only (a trigger refuses UPDATE and DELETE): who did what, when, and whether the citizen sees it. */
export const petitionEvents = pgTable(
  'petition_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    petitionId: uuid('petition_id').notNull().references(() => petitions.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorKind: text('actor_kind', { enum: ['citizen', 'staff', 'system'] }).notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    type: text('type').notNull(),
    public: boolean('public').notNull().default(false),
    textRo: text('text_ro').notNull(),
    textEn: text('text_en').notNull(),
    /** Before/after and the event's own facts; never the petitioner's personal data. */
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [index('petition_events_petition_idx').on(t.petitionId, t.id)],
);

export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    petitionId: uuid('petition_id').notNull().references(() => petitions.id),
    /** Shown to people only; never used as a path (files live in this table). */
    fileName: text('file_name').notNull(),
    contentType: text('content_type', { enum: ['application/pdf', 'image/jpeg', 'image/png'] }).notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedByUserId: uuid('uploaded_by_user_id').references(() => users.id),
    /** Set for the annexes of an answer (issue 4 §1); null for what the petitioner sent. */
    answerId: uuid('answer_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('attachments_petition_idx').on(t.petitionId)],
);

/** Gapless numbering: one row per register and year, incremented under its row lock at commit time. */
export const registerCounters = pgTable(
  'register_counters',
  {
    register: text('register').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.register, t.year] })],
);

/** A retried intake with the same Idempotency-Key gets the first answer back (24 hours). */
export const idempotencyKeys = pgTable('idempotency_keys', {
  key: text('key').primaryKey(),
  requestHash: text('request_hash').notNull(),
  statusCode: integer('status_code'),
  /** The first answer, byte for byte (jsonb would reorder its keys). */
  response: text('response'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Extra non-working days entered by the administrator (the government's bridge days). */
export const closedDays = pgTable('closed_days', {
  date: date('date', { mode: 'string' }).primaryKey(),
  name: text('name').notNull(),
  createdByUserId: uuid('created_by_user_id').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A department asks another for a contribution; the asking department's internal clock pauses meanwhile. */
export const contributions = pgTable(
  'contributions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    petitionId: uuid('petition_id').notNull().references(() => petitions.id),
    fromDepartmentId: uuid('from_department_id').notNull().references(() => departments.id),
    toDepartmentId: uuid('to_department_id').notNull().references(() => departments.id),
    requestedByUserId: uuid('requested_by_user_id').notNull().references(() => users.id),
    question: text('question').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    status: text('status', { enum: ['pending', 'answered'] }).notNull().default('pending'),
    answer: text('answer'),
    answeredByUserId: uuid('answered_by_user_id').references(() => users.id),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('contributions_petition_idx').on(t.petitionId), index('contributions_to_idx').on(t.toDepartmentId, t.status)],
);

/**
 * Timers live in the database (DESIGN.md): one row per warning or breach still to fire. The sweeper claims
 * due rows with FOR UPDATE SKIP LOCKED and marks them fired in the same transaction, so each fires once
 * whatever the number of servers, and a restart loses none. A due date that moves replaces its rows.
 */
export const petitionClocks = pgTable(
  'petition_clocks',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    petitionId: uuid('petition_id').notNull().references(() => petitions.id),
    clock: text('clock', { enum: ['legal', 'internal', 'forward'] }).notNull(),
    stage: text('stage', { enum: ['at_risk', 'breached'] }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    firesAt: timestamp('fires_at', { withTimezone: true }).notNull(),
    firedAt: timestamp('fired_at', { withTimezone: true }),
  },
  (t) => [
    index('petition_clocks_due_idx').on(t.firesAt).where(sql`${t.firedAt} is null`),
    index('petition_clocks_petition_idx').on(t.petitionId),
  ],
);
