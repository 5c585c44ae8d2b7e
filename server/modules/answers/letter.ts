// The answer letter (issue 4 §3): a printable HTML document with the city hall's header, the number and
// date, the answer, its legal basis and the two signatories (OG 27/2002 art. 13). Print it or save as PDF.
import { bucharestDateOf } from '../../../shared/domain/dates';
import { formatDateRo } from '../../../shared/domain/format';

export type LetterInput = {
  numbers: string[];
  registeredOn: string;
  dispatchedAt: Date | null;
  body: string; // sanitised HTML
  legalBasis: string;
  kind: 'answer' | 'l544_refusal' | 'l544_complexity';
  recipient: { name: string | null; address: string | null } | null;
  signatories: Array<{ label: string; name: string; jobTitle: string | null }>;
};

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const TITLES = { answer: 'Răspuns la petiție', l544_refusal: 'Refuz motivat de comunicare a informațiilor', l544_complexity: 'Notificare privind prelungirea termenului' };

export function renderLetter(l: LetterInput): string {
  const date = l.dispatchedAt ? formatDateRo(bucharestDateOf(l.dispatchedAt)) : '(nedatat — încă neexpediat)';
  const signatures = l.signatories
    .map((s) => `<div class="signature"><p class="label">${escape(s.label)}</p><p class="name">${escape(s.name)}</p><p>${escape(s.jobTitle ?? '')}</p></div>`)
    .join('');
  return `<!doctype html>
<html lang="ro"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(TITLES[l.kind])} — nr. ${escape(l.numbers.join(', '))}</title>
<style>
  body { font-family: "DejaVu Serif", Georgia, serif; color: #111; max-width: 46rem; margin: 2rem auto; padding: 0 1.5rem; line-height: 1.5; }
  header { border-bottom: 2px solid #1a3d6d; padding-bottom: .75rem; margin-bottom: 1.5rem; }
  header h1 { font-size: 1.15rem; margin: 0; color: #1a3d6d; } header p { margin: .1rem 0; font-size: .95rem; }
  .meta { display: flex; justify-content: space-between; flex-wrap: wrap; gap: 1rem; font-size: .95rem; }
  h2 { font-size: 1.1rem; text-align: center; margin: 1.5rem 0; }
  .basis { margin-top: 1.5rem; font-style: italic; }
  .signatures { display: flex; justify-content: space-between; gap: 2rem; margin-top: 3rem; flex-wrap: wrap; }
  .signature { min-width: 14rem; } .signature .label { font-weight: bold; } .signature .name { margin-top: 2.5rem; }
  @media print { body { margin: 0; max-width: none; } a { color: inherit; } .no-print { display: none; } }
</style></head>
<body>
<header>
  <h1>ROMÂNIA — MUNICIPIUL BUCUREȘTI — PRIMĂRIA SECTORULUI 6</h1>
  <p>Direcția Relații cu Publicul și Managementul Documentelor</p>
  <p>Serviciul Relații cu Publicul și Gestionare Petiții</p>
</header>
<div class="meta">
  <p>Nr. înregistrare: <strong>${escape(l.numbers.join(', '))}</strong> din ${escape(formatDateRo(l.registeredOn))}</p>
  <p>Data: ${escape(date)}</p>
</div>
${l.recipient?.name ? `<p>Către: ${escape(l.recipient.name)}${l.recipient.address ? `<br>${escape(l.recipient.address)}` : ''}</p>` : ''}
<h2>${escape(TITLES[l.kind])}</h2>
<main>${l.body}</main>
<p class="basis">Temei legal: ${escape(l.legalBasis)}</p>
<div class="signatures">${signatures}</div>
</body></html>`;
}
