// registerPetition: the one intake use case for every channel (DESIGN.md "Flow of a petition" step 1).
// Validate, normalise, route by category, compute the legal due date, allocate the number, and write the
// petition, its first timeline event and its notices in one transaction.
import { createHash, randomUUID } from 'node:crypto';
import type { Db, Tx } from '../../../db/client';
import type { CreatePetitionInput, CreatePetitionResponse } from '../../../shared/api/petitions';
import { bucharestDateOf, bucharestYearOf } from '../../../shared/domain/dates';
import { computeDueDate, type DeadlineRule } from '../../../shared/domain/deadlines';
import { REGISTERS, type Channel } from '../../../shared/domain/petition-codes';
import { isIdentified } from '../../../shared/domain/petitioner';
import { formatRegistrationNumber } from '../../../shared/domain/registration-number';
import { formatDateRo } from '../../../shared/domain/format';
import type { Clock } from '../../lib/clock';
import { appError } from '../../lib/errors';
import { generateTrackingCode, hashTrackingCode } from '../../lib/tracking-code';
import { loadLegalCalendar } from '../calendar/calendar.repository';
import { startClocks } from '../clocks/clocks.repository';
import { noticesFor } from '../notifications/notices';
import * as repo from './petitions.repository';

export type IncomingFile = { fileName: string; contentType: 'application/pdf' | 'image/jpeg' | 'image/png'; bytes: Uint8Array };

export type RegisterPetitionArgs = {
  db: Db;
  clock: Clock;
  publicUrl: string;
  input: CreatePetitionInput;
  channel: Channel;
  files?: IncomingFile[];
  actorUserId?: string | null;
  idempotency?: { key: string; requestHash: string } | null;
};

export type RegisterPetitionResult = { status: number; body: CreatePetitionResponse; replayed: boolean; petitionId: string | null };

const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export async function registerPetition(args: RegisterPetitionArgs): Promise<RegisterPetitionResult> {
  const { db, idempotency } = args;
  for (let attempt = 0; attempt < 2; attempt++) {
    const outcome = await db.transaction(async (tx) => {
      if (idempotency && !(await repo.claimIdempotencyKey(tx, idempotency.key, idempotency.requestHash, args.clock.now()))) {
        return { kind: 'taken' as const };
      }
      const result = await writePetition(tx, args);
      return { kind: 'created' as const, result };
    });
    if (outcome.kind === 'created') return outcome.result;
    const replay = await replayIdempotent(db, idempotency!, args.clock);
    if (replay) return replay;
    // The key had expired (older than 24 hours) and was removed: register as a new request.
  }
  throw appError('idempotency.key_reused', 'This Idempotency-Key is in use by another request.');
}

async function replayIdempotent(db: Db, { key, requestHash }: { key: string; requestHash: string }, clock: Clock): Promise<RegisterPetitionResult | null> {
  const row = await repo.findIdempotencyKey(db, key);
  if (!row) return null;
  if (clock.now().getTime() - row.createdAt.getTime() > IDEMPOTENCY_TTL_MS) {
    await repo.deleteIdempotencyKey(db, key);
    return null;
  }
  if (row.requestHash !== requestHash) {
    throw appError('idempotency.key_reused', 'This Idempotency-Key was already used with a different request body.');
  }
  if (!row.response || !row.statusCode) {
    throw appError('idempotency.key_reused', 'The first request with this Idempotency-Key is still being processed.');
  }
  return { status: row.statusCode, body: JSON.parse(row.response) as CreatePetitionResponse, replayed: true, petitionId: null };
}

async function writePetition(tx: Tx, args: RegisterPetitionArgs): Promise<RegisterPetitionResult> {
  const { clock, input, channel, publicUrl } = args;
  const category = await repo.findActiveCategory(tx, input.categoryCode);
  if (!category) {
    throw appError('request.invalid', 'Unknown category.', { fields: [{ path: 'categoryCode', code: 'unknown_category', message: 'Unknown category' }] });
  }
  const calendar = await loadLegalCalendar(tx);
  const registeredAt = clock.now();
  const registeredOn = bucharestDateOf(registeredAt);
  const year = bucharestYearOf(registeredAt);
  const rule: DeadlineRule | undefined =
    category.deadlineDays != null ? { days: category.deadlineDays, counting: category.deadlineCounting ?? 'calendar' } : undefined;
  const legalDueOn = computeDueDate({ kind: category.regime === 'l544' ? 'l544.answer' : 'og27.answer', registeredOn, calendar, rule });
  // OG 27/2002 art. 6^1: another institution's competence → forwarded within 5 days; the clock starts now.
  const forwardDueOn = category.routing === 'forward' ? computeDueDate({ kind: 'og27.forward', registeredOn, calendar }) : null;
  const identified = isIdentified(input.petitioner);
  const trackingCode = generateTrackingCode();
  const petitionId = randomUUID();

  // Attachments first: the largest writes happen before the register's counter row is locked.
  await repo.insertAttachments(
    tx,
    (args.files ?? []).map((f) => ({
      petitionId,
      fileName: f.fileName,
      contentType: f.contentType,
      size: f.bytes.byteLength,
      sha256: createHash('sha256').update(f.bytes).digest('hex'),
      content: f.bytes,
      uploadedByUserId: args.actorUserId ?? null,
    })),
  );

  // From here to the commit the register's counter row is locked (gapless numbers, ADR 0002). Every write
  // goes in one pipeline (postgres.js writes them on the connection without waiting for each answer;
  // PostgreSQL runs them in this order): the increment first, which leaves the number in the transaction
  // (repo.allocateNumber), then everything that quotes it, written with a placeholder the database replaces
  // (repo.numbered). One round trip, then the commit. Each element below is an async call awaiting one Drizzle
  // query, so they reach the connection in this order (a bare query builder would be sent a step later).
  const register = REGISTERS[category.regime];
  const placeholder = `\u2063№${randomUUID()}\u2063`; // no petitioner can type it: a fresh UUID between invisible separators
  const p = input.petitioner;
  const notices = noticesFor({
    template: 'petition.registered',
    petitionId,
    email: p.email,
    phone: p.phone,
    data: { registrationNumber: placeholder, trackingCode, registeredOn, dueOn: legalDueOn, identified, publicUrl },
  });
  const response = (registrationNumber: string): CreatePetitionResponse => ({ registrationNumber, trackingCode, registeredAt: registeredAt.toISOString(), dueOn: legalDueOn, status: 'registered', identified });
  // The legal clock runs from registration (art. 8), the forward clock too when it applies (art. 6^1).
  const clocks = [{ petitionId, clock: 'legal' as const, dueOn: legalDueOn }, ...(forwardDueOn ? [{ petitionId, clock: 'forward' as const, dueOn: forwardDueOn }] : [])];
  const [seq] = await Promise.all([
    repo.allocateNumber(tx, register, year),
    repo.insertPetition(tx, {
      id: petitionId,
      register,
      year,
      seq: repo.numberedSeq,
      registrationNumber: repo.numberedRegistration,
      regime: category.regime,
      type: input.type,
      channel,
      status: 'registered',
      petitionerKind: p.kind,
      petitionerFirstName: p.kind === 'person' ? p.firstName : null,
      petitionerLastName: p.kind === 'person' ? p.lastName : null,
      petitionerOrganization: p.kind === 'organization' ? p.organizationName : null,
      petitionerEmail: p.email,
      petitionerPhone: p.phone,
      petitionerAddress: p.address,
      identified,
      locationAddress: input.location?.address ?? null,
      locationLat: input.location?.lat ?? null,
      locationLng: input.location?.lng ?? null,
      subject: input.subject,
      body: input.body,
      categoryId: category.id,
      handlerDepartmentId: category.handlerDepartmentId,
      handlerInstitutionId: category.handlerInstitutionId,
      createdByUserId: args.actorUserId ?? null,
      registeredAt,
      registeredOn,
      legalDueOn,
      forwardDueOn,
      trackingCodeHash: hashTrackingCode(trackingCode),
    }),
    repo.insertEvents(tx, [
      {
        petitionId,
        at: registeredAt,
        actorKind: args.actorUserId ? 'staff' : 'citizen',
        actorUserId: args.actorUserId ?? null,
        type: 'registered',
        public: true,
        textRo: repo.numbered(`Petiția a fost înregistrată cu nr. ${placeholder}. Termenul legal de răspuns: ${formatDateRo(legalDueOn)}.`, placeholder),
        textEn: repo.numbered(`The petition was registered as no. ${placeholder}. Legal answer due: ${legalDueOn}.`, placeholder),
        data: { channel, categoryCode: category.code, legalDueOn, forwardDueOn, identified, attachments: args.files?.length ?? 0 },
      },
    ]),
    (async () => {
      await startClocks(tx, clocks, calendar);
    })(),
    repo.insertNumberedNotices(
      tx,
      notices.map((n) => ({ ...n, subject: n.subject == null ? null : repo.numbered(n.subject, placeholder), body: repo.numbered(n.body, placeholder) })),
    ),
    args.idempotency ? repo.storeIdempotentResponse(tx, args.idempotency.key, 201, repo.numbered(JSON.stringify(response(placeholder)), placeholder)) : null,
  ]);
  const body = response(formatRegistrationNumber(register, year, seq));
  return { status: 201, petitionId, replayed: false, body };
}
