// extendDeadline: OG 27/2002 art. 9 — the head of the authority (the mayor's delegate, or for a subordinate
// service its director, art. 13) extends the answer term once, by at most 15 days, with prior notice to
// the petitioner. DOMAIN.md: until the day before the legal due date (Bucharest), the notice always sent.
import type { Db } from '../../../db/client';
import type { ExtendResponse } from '../../../shared/api/clocks';
import { isOpenStatus } from '../../../shared/domain/clock-rules';
import { bucharestDateOf, compareIsoDates } from '../../../shared/domain/dates';
import { canExtendOn, computeDueDate } from '../../../shared/domain/deadlines';
import { formatDateRo } from '../../../shared/domain/format';
import { isMobilePhone } from '../../../shared/domain/phone';
import type { Clock } from '../../lib/clock';
import { appError } from '../../lib/errors';
import type { EventBus } from '../../lib/events';
import { loadAccessContext, visibilityCondition } from '../access/access';
import type { SessionUser } from '../auth/auth.usecases';
import { loadLegalCalendar } from '../calendar/calendar.repository';
import { insertNotices, type NewNotice } from '../notifications/outbox.repository';
import { renderNotice, trackingUrl } from '../notifications/templates';
import { replaceClock } from './clocks.repository';
import * as repo from './extension.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SIGNING_ROLES: readonly SessionUser['role'][] = ['delegate', 'director'];

const notFound = () => appError('petitions.not_found', 'No such petition.');
const conflict = (message: string) => appError('petitions.conflict', message);

/**
 * Art. 13's signing authority: the director of the handling service when it is `subordinate`, the mayor's
 * delegate otherwise — including while the petition is still at the registry (not routed yet), where the
 * city hall itself holds it.
 */
export function maySignFor(user: SessionUser, p: { handlerDepartmentId: string | null; routedAt: Date | null }, kind: 'internal' | 'subordinate' | null): boolean {
  const subordinate = p.routedAt !== null && p.handlerDepartmentId !== null && kind === 'subordinate';
  if (subordinate) return user.role === 'director' && user.departmentId === p.handlerDepartmentId;
  return user.role === 'delegate';
}

export async function extendDeadline({ db, clock, events, publicUrl, user, petitionId, reason }: {
  db: Db; clock: Clock; events: EventBus; publicUrl: string; user: SessionUser; petitionId: string; reason: string;
}): Promise<ExtendResponse> {
  if (!SIGNING_ROLES.includes(user.role)) throw appError('auth.forbidden', 'Only the mayor’s delegate or the service’s director may extend a deadline (OG 27/2002, art. 9).');
  if (!UUID.test(petitionId)) throw notFound();
  const ctx = await loadAccessContext(db, user);
  const now = clock.now();

  const done = await db.transaction(async (tx) => {
    const p = await repo.lockVisiblePetition(tx, petitionId, visibilityCondition(ctx));
    if (!p) throw notFound();
    const kind = p.handlerDepartmentId ? await repo.findDepartmentKind(tx, p.handlerDepartmentId) : null;
    if (!maySignFor(user, p, kind)) throw appError('auth.forbidden', 'The extension is granted by the signing authority of the handling department (OG 27/2002, art. 13).');
    if (p.regime !== 'og27') throw conflict('Only petitions under OG 27/2002 can be extended this way.');
    if (!isOpenStatus(p.status)) throw conflict(`A petition in status ${p.status} can no longer be extended.`);
    if (p.extendedAt) throw conflict('The deadline was already extended once (OG 27/2002, art. 9).');
    if (!canExtendOn({ legalDueOn: p.legalDueOn, today: bucharestDateOf(now) })) {
      throw conflict(`An extension must be granted before the due date (${p.legalDueOn}), so the petitioner is told in advance.`);
    }
    const calendar = await loadLegalCalendar(tx);
    // Art. 9 counts from the 30 days of art. 8: a category's special-law term is not extended this way.
    const legalDueOn = computeDueDate({ kind: 'og27.extended', registeredOn: p.registeredOn, calendar });
    if (compareIsoDates(legalDueOn, p.legalDueOn) <= 0) throw conflict('This petition’s term is already as long as an extension would make it.');
    if (!(await repo.markExtended(tx, { id: p.id, legalDueOn, at: now }))) throw conflict('The petition changed meanwhile; reload it.');

    await repo.insertEvent(tx, {
      petitionId: p.id, at: now, actorKind: 'staff', actorUserId: user.id, type: 'deadline.extended', public: true,
      textRo: `Termenul de răspuns a fost prelungit până la ${formatDateRo(legalDueOn)} (OG 27/2002, art. 9).`,
      textEn: `The answer deadline was extended to ${legalDueOn} (OG 27/2002 art. 9).`,
      data: { before: p.legalDueOn, after: legalDueOn, reason },
    });
    await replaceClock(tx, { petitionId: p.id, clock: 'legal', dueOn: legalDueOn, calendar });
    await insertNotices(tx, extensionNotices({ petition: p, legalDueOn, reason, publicUrl }));
    return { p, legalDueOn };
  });

  const { p, legalDueOn } = done;
  events.emit('petition.changed', { petitionId: p.id, registrationNumber: p.registrationNumber, departmentId: p.handlerDepartmentId, assigneeId: p.assigneeId, status: p.status, change: 'extended' });
  return { petition: { id: p.id, registrationNumber: p.registrationNumber, legalDueOn, previousLegalDueOn: p.legalDueOn, extendedAt: now.toISOString() } };
}

/** Art. 9's prior notice, as noticesFor does it: an e-mail to an address, an SMS to a mobile. */
function extensionNotices({ petition: p, legalDueOn, reason, publicUrl }: { petition: repo.ExtendablePetition; legalDueOn: string; reason: string; publicUrl: string }): NewNotice[] {
  const text = renderNotice('petition.extended', {
    registrationNumber: p.registrationNumber, registeredOn: p.registeredOn, dueOn: legalDueOn, identified: p.identified, reason,
    trackingUrl: trackingUrl(publicUrl, p.registrationNumber),
  });
  const notices: NewNotice[] = [];
  if (p.email) notices.push({ channel: 'email', recipient: p.email, template: 'petition.extended', subject: text.subject, body: text.email, petitionId: p.id });
  if (p.phone && isMobilePhone(p.phone)) notices.push({ channel: 'sms', recipient: p.phone, template: 'petition.extended', body: text.sms, petitionId: p.id });
  return notices;
}
