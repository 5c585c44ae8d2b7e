// The call center (issue 5): every call, the petitions it touched, the agents' presence, and the office
// hours the phone line keeps. A call is not a petition (DOMAIN.md): it becomes one only when the agent
// registers it with the caller's identification, and the link is kept in call_petitions.
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { CALL_DIRECTIONS, CALL_OUTCOMES, CALL_STATUSES, CALLBACK_STATUSES, PRESENCE_STATUSES } from '../../shared/domain/calls';
import { users } from './organisation';
import { petitions } from './petitions';

export const calls = pgTable(
  'calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Twilio's CallSid (CA…) for a call that came through Twilio; null for a simulated or a logged call. */
    twilioCallSid: text('twilio_call_sid').unique(),
    direction: text('direction', { enum: CALL_DIRECTIONS }).notNull(),
    /** E.164; null only when the caller withheld the number. */
    phone: text('phone'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    durationS: integer('duration_s'),
    agentId: uuid('agent_id').references(() => users.id),
    status: text('status', { enum: CALL_STATUSES }).notNull(),
    /** A code of GET /api/calls/reasons: a category code or a general reason. */
    reason: text('reason'),
    notes: text('notes'),
    outcome: text('outcome', { enum: CALL_OUTCOMES }),
    recordingUrl: text('recording_url'),
    /** Missed calls and promised callbacks form the queue agents work through. */
    callbackStatus: text('callback_status', { enum: CALLBACK_STATUSES }).notNull().default('none'),
    callbackDoneAt: timestamp('callback_done_at', { withTimezone: true }),
    callbackDoneBy: uuid('callback_done_by').references(() => users.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('calls_phone_idx').on(t.phone, t.startedAt),
    index('calls_started_idx').on(t.startedAt, t.id),
    index('calls_agent_idx').on(t.agentId, t.startedAt),
    index('calls_callbacks_idx').on(t.startedAt).where(sql`${t.callbackStatus} = 'open'`),
  ],
);

export const callPetitions = pgTable(
  'call_petitions',
  {
    callId: uuid('call_id').notNull().references(() => calls.id),
    petitionId: uuid('petition_id').notNull().references(() => petitions.id),
  },
  (t) => [primaryKey({ columns: [t.callId, t.petitionId] }), index('call_petitions_petition_idx').on(t.petitionId)],
);

/** One row per agent who ever set a status; no row means `away`. */
export const agentPresence = pgTable('agent_presence', {
  userId: uuid('user_id').primaryKey().references(() => users.id),
  status: text('status', { enum: PRESENCE_STATUSES }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/**
 * The phone line's schedule, Europe/Bucharest wall-clock times, one row per ISO weekday (1 = Monday … 7 =
 * Sunday); `opens_at`/`closes_at` null = closed that weekday. Non-working days (legal holidays, closed
 * days) are closed whatever this says. Seeded by the migration with DOMAIN's default; the admin edits it.
 */
export const officeHours = pgTable(
  'office_hours',
  {
    weekday: smallint('weekday').primaryKey(),
    opensAt: text('opens_at'),
    closesAt: text('closes_at'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [
    check('office_hours_weekday_check', sql`${t.weekday} between 1 and 7`),
    check('office_hours_pair_check', sql`(${t.opensAt} is null) = (${t.closesAt} is null)`),
  ],
);
