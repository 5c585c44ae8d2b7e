// Open311 GeoReport v2 (issue 6 §6): the API keys the administrator issues to other civic software, and
// what a petition registered through Open311 carries beyond the petition itself.
import { sql } from 'drizzle-orm';
import { pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './organisation';
import { petitions } from './petitions';

/** A key is shown once when issued; the table keeps only its SHA-256 and a short prefix to recognise it. */
export const open311ApiKeys = pgTable(
  'open311_api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Who the key is for (the application or the organisation). */
    name: text('name').notNull(),
    /** SHA-256 of the key, hexadecimal. */
    keyHash: text('key_hash').notNull(),
    /** The key's first characters, shown in the list so the administrator can tell keys apart. */
    keyPrefix: text('key_prefix').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => users.id),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('open311_api_keys_hash_idx').on(t.keyHash),
    // One active key per name: a second one with the same name is a 409 (revoke the first).
    uniqueIndex('open311_api_keys_active_name_idx').on(sql`lower(${t.name})`).where(sql`${t.revokedAt} is null`),
  ],
);

/** A petition that came through Open311: which key sent it, and the photo link the application gave. */
export const open311Requests = pgTable('open311_requests', {
  petitionId: uuid('petition_id').primaryKey().references(() => petitions.id),
  apiKeyId: uuid('api_key_id').notNull().references(() => open311ApiKeys.id),
  mediaUrl: text('media_url'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});
