// The call center's side of the demo history: besides the calls that became petitions (written with
// them), the calls that did not — information given, a petition's status, calls nobody could answer and
// the callbacks that followed. In office hours, on working days, over the same weeks as the batch.
import { randomUUID } from 'node:crypto';
import type { LegalCalendar } from '../../shared/domain/calendar';
import { addDays, bucharestDateOf, bucharestMidnight, daysBetween } from '../../shared/domain/dates';
import { pick, type Random } from './demo-history-people';
import type { HistoryCatalog, PetitionPlan } from './demo-history-plan';
import type { Rows } from './demo-history-rows';

type Ctx = { catalog: HistoryCatalog; calendar: LegalCalendar; now: Date; random: Random };

/** About 0.6 calls per petition of the batch that are not petitions themselves. */
const CALLS_PER_PETITION = 0.6;
const INFO_NOTES = [
  'Programul de lucru cu publicul și actele necesare pentru certificatul de urbanism.',
  'Adresa ghișeului de taxe locale și programul de lucru.',
  'Cum se depune o petiție online pe domnuleprimar.ro.',
  'Informații despre ridicarea deșeurilor voluminoase.',
  'Unde se depun cererile de loc de parcare de reședință.',
];

export function addExtraCalls(rows: Rows, batch: PetitionPlan[], ctx: Ctx): void {
  const first = bucharestDateOf(batch[0]!.registeredAt);
  const last = bucharestDateOf(batch.at(-1)!.registeredAt);
  const span = Math.max(0, daysBetween(first, last));
  const known = batch.filter((p) => p.petitioner.phone).map((p) => ({ phone: p.petitioner.phone!, after: p.registeredAt }));
  const agent = ctx.catalog.agent;
  const count = Math.round(batch.length * CALLS_PER_PETITION);
  for (let i = 0; i < count; i++) {
    const day = ctx.calendar.nextWorkingDay(addDays(first, Math.floor(ctx.random() * (span + 1))));
    const startedAt = new Date(bucharestMidnight(day).getTime() + (480 + Math.floor(ctx.random() * 510)) * 60_000 + Math.floor(ctx.random() * 60_000));
    if (startedAt.getTime() >= ctx.now.getTime()) continue;
    const r = ctx.random();
    const caller = known.filter((k) => k.after < startedAt);
    const statusCall = r < 0.22 && caller.length > 0;
    const phone = statusCall ? pick(caller, ctx.random).phone : ctx.random() < 0.8 ? `+407${String(Math.floor(ctx.random() * 1e8)).padStart(8, '0')}` : `+4021${String(Math.floor(ctx.random() * 1e7)).padStart(7, '0')}`;
    const base = { direction: 'incoming' as const, phone, startedAt, createdAt: startedAt };
    if (r < 0.78) {
      const answeredAt = new Date(startedAt.getTime() + (4 + Math.floor(ctx.random() * 70)) * 1000);
      const endedAt = new Date(answeredAt.getTime() + (60 + Math.floor(ctx.random() * 360)) * 1000);
      const outcome = r < 0.74 ? 'information_given' : r < 0.76 ? 'transferred' : 'dropped';
      rows.calls.push({
        ...base, id: randomUUID(), answeredAt, endedAt, durationS: Math.round((endedAt.getTime() - answeredAt.getTime()) / 1000), agentId: agent.id,
        status: 'completed', reason: statusCall ? 'status_petitie' : 'informatii_generale', outcome,
        notes: statusCall ? 'Apelantul a întrebat de stadiul petiției; i s-a comunicat stadiul.' : pick(INFO_NOTES, ctx.random), createdBy: agent.id, updatedAt: endedAt,
      });
      continue;
    }
    // Nobody free: a missed call (now and then a voicemail) opens a callback; older ones were called back.
    const voicemail = r > 0.93;
    const callbackAt = new Date(startedAt.getTime() + (20 + Math.floor(ctx.random() * 240)) * 60_000);
    const done = callbackAt.getTime() < ctx.now.getTime() - 86_400_000;
    const endedAt = new Date(startedAt.getTime() + (voicemail ? 45 : 25) * 1000);
    rows.calls.push({
      ...base, id: randomUUID(), endedAt, durationS: null, agentId: null, status: voicemail ? 'voicemail' : 'missed',
      recordingUrl: null, callbackStatus: done ? 'done' : 'open', callbackDoneAt: done ? callbackAt : null, callbackDoneBy: done ? agent.id : null, updatedAt: done ? callbackAt : endedAt,
    });
    if (done) {
      const answeredAt = new Date(callbackAt.getTime() + 12_000);
      const callbackEnd = new Date(answeredAt.getTime() + (90 + Math.floor(ctx.random() * 200)) * 1000);
      rows.calls.push({
        id: randomUUID(), direction: 'outgoing', phone, startedAt: callbackAt, answeredAt, endedAt: callbackEnd, durationS: Math.round((callbackEnd.getTime() - answeredAt.getTime()) / 1000),
        agentId: agent.id, status: 'completed', reason: 'informatii_generale', outcome: 'information_given', notes: 'Apel înapoi după un apel pierdut.', createdBy: agent.id, createdAt: callbackAt, updatedAt: callbackEnd,
      });
    }
  }
}
