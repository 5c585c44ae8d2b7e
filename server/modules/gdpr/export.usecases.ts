// The petitioner's data (GDPR art. 15 and 20), found by e-mail and/or phone: every row of every table that
// concerns them, as JSON — their petitions with the timeline, the attachments (with their content, base64),
// the notices, the answers, the contributions, the clocks, the staff notices, the reads of their data, the
// Open311 record, their calls; and, so that a table added later is never left out, the rows of any other
// table that has a petition_id column. The export is itself a read of personal data, and is logged.
import { asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '../../../db/client';
import {
  answers, attachments, callPetitions, calls, categories, contributions, idempotencyKeys, open311Requests, outbox, personalDataReads,
  petitionAnonymisations, petitionClocks, petitionEvents, petitions, staffNotices, users,
} from '../../../db/schema';
import type { PetitionerLookup } from '../../../shared/api/gdpr';
import type { Clock } from '../../lib/clock';
import { appError } from '../../lib/errors';
import type { SessionUser } from '../auth/auth.usecases';
import { findPetitionerRecords } from './anonymise.usecases';

/** Tables this export writes out by name; any other table with a petition_id is added under `otherRecords`. */
const KNOWN_TABLES = new Set([
  'petitions', 'petition_events', 'attachments', 'outbox', 'answers', 'contributions', 'petition_clocks', 'staff_notices',
  'personal_data_reads', 'call_petitions', 'open311_requests', 'petition_anonymisations',
]);

const base64 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

function byPetition<T extends { petitionId: string | null }>(rows: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    if (!r.petitionId) continue;
    const list = map.get(r.petitionId) ?? [];
    list.push(r);
    map.set(r.petitionId, list);
  }
  return map;
}

export async function exportPetitionerData({ db, clock, actor, who }: { db: Db; clock: Clock; actor: SessionUser; who: PetitionerLookup }) {
  const found = await findPetitionerRecords(db, who);
  if (found.petitionIds.length === 0 && found.callIds.length === 0) throw appError('gdpr.not_found', 'No petition or call of this petitioner.');
  const ids = found.petitionIds;
  const some = ids.length > 0;
  const [
    petitionRows, eventRows, attachmentRows, outboxRows, answerRows, contributionRows, clockRows, staffNoticeRows, readRows,
    callLinkRows, open311Rows, anonymisationRows,
  ] = await Promise.all([
    some ? db.select({ petition: petitions, categoryCode: categories.code, categoryName: categories.nameRo }).from(petitions).innerJoin(categories, eq(categories.id, petitions.categoryId)).where(inArray(petitions.id, ids)).orderBy(asc(petitions.registeredAt)) : [],
    some ? db.select().from(petitionEvents).where(inArray(petitionEvents.petitionId, ids)).orderBy(asc(petitionEvents.id)) : [],
    some ? db.select().from(attachments).where(inArray(attachments.petitionId, ids)).orderBy(asc(attachments.createdAt)) : [],
    db.select().from(outbox).where(or(...[some ? inArray(outbox.petitionId, ids) : undefined, ...recipientMatch(who, found.phones)].filter((m): m is SQL => m !== undefined))).orderBy(asc(outbox.createdAt)),
    some ? db.select().from(answers).where(inArray(answers.petitionId, ids)).orderBy(asc(answers.createdAt)) : [],
    some ? db.select().from(contributions).where(inArray(contributions.petitionId, ids)).orderBy(asc(contributions.createdAt)) : [],
    some ? db.select().from(petitionClocks).where(inArray(petitionClocks.petitionId, ids)).orderBy(asc(petitionClocks.id)) : [],
    some ? db.select().from(staffNotices).where(inArray(staffNotices.petitionId, ids)).orderBy(asc(staffNotices.createdAt)) : [],
    db
      .select({ read: personalDataReads, userName: users.name, userRole: users.role })
      .from(personalDataReads)
      .innerJoin(users, eq(users.id, personalDataReads.userId))
      .where(or(...[some ? inArray(personalDataReads.petitionId, ids) : undefined, ...subjectMatch(who, found.phones)].filter((m): m is SQL => m !== undefined)))
      .orderBy(asc(personalDataReads.at), asc(personalDataReads.id)),
    found.callIds.length > 0 || some
      ? db.select().from(callPetitions).where(or(...[found.callIds.length > 0 ? inArray(callPetitions.callId, found.callIds) : undefined, some ? inArray(callPetitions.petitionId, ids) : undefined].filter((m): m is SQL => m !== undefined)))
      : [],
    some ? db.select().from(open311Requests).where(inArray(open311Requests.petitionId, ids)) : [],
    some ? db.select().from(petitionAnonymisations).where(inArray(petitionAnonymisations.petitionId, ids)) : [],
  ]);
  const callIds = [...new Set([...found.callIds, ...callLinkRows.map((l) => l.callId)])];
  const callRows = callIds.length > 0 ? await db.select().from(calls).where(inArray(calls.id, callIds)).orderBy(asc(calls.startedAt)) : [];
  const numbers = petitionRows.map((r) => r.petition.registrationNumber);
  const idempotencyRows = numbers.length > 0
    ? await db.select().from(idempotencyKeys).where(or(...numbers.map((n) => sql`strpos(coalesce(${idempotencyKeys.response}, ''), ${`"${n}"`}) > 0`)))
    : [];
  const otherRecords = some ? await otherTables(db, ids) : {};

  const events = byPetition(eventRows);
  const files = byPetition(attachmentRows);
  const notices = byPetition(outboxRows);
  const answersOf = byPetition(answerRows);
  const contributionsOf = byPetition(contributionRows);
  const clocksOf = byPetition(clockRows);
  const staffNoticesOf = byPetition(staffNoticeRows);
  const readsOf = byPetition(readRows.map((r) => ({ ...r.read, petitionId: r.read.petitionId, user: { id: r.read.userId, name: r.userName, role: r.userRole } })));
  const numberOfCall = new Map<string, string[]>();
  for (const l of callLinkRows) {
    const n = petitionRows.find((p) => p.petition.id === l.petitionId)?.petition.registrationNumber;
    if (n) numberOfCall.set(l.callId, [...(numberOfCall.get(l.callId) ?? []), n]);
  }

  const now = clock.now();
  // The export is a read of this petitioner's personal data: one log row per petition (or one for calls only).
  const subject = [who.email, who.phone].filter(Boolean).join(' ');
  await db.insert(personalDataReads).values(
    (ids.length > 0 ? ids : [null]).map((petitionId) => ({ userId: actor.id, petitionId, source: 'gdpr_export', subject, at: now })),
  );

  return {
    generatedAt: now.toISOString(),
    controller: 'Primăria Sectorului 6 a Municipiului București',
    query: { email: who.email ?? null, phone: who.phone ?? null },
    petitions: petitionRows.map(({ petition: p, categoryCode, categoryName }) => {
      // The tracking code's hash is not data about the petitioner, and it is a credential: left out.
      const { trackingCodeHash: _hash, ...fields } = p;
      void _hash;
      return {
        ...fields,
        category: { code: categoryCode, name: categoryName },
        events: events.get(p.id) ?? [],
        attachments: (files.get(p.id) ?? []).map(({ content, ...meta }) => ({ ...meta, contentBase64: base64(content) })),
        notices: notices.get(p.id) ?? [],
        answers: answersOf.get(p.id) ?? [],
        contributions: contributionsOf.get(p.id) ?? [],
        clocks: clocksOf.get(p.id) ?? [],
        staffNotices: staffNoticesOf.get(p.id) ?? [],
        personalDataReads: readsOf.get(p.id) ?? [],
        open311: open311Rows.find((o) => o.petitionId === p.id) ?? null,
        anonymisation: anonymisationRows.find((a) => a.petitionId === p.id) ?? null,
        calls: callLinkRows.filter((l) => l.petitionId === p.id).map((l) => l.callId),
      };
    }),
    calls: callRows.map((c) => ({ ...c, petitions: numberOfCall.get(c.id) ?? [] })),
    /** Notices sent to these addresses that belong to no petition of theirs. */
    otherNotices: outboxRows.filter((n) => !n.petitionId || !ids.includes(n.petitionId)),
    /** Reads of their data not tied to one of their petitions (caller look-ups, earlier exports). */
    otherPersonalDataReads: readRows.filter((r) => !r.read.petitionId || !ids.includes(r.read.petitionId)).map((r) => ({ ...r.read, user: { id: r.read.userId, name: r.userName, role: r.userRole } })),
    /** The stored first answers of their intakes (kept 24 hours for retried requests). */
    idempotencyKeys: idempotencyRows,
    otherRecords,
  };
}

function recipientMatch(who: PetitionerLookup, phones: string[]): SQL[] {
  const values = [who.email, ...phones].filter((v): v is string => Boolean(v));
  return values.length > 0 ? [inArray(outbox.recipient, values)] : [];
}

function subjectMatch(who: PetitionerLookup, phones: string[]): SQL[] {
  return [who.email, ...phones].filter((v): v is string => Boolean(v)).map((v) => sql`strpos(lower(coalesce(${personalDataReads.subject}, '')), ${v.toLowerCase()}) > 0`);
}

/** Rows of every other table with a petition_id column (a table added after this code was written). */
async function otherTables(db: Db, ids: string[]): Promise<Record<string, unknown[]>> {
  const tables = rowsOf<{ table_name: string }>(
    await db.execute(sql`select table_name from information_schema.columns where table_schema = 'public' and column_name = 'petition_id' order by table_name`),
  ).map((r) => r.table_name).filter((t) => !KNOWN_TABLES.has(t));
  const out: Record<string, unknown[]> = {};
  for (const table of tables) {
    const rows = rowsOf<{ r: unknown }>(
      await db.execute(sql`select row_to_json(t) as r from ${sql.identifier(table)} t where t.petition_id::text in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`),
    );
    if (rows.length > 0) out[table] = rows.map((x) => (typeof x.r === 'string' ? JSON.parse(x.r) : x.r));
  }
  return out;
}
