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
    /** The current claim (one per worker batch): every later write of that worker is conditioned on it. */
    claimToken: uuid('claim_token'),
    /**
     * Set just before the provider is called, cleared when its answer is recorded. A claimed row that still
     * has it is a notice whose last call has an unknown outcome: the worker asks the provider before
     * sending again (docs/adr/0006-notice-delivery.md).
     */
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true }),
    /** SMS only: GSM-7 or UCS-2, and the parts the operator bills (shared/domain/gsm.ts). */
    encoding: text('encoding', { enum: ['GSM-7', 'UCS-2'] }),
    segments: integer('segments'),
    /** The provider's last word on delivery (Twilio: queued, sent, delivered, undelivered, failed). */
    providerStatus: text('provider_status'),
    providerStatusAt: timestamp('provider_status_at', { withTimezone: true }),
  },
  (t) => [index('outbox_due_idx').on(t.status, t.nextAttemptAt), index('outbox_created_idx').on(t.createdAt, t.id)],
);
