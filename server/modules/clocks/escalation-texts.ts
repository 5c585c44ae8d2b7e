// The words of a clock warning: the timeline line (Romanian + English), the in-app notice, and the
// e-mail to each recipient (Romanian, the staff's language). Staff only: never shown to the citizen.
import type { ClockName } from '../../../shared/domain/clock-rules';
import { formatDateRo } from '../../../shared/domain/format';
import type { Stage } from './escalation';

export const CLOCK_LABELS: Record<ClockName, { ro: string; en: string }> = {
  legal: { ro: 'termenul legal de răspuns', en: 'the legal answer deadline' },
  internal: { ro: 'termenul intern al compartimentului', en: "the department's internal deadline" },
  forward: { ro: 'termenul de redirecționare (OG 27/2002, art. 6^1)', en: 'the forwarding deadline (OG 27/2002 art. 6^1)' },
};

type Facts = { clock: ClockName; stage: Stage; dueOn: string; registrationNumber: string };

function situation({ clock, stage, dueOn }: Facts) {
  const label = CLOCK_LABELS[clock];
  const date = formatDateRo(dueOn);
  return stage === 'at_risk'
    ? { ro: `${capitalise(label.ro)} (${date}) este aproape`, en: `${capitalise(label.en)} (${dueOn}) is close` }
    : { ro: `${capitalise(label.ro)} (${date}) a fost depășit`, en: `${capitalise(label.en)} (${dueOn}) has passed` };
}

export function timelineText(facts: Facts, recipientNames: string[]): { ro: string; en: string } {
  const s = situation(facts);
  if (recipientNames.length === 0) return { ro: `${s.ro}; nu există destinatari de anunțat.`, en: `${s.en}; there was nobody to tell.` };
  const names = recipientNames.join(', ');
  return { ro: `${s.ro}; au fost anunțați: ${names}.`, en: `${s.en}; notified: ${names}.` };
}

export function staffNoticeText(facts: Facts): { ro: string; en: string } {
  const s = situation(facts);
  return { ro: `Petiția nr. ${facts.registrationNumber}: ${lower(s.ro)}.`, en: `Petition no. ${facts.registrationNumber}: ${lower(s.en)}.` };
}

export function escalationEmail(
  facts: Facts & { subject: string; petitionId: string; publicUrl: string; recipientName: string },
): { subject: string; body: string } {
  const label = CLOCK_LABELS[facts.clock].ro;
  const date = formatDateRo(facts.dueOn);
  const atRisk = facts.stage === 'at_risk';
  return {
    subject: atRisk
      ? `[Termen aproape] Petiția nr. ${facts.registrationNumber}: ${label} expiră la ${date}`
      : `[Termen depășit] Petiția nr. ${facts.registrationNumber}: ${label} a expirat la ${date}`,
    body: [
      `Bună ziua, ${facts.recipientName},`,
      '',
      atRisk
        ? `Pentru petiția nr. ${facts.registrationNumber} („${facts.subject}”), ${label} este ${date}, iar până atunci au rămas puține zile lucrătoare.`
        : `Pentru petiția nr. ${facts.registrationNumber} („${facts.subject}”), ${label} a fost ${date} și a fost depășit.`,
      atRisk ? 'Vă rugăm să vă asigurați că petiția este soluționată la timp.' : 'Vă rugăm să luați de îndată măsurile necesare.',
      '',
      `Deschideți petiția: ${facts.publicUrl}/personal/petitii/${facts.petitionId}`,
      '',
      'Mesaj automat — Primăria Sectorului 6, sistemul de gestionare a petițiilor.',
    ].join('\n'),
  };
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
