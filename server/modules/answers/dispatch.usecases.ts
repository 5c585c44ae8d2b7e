// Only the registry dispatches answers (OG 27/2002 art. 6(4)). Dispatch publishes the answer on the
// tracking page and writes the e-mail and SMS notices to the outbox in the same transaction; a petitioner
// with only a postal address gets the printed letter, and the registry records the postal reference.
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { petitions } from '../../../db/schema';
import { formatDateRo } from '../../../shared/domain/format';
import { isMobilePhone } from '../../../shared/domain/phone';
import type { Clock } from '../../lib/clock';
import { appError } from '../../lib/errors';
import type { EventBus } from '../../lib/events';
import type { SessionUser } from '../auth/auth.usecases';
import { stopAllClocks } from '../clocks/clocks.repository';
import { insertNotices, type NewNotice } from '../notifications/outbox.repository';
import { publicTrackingUrl } from '../notifications/workflow-notices';
import { loadVisiblePetition } from '../petitions/staff-petitions.usecases';
import { addEvent, fieldError, requireRoles, transition } from '../workflow/workflow.shared';
import * as repo from './answers.repository';
import { applyComplexityNotice } from './answers.usecases';
import { answerToText } from './sanitize';

const SIGNATURE = 'Primăria Sectorului 6 — Serviciul Relații cu Publicul și Gestionare Petiții';

export async function dispatchAnswer({ db, clock, events, publicUrl, user, id, input }: {
  db: Db; clock: Clock; events: EventBus; publicUrl: string; user: SessionUser; id: string; input: { postalReference?: string | undefined };
}) {
  requireRoles(user, ['registry'], 'dispatch answers');
  const { found } = await loadVisiblePetition(db, user, id);
  const p = found.petition;
  const answer = await repo.findCurrentAnswer(db, id);
  if (p.status !== 'approved' || !answer?.authoritySignedAt) throw appError('petitions.conflict', 'Only an answer signed by both signatories can be dispatched.');
  const online = Boolean(p.petitionerEmail || (p.petitionerPhone && isMobilePhone(p.petitionerPhone)));
  if (!online && p.petitionerAddress && !input.postalReference) {
    throw fieldError('postalReference', 'This petitioner has only a postal address: print the letter and record its postal reference.');
  }
  const joined = await repo.listJoined(db, id);
  const now = clock.now();
  const complexity = answer.kind === 'l544_complexity';
  const numbers = [p.registrationNumber, ...joined.map((j) => j.registrationNumber)];
  // OG 27/2002 art. 10: one answer for the joined group, naming every number.
  const body = joined.length > 0 ? `<p>Prezentul răspuns privește petițiile nr. ${numbers.join(', ')}, conexate potrivit OG 27/2002, art. 10.</p>${answer.body}` : answer.body;

  const row = await db.transaction(async (tx) => {
    let legalDueOn = p.legalDueOn;
    if (complexity) legalDueOn = (await applyComplexityNotice(tx, p, now)).legalDueOn;
    const updated = await transition(tx, id, ['approved'], complexity ? { status: 'in_progress', legalDueOn, updatedAt: now } : { status: 'answered', updatedAt: now });
    await repo.updateAnswer(tx, answer.id, { body, dispatchedAt: now, dispatchedByUserId: user.id, postalReference: input.postalReference ?? null, current: false });
    if (!complexity) await stopAllClocks(tx, id);
    const text = complexity
      ? [`Solicitarea este complexă; termenul de răspuns devine ${formatDateRo(legalDueOn)} (Legea 544/2001, art. 7(1)).`, `The request is complex; the answer is now due on ${legalDueOn} (Law 544/2001 art. 7(1)).`]
      : [`Răspunsul a fost trimis${input.postalReference ? ` prin poștă (ref. ${input.postalReference})` : ''}.`, `The answer was sent${input.postalReference ? ` by post (ref. ${input.postalReference})` : ''}.`];
    await addEvent(tx, { petitionId: id, at: now, actor: user, type: complexity ? 'l544.complexity_notice' : 'answered', public: true, ro: text[0]!, en: text[1]!, data: { answerId: answer.id, postalReference: input.postalReference ?? null, kind: answer.kind } });
    for (const j of joined) {
      await addEvent(tx, { petitionId: j.id, at: now, actor: user, type: 'answered_in_group', public: true, ro: `Răspunsul a fost trimis împreună cu petiția nr. ${p.registrationNumber}.`, en: `The answer was sent together with petition no. ${p.registrationNumber}.`, data: { answerId: answer.id } });
    }
    await insertNotices(tx, answerNotices({ p, joined, numbers, body, legalBasis: answer.legalBasis, publicUrl, complexity }));
    return updated;
  });
  events.emit('petition.changed', { petitionId: id, registrationNumber: p.registrationNumber, departmentId: p.handlerDepartmentId, assigneeId: p.assigneeId, status: row.status, change: 'dispatched' });
}

function answerNotices({ p, joined, numbers, body, legalBasis, publicUrl, complexity }: {
  p: typeof petitions.$inferSelect; joined: Array<{ id: string; email: string | null; phone: string | null }>; numbers: string[]; body: string; legalBasis: string; publicUrl: string; complexity: boolean;
}): NewNotice[] {
  const url = publicTrackingUrl(publicUrl, p.registrationNumber);
  const template = complexity ? 'l544.complexity' : 'petition.answered';
  const subject = complexity ? `Solicitarea nr. ${p.registrationNumber}: termen prelungit` : `Răspuns la petiția nr. ${numbers.join(', ')}`;
  const email = ['Bună ziua,', '', answerToText(body), '', `Temei legal: ${legalBasis}`, '', `Răspunsul și scrisoarea semnată: ${url}`, '', SIGNATURE].join('\n');
  // The SMS carries the number and the link, never the answer or other personal data.
  const sms = complexity ? `Primăria S6: solicitarea nr. ${p.registrationNumber} are termen prelungit. Detalii: ${url}` : `Primăria S6: răspunsul la petiția nr. ${p.registrationNumber} este disponibil: ${url}`;
  const seen = new Set<string>();
  const out: NewNotice[] = [];
  for (const c of [{ id: p.id, email: p.petitionerEmail, phone: p.petitionerPhone }, ...joined]) {
    if (c.email && !seen.has(c.email)) out.push({ channel: 'email', recipient: c.email, template, subject, body: email, petitionId: c.id });
    if (c.phone && isMobilePhone(c.phone) && !seen.has(c.phone)) out.push({ channel: 'sms', recipient: c.phone, template, body: sms, petitionId: c.id });
    if (c.email) seen.add(c.email);
    if (c.phone) seen.add(c.phone);
  }
  return out;
}

export async function petitionForLetter(db: Db, id: string) {
  const [p] = await db.select().from(petitions).where(eq(petitions.id, id));
  return p ?? null;
}
