// Staff sessions, the log of personal-data reads (GDPR), and in-app notices for staff.
import { bigserial, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './organisation';
import { petitions } from './petitions';

/** Server-side sessions: the cookie carries a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id').notNull().references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    clientAddress: text('client_address'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** GDPR / Legea 190/2018: every read of a petitioner's personal data — who, when, which petition, why. */
export const personalDataReads = pgTable(
  'personal_data_reads',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: uuid('user_id').notNull().references(() => users.id),
    petitionId: uuid('petition_id').references(() => petitions.id),
    /** `petitioner` (the staff API), `caller_lookup` (call center), … */
    source: text('source').notNull(),
    subject: text('subject'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('personal_data_reads_at_idx').on(t.at)],
);

/** In-app notices for staff (escalations, assignments); the e-mail copy goes through the outbox. */
export const staffNotices = pgTable(
  'staff_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull().references(() => users.id),
    petitionId: uuid('petition_id').references(() => petitions.id),
    kind: text('kind').notNull(),
    textRo: text('text_ro').notNull(),
    textEn: text('text_en').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('staff_notices_user_idx').on(t.userId, t.createdAt)],
);
