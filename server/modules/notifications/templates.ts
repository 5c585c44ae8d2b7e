// The texts of the notices citizens receive, in Romanian (the petition's language). Rendered when the
// notice is written to the outbox, so the admin outbox page shows exactly what was sent.
import { formatDateRo } from '../../../shared/domain/format';

export type NoticeTemplate = 'petition.registered' | 'tracking.code_reissued' | 'petition.extended';

type NoticeData = {
  registrationNumber: string;
  /** Absent where the notice carries no code (the extension notice links to the tracking page). */
  trackingCode?: string;
  registeredOn: string;
  dueOn: string;
  trackingUrl: string;
  identified: boolean;
  /** The extension's reason (OG 27/2002 art. 9), told to the petitioner. */
  reason?: string;
};

export type RenderedNotice = { subject: string; email: string; sms: string };

export function renderNotice(template: NoticeTemplate, d: NoticeData): RenderedNotice {
  switch (template) {
    case 'petition.registered':
      return {
        subject: `Petiția dumneavoastră a fost înregistrată cu nr. ${d.registrationNumber}`,
        email: [
          'Bună ziua,',
          '',
          `Petiția dumneavoastră a fost înregistrată la Primăria Sectorului 6 cu numărul ${d.registrationNumber}, în data de ${formatDateRo(d.registeredOn)}.`,
          `Termenul legal de răspuns este ${formatDateRo(d.dueOn)} (OG 27/2002, art. 8).`,
          d.identified
            ? ''
            : 'Atenție: petiția nu conține datele de identificare cerute de OG 27/2002, art. 7 (nume și o modalitate de a primi răspunsul); Registratura va decide asupra ei.',
          `Codul de urmărire: ${d.trackingCode}`,
          `Urmăriți petiția aici: ${d.trackingUrl}`,
          '',
          'Păstrați acest cod: împreună cu numărul de înregistrare, vă permite să vedeți stadiul petiției și răspunsul.',
          '',
          'Primăria Sectorului 6 — Serviciul Relații cu Publicul și Gestionare Petiții',
        ].filter((l, i, all) => l !== '' || all[i - 1] !== '').join('\n'),
        // The SMS carries the code once; its link without it keeps the text to two UCS-2 parts.
        sms: `Primăria S6: petiția nr. ${d.registrationNumber} a fost înregistrată. Cod: ${d.trackingCode}. Urmărire: ${withoutQuery(d.trackingUrl)}`,
      };
    case 'tracking.code_reissued':
      return {
        subject: `Cod nou de urmărire pentru petiția nr. ${d.registrationNumber}`,
        email: [
          'Bună ziua,',
          '',
          `Ați cerut un cod nou de urmărire pentru petiția nr. ${d.registrationNumber}.`,
          `Codul nou: ${d.trackingCode}`,
          `Urmăriți petiția aici: ${d.trackingUrl}`,
          '',
          'Codul vechi nu mai este valabil. Dacă nu ați cerut dumneavoastră acest cod, nu este nevoie să faceți nimic.',
          '',
          'Primăria Sectorului 6 — Serviciul Relații cu Publicul și Gestionare Petiții',
        ].join('\n'),
        sms: `Primăria S6: cod nou pentru petiția nr. ${d.registrationNumber}: ${d.trackingCode}. Urmărire: ${withoutQuery(d.trackingUrl)}`,
      };
    case 'petition.extended':
      return {
        subject: `Termenul de răspuns la petiția nr. ${d.registrationNumber} a fost prelungit`,
        email: [
          'Bună ziua,',
          '',
          `Vă informăm că termenul de răspuns la petiția dumneavoastră nr. ${d.registrationNumber} a fost prelungit până la ${formatDateRo(d.dueOn)}, conform OG 27/2002, art. 9.`,
          `Motivul prelungirii: ${d.reason ?? ''}`,
          `Urmăriți petiția aici (cu codul de urmărire primit la înregistrare): ${d.trackingUrl}`,
          '',
          'Primăria Sectorului 6 — Serviciul Relații cu Publicul și Gestionare Petiții',
        ].join('\n'),
        sms: `Primăria S6: termenul de răspuns la petiția nr. ${d.registrationNumber} a fost prelungit până la ${formatDateRo(d.dueOn)} (OG 27/2002, art. 9). Detalii: ${d.trackingUrl}`,
      };
  }
}

/** The tracking page; without a code the page asks for it (notices that must not carry the code). */
export function trackingUrl(publicUrl: string, registrationNumber: string, trackingCode?: string): string {
  const page = `${publicUrl}/urmarire/${registrationNumber}`;
  return trackingCode ? `${page}?cod=${encodeURIComponent(trackingCode)}` : page;
}

function withoutQuery(url: string): string {
  return url.split('?')[0] ?? url;
}
