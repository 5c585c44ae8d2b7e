// Every notice is written here in the same transaction as its cause and delivered by the outbox worker
// (DESIGN.md: nothing acknowledged is lost; at-least-once, de-duplicated by this id).
import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { petitions } from './petitions';

export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;

export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    channel: text('channel', { enum: ['email', 'sms'] }).notNull(),
    recipient: text('recipient').notNull(),
    template: text('template').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    petitionId: uuid('petition_id').references(() => petitions.id),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** A claimed row whose worker died is claimable again after this instant. */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    providerId: text('provider_id'),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('outbox_due_idx').on(t.status, t.nextAttemptAt)],
);
