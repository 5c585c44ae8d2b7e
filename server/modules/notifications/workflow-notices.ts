// The citizen's notices for the registry's decisions (OG 27/2002: art. 6^1 forwarding, art. 7 and 10 filing).
import { formatDateRo } from '../../../shared/domain/format';
import { isMobilePhone } from '../../../shared/domain/phone';
import type { NewNotice } from './outbox.repository';

type Contact = { petitionId: string; email: string | null; phone: string | null };

export function citizenNotices(template: string, to: Contact, text: { subject: string; email: string; sms: string }): NewNotice[] {
  const out: NewNotice[] = [];
  if (to.email) out.push({ channel: 'email', recipient: to.email, template, subject: text.subject, body: text.email, petitionId: to.petitionId });
  if (to.phone && isMobilePhone(to.phone)) out.push({ channel: 'sms', recipient: to.phone, template, body: text.sms, petitionId: to.petitionId });
  return out;
}

const SIGNATURE = 'Primăria Sectorului 6 — Serviciul Relații cu Publicul și Gestionare Petiții';

/** `templateText`: the administrator's forward-notice template, already filled; otherwise the built-in text. */
export function forwardedText(d: { number: string; institution: string; registeredOn: string; trackingUrl: string; templateText?: string | undefined }) {
  return {
    subject: `Petiția nr. ${d.number} a fost redirecționată către ${d.institution}`,
    email: [
      'Bună ziua,',
      '',
      d.templateText ??
        `Petiția dumneavoastră nr. ${d.number} din ${formatDateRo(d.registeredOn)} privește o problemă care nu este de competența Primăriei Sectorului 6.\nPotrivit OG 27/2002, art. 6^1, am redirecționat-o către ${d.institution}, instituția competentă, care vă va răspunde direct.`,
      `Detalii: ${d.trackingUrl}`,
      '',
      SIGNATURE,
    ].join('\n'),
    sms: `Primăria S6: petiția nr. ${d.number} a fost redirecționată către ${d.institution} (OG 27/2002, art. 6^1). Detalii: ${d.trackingUrl}`,
  };
}

const FILED_REASONS: Record<string, string> = {
  anonymous: 'nu conține datele de identificare ale petentului (OG 27/2002, art. 7)',
  repeated: 'are același conținut cu o petiție anterioară la care s-a răspuns (OG 27/2002, art. 10)',
  withdrawn: 'a fost retrasă de petent',
};

export function filedText(d: { number: string; reason: string; earlier: string | null; trackingUrl: string; templateText?: string | undefined }) {
  const why = FILED_REASONS[d.reason] ?? d.reason;
  return {
    subject: `Petiția nr. ${d.number} a fost clasată`,
    email: [
      'Bună ziua,',
      '',
      d.templateText ? `${d.templateText} Motivul: ${why}.` : `Petiția dumneavoastră nr. ${d.number} a fost clasată, deoarece ${why}.`,
      d.earlier ? `Răspunsul a fost dat la petiția nr. ${d.earlier}.` : '',
      `Detalii: ${d.trackingUrl}`,
      '',
      SIGNATURE,
    ].filter((l) => l !== '').join('\n'),
    sms: `Primăria S6: petiția nr. ${d.number} a fost clasată${d.earlier ? `; răspunsul a fost dat la nr. ${d.earlier}` : ''}. Detalii: ${d.trackingUrl}`,
  };
}

/** Links in the registry's notices carry no code: the citizen uses the one they already have. */
export function publicTrackingUrl(publicUrl: string, number: string): string {
  return `${publicUrl}/urmarire/${number}`;
}
