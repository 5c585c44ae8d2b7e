// Anonymisation (GDPR / Legea 190/2018; DOMAIN.md: "retention follows the archive schedule, then data is
// anonymised, not the petition deleted"). The petitions stay — number, register, type, channel, status,
// category, department, dates, clocks — so every report counts them as before; what identifies the
// petitioner goes, in one transaction:
//   petitions        names, organisation, e-mail, phone, postal address → null; location address and
//                    coordinates → null; subject → "[anonimizat]", body → "[conținut anonimizat]"
//   petition_events  text_ro, text_en and data: every quoted personal value → "[anonimizat]" (through the
//                    trigger's controlled path: SET LOCAL app.anonymising = on, petition recorded first)
//   attachments      content emptied, file name → "[anonimizat]", size 0, hash of the empty file
//   outbox           recipient and body → "[anonimizat]", subject/last error redacted; unsent → failed
//   idempotency_keys the stored answers of these petitions' intakes: deleted
//   answers, contributions, staff_notices: personal values inside their texts redacted
//   personal_data_reads: the subject of reads of these petitions or of these values redacted
//   calls            of these phones or linked to these petitions: phone and recording → null, notes redacted
//   open311_requests media_url → null
// and then one `personal_data_anonymised` event per petition, a petition_anonymisations row, and a
// gdpr_operations row (the audit: who, when, how many; never whose data).
import { and, eq, inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import type { Db, Tx } from '../../../db/client';
import {
  answers, attachments, callPetitions, calls, contributions, gdprOperations, idempotencyKeys, open311Requests, outbox,
  personalDataReads, petitionAnonymisations, petitionEvents, petitions, staffNotices,
} from '../../../db/schema';
import type { AnonymiseResponse, PetitionerLookup } from '../../../shared/api/gdpr';
import type { Clock } from '../../lib/clock';
import { appError } from '../../lib/errors';
import { createRedactor, personalValues, REDACTED, type Redactor } from './redact';

export const ANONYMISED_SUBJECT = REDACTED;
export const ANONYMISED_BODY = '[conținut anonimizat]';
const EMPTY_SHA256 = createHash('sha256').update(new Uint8Array(0)).digest('hex');

/** The petitions and calls of a petitioner found by e-mail and/or phone (E.164). */
export async function findPetitionerRecords(db: Db | Tx, who: PetitionerLookup): Promise<{ petitionIds: string[]; callIds: string[]; phones: string[]; emails: string[] }> {
  const match: SQL[] = [];
  if (who.email) match.push(sql`lower(${petitions.petitionerEmail}) = ${who.email.toLowerCase()}`);
  if (who.phone) match.push(eq(petitions.petitionerPhone, who.phone));
  if (match.length === 0) return { petitionIds: [], callIds: [], phones: [], emails: [] };
  const rows = await db.select({ id: petitions.id, phone: petitions.petitionerPhone, email: petitions.petitionerEmail }).from(petitions).where(or(...match));
  const petitionIds = rows.map((r) => r.id);
  const phones = [...new Set([who.phone, ...rows.map((r) => r.phone)].filter((p): p is string => Boolean(p)))];
  const emails = [...new Set([who.email, ...rows.map((r) => r.email?.toLowerCase())].filter((e): e is string => Boolean(e)))];
  const callIds = await findCallIds(db, petitionIds, phones);
  return { petitionIds, callIds, phones, emails };
}

async function findCallIds(db: Db | Tx, petitionIds: string[], phones: string[]): Promise<string[]> {
  const match: SQL[] = [];
  if (phones.length > 0) match.push(inArray(calls.phone, phones));
  if (petitionIds.length > 0) match.push(inArray(calls.id, db.select({ id: callPetitions.callId }).from(callPetitions).where(inArray(callPetitions.petitionId, petitionIds))));
  if (match.length === 0) return [];
  const rows = await db.select({ id: calls.id }).from(calls).where(or(...match));
  return rows.map((r) => r.id);
}

/** POST /api/admin/gdpr/anonymise: everything of one petitioner, on their request. */
export async function anonymisePetitioner({ db, clock, actorUserId, who }: { db: Db; clock: Clock; actorUserId: string; who: PetitionerLookup }): Promise<AnonymiseResponse> {
  const now = clock.now();
  const result = await db.transaction(async (tx) => {
    const found = await findPetitionerRecords(tx, who);
    if (found.petitionIds.length === 0 && found.callIds.length === 0) return null;
    return anonymiseInTx(tx, { petitionIds: found.petitionIds, callIds: found.callIds, extra: { emails: found.emails, phones: found.phones }, now, reason: 'request', actorUserId });
  });
  if (!result) throw appError('gdpr.not_found', 'No petition or call of this petitioner.');
  return { petitions: result.registrationNumbers, calls: result.calls, at: now.toISOString() };
}

/**
 * The core, shared by the administrator's request and the retention job: anonymises these petitions (and
 * these calls) inside the caller's transaction.
 */
export async function anonymiseInTx(
  tx: Tx,
  { petitionIds, callIds = [], extra = { emails: [], phones: [] }, now, reason, actorUserId }: {
    petitionIds: string[];
    callIds?: string[];
    extra?: { emails: string[]; phones: string[] };
    now: Date;
    reason: 'request' | 'retention';
    actorUserId: string | null;
  },
): Promise<{ registrationNumbers: string[]; calls: number }> {
  const rows = petitionIds.length > 0 ? await tx.select().from(petitions).where(inArray(petitions.id, petitionIds)).for('update') : [];
  const fileNames = rows.length > 0 ? await tx.select({ fileName: attachments.fileName }).from(attachments).where(inArray(attachments.petitionId, petitionIds)) : [];
  const redact = createRedactor(
    personalValues(
      [
        ...rows.flatMap((p) => [p.petitionerFirstName, p.petitionerLastName, p.petitionerOrganization, p.petitionerEmail, p.petitionerAddress, p.locationAddress]),
        ...rows.map((p) => [p.petitionerFirstName, p.petitionerLastName].filter(Boolean).join(' ')),
        ...fileNames.map((f) => f.fileName),
        ...extra.emails,
      ],
      [...rows.map((p) => p.petitionerPhone), ...extra.phones],
    ),
  );
  const numbers = rows.map((p) => p.registrationNumber).sort();

  if (rows.length > 0) {
    await anonymisePetitionRows(tx, petitionIds, numbers, redact, { now, reason, actorUserId });
  }
  const allCallIds = [...new Set([...callIds, ...(petitionIds.length > 0 ? await findCallIds(tx, petitionIds, []) : [])])];
  if (allCallIds.length > 0) {
    await tx
      .update(calls)
      .set({ phone: null, recordingUrl: null, notes: sql`case when ${calls.notes} is null then null else ${REDACTED} end`, updatedAt: now })
      .where(inArray(calls.id, allCallIds));
  }
  // Notices of these petitions, and any other notice sent to these addresses.
  // Only on the petitioner's request: the retention job touches nothing but its petitions' own rows (the same
  // person may have a newer petition whose notices must still go out).
  const lookedUp = [...new Set([...extra.emails, ...extra.phones])];
  const noticeMatch: SQL[] = [];
  if (petitionIds.length > 0) noticeMatch.push(inArray(outbox.petitionId, petitionIds));
  if (lookedUp.length > 0) noticeMatch.push(inArray(outbox.recipient, lookedUp));
  if (noticeMatch.length > 0) {
    const notices = await tx.select({ id: outbox.id, subject: outbox.subject, lastError: outbox.lastError, status: outbox.status }).from(outbox).where(or(...noticeMatch));
    for (const n of notices) {
      const unsent = n.status === 'pending';
      await tx
        .update(outbox)
        .set({
          recipient: REDACTED,
          body: REDACTED,
          subject: redact.nullable(n.subject),
          lastError: unsent ? 'Anulat: datele personale au fost anonimizate.' : redact.nullable(n.lastError),
          ...(unsent ? { status: 'failed' as const, lockedUntil: null, claimToken: null } : {}),
        })
        .where(eq(outbox.id, n.id));
    }
  }
  // Reads of these petitions, and reads whose subject names the petitioner (a caller look-up, an export).
  const readMatch: SQL[] = [];
  if (petitionIds.length > 0) readMatch.push(inArray(personalDataReads.petitionId, petitionIds));
  for (const v of lookedUp) readMatch.push(sql`strpos(lower(${personalDataReads.subject}), ${v.toLowerCase()}) > 0`);
  if (readMatch.length > 0) {
    const reads = await tx.select({ id: personalDataReads.id, subject: personalDataReads.subject }).from(personalDataReads).where(and(isNotNull(personalDataReads.subject), or(...readMatch)));
    for (const r of reads) {
      const subject = redact.nullable(r.subject);
      if (subject !== r.subject) await tx.update(personalDataReads).set({ subject }).where(eq(personalDataReads.id, r.id));
    }
  }
  await tx.insert(gdprOperations).values({
    at: now,
    kind: reason === 'request' ? 'anonymise' : 'retention',
    actorUserId,
    petitionCount: rows.length,
    callCount: allCallIds.length,
    registrationNumbers: numbers,
  });
  return { registrationNumbers: numbers, calls: allCallIds.length };
}

async function anonymisePetitionRows(
  tx: Tx,
  ids: string[],
  numbers: string[],
  redact: Redactor,
  { now, reason, actorUserId }: { now: Date; reason: 'request' | 'retention'; actorUserId: string | null },
): Promise<void> {
  // Recorded first: the trigger of petition_events lets the texts of a recorded petition be rewritten.
  await tx
    .insert(petitionAnonymisations)
    .values(ids.map((petitionId) => ({ petitionId, at: now, reason, actorUserId })))
    .onConflictDoUpdate({ target: petitionAnonymisations.petitionId, set: { at: now, reason, actorUserId } });

  await tx
    .update(petitions)
    .set({
      petitionerFirstName: null,
      petitionerLastName: null,
      petitionerOrganization: null,
      petitionerEmail: null,
      petitionerPhone: null,
      petitionerAddress: null,
      locationAddress: null,
      locationLat: null,
      locationLng: null,
      subject: ANONYMISED_SUBJECT,
      body: ANONYMISED_BODY,
    })
    .where(inArray(petitions.id, ids));

  // The timeline: append-only, except through this controlled path (migration 0008).
  await tx.execute(sql`select set_config('app.anonymising', 'on', true)`);
  const events = await tx.select({ id: petitionEvents.id, textRo: petitionEvents.textRo, textEn: petitionEvents.textEn, data: petitionEvents.data }).from(petitionEvents).where(inArray(petitionEvents.petitionId, ids));
  for (const e of events) {
    const next = { textRo: redact.text(e.textRo), textEn: redact.text(e.textEn), data: redact.json(e.data) };
    if (next.textRo !== e.textRo || next.textEn !== e.textEn || JSON.stringify(next.data) !== JSON.stringify(e.data)) {
      await tx.update(petitionEvents).set(next).where(eq(petitionEvents.id, e.id));
    }
  }
  await tx.execute(sql`select set_config('app.anonymising', 'off', true)`);

  await tx
    .update(attachments)
    .set({ fileName: REDACTED, content: new Uint8Array(0), size: 0, sha256: EMPTY_SHA256 })
    .where(inArray(attachments.petitionId, ids));

  // The stored first answers of the intakes (registration number and tracking code): deleted.
  if (numbers.length > 0) {
    await tx.delete(idempotencyKeys).where(or(...numbers.map((n) => sql`strpos(coalesce(${idempotencyKeys.response}, ''), ${`"${n}"`}) > 0`)));
  }

  const answerRows = await tx.select({ id: answers.id, body: answers.body, legalBasis: answers.legalBasis, postalReference: answers.postalReference }).from(answers).where(inArray(answers.petitionId, ids));
  for (const a of answerRows) {
    const next = { body: redact.text(a.body), legalBasis: redact.text(a.legalBasis), postalReference: redact.nullable(a.postalReference) };
    if (next.body !== a.body || next.legalBasis !== a.legalBasis || next.postalReference !== a.postalReference) await tx.update(answers).set(next).where(eq(answers.id, a.id));
  }
  const contributionRows = await tx.select({ id: contributions.id, question: contributions.question, answer: contributions.answer }).from(contributions).where(inArray(contributions.petitionId, ids));
  for (const r of contributionRows) {
    const next = { question: redact.text(r.question), answer: redact.nullable(r.answer) };
    if (next.question !== r.question || next.answer !== r.answer) await tx.update(contributions).set(next).where(eq(contributions.id, r.id));
  }
  const noticeRows = await tx.select({ id: staffNotices.id, textRo: staffNotices.textRo, textEn: staffNotices.textEn }).from(staffNotices).where(inArray(staffNotices.petitionId, ids));
  for (const r of noticeRows) {
    const next = { textRo: redact.text(r.textRo), textEn: redact.text(r.textEn) };
    if (next.textRo !== r.textRo || next.textEn !== r.textEn) await tx.update(staffNotices).set(next).where(eq(staffNotices.id, r.id));
  }
  await tx.update(open311Requests).set({ mediaUrl: null }).where(inArray(open311Requests.petitionId, ids));

  // The timeline says it happened (not public: the tracking page shows nothing new).
  await tx.insert(petitionEvents).values(
    ids.map((petitionId) => ({
      petitionId,
      at: now,
      actorKind: actorUserId ? ('staff' as const) : ('system' as const),
      actorUserId,
      type: 'personal_data_anonymised',
      public: false,
      textRo: reason === 'request' ? 'Datele personale ale petentului au fost anonimizate, la cererea acestuia (GDPR).' : 'Datele personale ale petentului au fost anonimizate la expirarea termenului de păstrare.',
      textEn: reason === 'request' ? "The petitioner's personal data was anonymised at their request (GDPR)." : "The petitioner's personal data was anonymised when the retention period ended.",
      data: { reason },
    })),
  );
}
