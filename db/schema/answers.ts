// The answer (OG 27/2002 art. 13): drafted by the officer, signed by the department head and then by the
// signing authority (the delegate for an internal department, the director for a subordinate service),
// dispatched only by the registry (art. 6(4)). Legea 544 requests also have refusals and complexity notices.
import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './organisation';
import { petitions } from './petitions';

export const ANSWER_KINDS = ['answer', 'l544_refusal', 'l544_complexity'] as const;

export const answers = pgTable(
  'answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    petitionId: uuid('petition_id').notNull().references(() => petitions.id),
    kind: text('kind', { enum: ANSWER_KINDS }).notNull().default('answer'),
    /** Sanitised HTML: paragraphs, bold, italic, lists, links — nothing else survives the server. */
    body: text('body').notNull(),
    legalBasis: text('legal_basis').notNull(),
    draftedByUserId: uuid('drafted_by_user_id').notNull().references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    headSignedByUserId: uuid('head_signed_by_user_id').references(() => users.id),
    headSignedAt: timestamp('head_signed_at', { withTimezone: true }),
    authoritySignedByUserId: uuid('authority_signed_by_user_id').references(() => users.id),
    authoritySignedAt: timestamp('authority_signed_at', { withTimezone: true }),
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true }),
    dispatchedByUserId: uuid('dispatched_by_user_id').references(() => users.id),
    /** A petitioner with only a postal address gets the letter by post: the registry records its reference. */
    postalReference: text('postal_reference'),
    /** The current draft of a petition; dispatched answers stay as history. */
    current: boolean('current').notNull().default(true),
  },
  (t) => [
    uniqueIndex('answers_current_idx').on(t.petitionId).where(sql`${t.current}`),
    index('answers_petition_idx').on(t.petitionId),
    // The dashboard (issue 6 §2): answers dispatched in a period.
    index('answers_dispatched_idx').on(t.dispatchedAt).where(sql`${t.dispatchedAt} is not null`),
  ],
);

/** Starting texts per kind and category, with placeholders; edited by the administrator. */
export const answerTemplates = pgTable('answer_templates', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind', { enum: ['answer', 'forward_notice', 'extension_notice', 'filing_notice', 'l544_refusal', 'l544_complexity'] }).notNull(),
  categoryCode: text('category_code'),
  title: text('title').notNull(),
  body: text('body').notNull(),
  legalBasis: text('legal_basis').notNull().default(''),
  active: boolean('active').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
