// Citizen tracking: the number and the secret code show the public part of the timeline, nothing else.
import type { Db } from '../../../db/client';
import type { TrackResponse } from '../../../shared/api/petitions';
import { bucharestDateOf } from '../../../shared/domain/dates';
import { STATUS_LABELS } from '../../../shared/domain/petition-codes';
import { parseRegistrationNumber } from '../../../shared/domain/registration-number';
import type { Clock } from '../../lib/clock';
import { appError } from '../../lib/errors';
import { generateTrackingCode, hashTrackingCode, trackingCodeMatches } from '../../lib/tracking-code';
import { noticesFor } from '../notifications/notices';
import { insertNotices } from '../notifications/outbox.repository';
import { insertEvents } from '../petitions/petitions.repository';
import * as repo from './tracking.repository';
import { findDispatchedAnswer } from '../answers/answers.repository';
import { findDispatchedAnnex, listAnswerAttachments } from '../answers/attachments';
import { letterHtml } from '../answers/letter-data';

// A wrong number and a wrong code must be indistinguishable, including in time: hash either way.
const DUMMY_HASH = hashTrackingCode('0000-0000-0000-0000');

function notFound() {
  return appError('tracking.not_found', 'No petition has this number and code.');
}

/** The petition, if the number and the code match (constant-time), else the one 404. */
async function findTracked(db: Db, registrationNumber: string, code: string) {
  const parsed = parseRegistrationNumber(registrationNumber);
  const petition = parsed ? await repo.findPetitionForTracking(db, parsed.normalized) : null;
  const matches = trackingCodeMatches(code, petition?.trackingCodeHash ?? DUMMY_HASH);
  if (!petition || !matches) throw notFound();
  return petition;
}

/** OG 27/2002 art. 10: a joined petition shows its group's answer. */
async function answerOf(db: Db, petition: { id: string; status: string; joinedIntoId: string | null }) {
  const answerPetitionId = petition.status === 'joined' ? petition.joinedIntoId : petition.id;
  return answerPetitionId ? findDispatchedAnswer(db, answerPetitionId) : null;
}

export async function trackPetition({ db, registrationNumber, code }: { db: Db; registrationNumber: string; code: string }): Promise<TrackResponse> {
  const petition = await findTracked(db, registrationNumber, code);
  // Once the code matched, the rest is read at once (independent reads, sent together).
  const [answer, handler, events] = await Promise.all([
    answerOf(db, petition),
    // Who holds it now: the registry until it is routed, then the department, or the institution it went to.
    petition.status === 'registered'
      ? repo.findRegistry(db)
      : repo.findHandler(db, {
          departmentId: petition.status === 'forwarded' ? null : petition.handlerDepartmentId,
          institutionId: petition.status === 'forwarded' ? petition.handlerInstitutionId : null,
        }),
    repo.listPublicEvents(db, petition.id),
  ]);
  return {
    registrationNumber: petition.registrationNumber,
    status: petition.status,
    statusLabel: STATUS_LABELS[petition.status],
    registeredAt: petition.registeredAt.toISOString(),
    dueOn: petition.legalDueOn,
    handler,
    events: events.map((e) => ({ at: e.at.toISOString(), type: e.type, text: { ro: e.textRo, en: e.textEn } })),
    answer: answer?.dispatchedAt
      ? {
          dispatchedAt: answer.dispatchedAt.toISOString(),
          body: answer.body,
          legalBasis: answer.legalBasis,
          letterUrl: `/api/track/${petition.registrationNumber}/letter?code=${encodeURIComponent(code)}`,
          attachments: (await listAnswerAttachments(db, answer.id)).map((f) => ({
            id: f.id, fileName: f.fileName, size: f.size, contentType: f.contentType,
            url: `/api/track/${petition.registrationNumber}/attachments/${f.id}?code=${encodeURIComponent(code)}`,
          })),
        }
      : null,
  };
}

/** An annex of the answer sent to this petition (or its group), for the citizen who has the code. */
export async function trackedAnnex({ db, registrationNumber, code, fileId }: { db: Db; registrationNumber: string; code: string; fileId: string }) {
  const petition = await findTracked(db, registrationNumber, code);
  const answer = await answerOf(db, petition);
  const file = answer?.dispatchedAt ? await findDispatchedAnnex(db, answer.id, fileId) : null;
  if (!file) throw notFound();
  return file;
}

/** The signed letter for the citizen (no personal data in it: the citizen has it already). */
export async function trackedLetter({ db, registrationNumber, code }: { db: Db; registrationNumber: string; code: string }): Promise<string> {
  const petition = await findTracked(db, registrationNumber, code);
  const answer = await answerOf(db, petition);
  if (!answer?.dispatchedAt) throw notFound();
  return letterHtml(db, { numbers: [petition.registrationNumber], registeredOn: petition.registeredOnDate }, answer, null);
}

/**
 * "I lost my code": a new code goes to the petition's e-mail or phone through the outbox and the old one
 * stops working. The caller always gets 202, so the answer says nothing about whether the number exists.
 */
export async function resendTrackingCode({ db, clock, publicUrl, registrationNumber }: { db: Db; clock: Clock; publicUrl: string; registrationNumber: string }): Promise<void> {
  const parsed = parseRegistrationNumber(registrationNumber);
  if (!parsed) return;
  await db.transaction(async (tx) => {
    const petition = await repo.findPetitionForTracking(tx, parsed.normalized);
    // Without an e-mail or a mobile the new code could reach no one: keep the old one working.
    if (!petition || (!petition.email && !petition.phone)) return;
    const code = generateTrackingCode();
    const now = clock.now();
    await repo.replaceTrackingCodeHash(tx, petition.id, hashTrackingCode(code));
    await insertEvents(tx, [
      {
        petitionId: petition.id,
        at: now,
        actorKind: 'citizen',
        type: 'tracking_code_reissued',
        public: true,
        textRo: 'A fost trimis un cod nou de urmărire; codul anterior nu mai este valabil.',
        textEn: 'A new tracking code was sent; the previous code no longer works.',
      },
    ]);
    await insertNotices(
      tx,
      noticesFor({
        template: 'tracking.code_reissued',
        petitionId: petition.id,
        email: petition.email,
        phone: petition.email ? null : petition.phone,
        data: {
          registrationNumber: petition.registrationNumber,
          trackingCode: code,
          registeredOn: bucharestDateOf(petition.registeredAt),
          dueOn: petition.legalDueOn,
          identified: petition.identified,
          publicUrl,
        },
      }),
    );
  });
}
