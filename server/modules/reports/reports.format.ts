// The reports as a CSV file and as a printable HTML document, both from one list of sections so they
// always show the same figures as the JSON.
//
// CSV choice: semicolon-separated, UTF-8 with a byte-order mark, CRLF line ends, decimals with a comma.
// Romanian Windows uses the comma as its decimal separator, so Excel in Romanian expects `;` between
// fields; without the BOM it would read the diacritics as Windows-1250. One figure per line:
// `Secțiune;Indicator;Cod;Valoare`, where `Cod` is the figure's path in the JSON answer
// (`answeredInTime`, `received.byChannel.web`, `filed.anonymous`), so a program can read it back too.
import type { CountLine, InformationReport, PetitionReport } from '../../../shared/api/reports';
import { bucharestDateOf } from '../../../shared/domain/dates';
import { formatDateRo } from '../../../shared/domain/format';

type Line = { label: string; code: string; value: number | string | null };
type Section = { title: string; lines: Line[] };
type ReportDocument = { fileName: string; title: string; subtitle: string; legalBasis: string; generatedAt: string; referenceDate: string; sections: Section[]; notes: string[] };

const breakdown = (path: string, lines: CountLine[]): Line[] => lines.map((l) => ({ label: l.label, code: `${path}.${l.code ?? 'none'}`, value: l.count }));

function periodText(p: { from: string; to: string; half: string | null }): string {
  const range = `${formatDateRo(p.from)} – ${formatDateRo(p.to)}`;
  if (!p.half) return `perioada ${range}`;
  return `semestrul ${p.half.endsWith('H1') ? 'I' : 'al II-lea'} al anului ${p.half.slice(0, 4)} (${range})`;
}

function daysSection(d: { answered: number; median: number | null; p90: number | null }, what: string): Section {
  return {
    title: 'Durata până la răspuns (zile calendaristice de la înregistrare la expediere)',
    lines: [
      { label: what, code: 'daysToAnswer.answered', value: d.answered },
      { label: 'Mediana', code: 'daysToAnswer.median', value: d.median },
      { label: 'Percentila 90', code: 'daysToAnswer.p90', value: d.p90 },
    ],
  };
}

export function petitionReportDocument(r: PetitionReport): ReportDocument {
  return {
    fileName: `raport-petitii-${r.period.half ?? `${r.period.from}_${r.period.to}`}`,
    title: 'Raport privind activitatea de soluționare a petițiilor',
    subtitle: periodText(r.period),
    legalBasis: 'Întocmit potrivit Ordonanței Guvernului nr. 27/2002 privind reglementarea activității de soluționare a petițiilor, aprobată cu modificări și completări prin Legea nr. 233/2002.',
    generatedAt: r.generatedAt,
    referenceDate: r.referenceDate,
    sections: [
      { title: 'Petiții primite', lines: [{ label: 'Total petiții înregistrate în perioadă', code: 'received.total', value: r.received.total }] },
      { title: 'După modul de transmitere', lines: breakdown('received.byChannel', r.received.byChannel) },
      { title: 'După tip', lines: breakdown('received.byType', r.received.byType) },
      { title: 'După categorie', lines: breakdown('received.byCategory', r.received.byCategory) },
      { title: 'După compartimentul care le soluționează', lines: breakdown('received.byDepartment', r.received.byDepartment) },
      {
        title: 'Modul de soluționare',
        lines: [
          { label: 'Răspuns trimis în termen', code: 'answeredInTime', value: r.answeredInTime },
          { label: 'Răspuns trimis după termen', code: 'answeredLate', value: r.answeredLate },
          { label: 'Termen prelungit (art. 9)', code: 'extended', value: r.extended },
          { label: 'Redirecționate instituției competente (art. 6¹)', code: 'forwarded', value: r.forwarded },
          { label: 'Conexate (art. 10)', code: 'joined', value: r.joined },
          { label: 'Clasate — total', code: 'filed.total', value: r.filed.total },
          { label: 'Clasate — anonime sau fără date de identificare (art. 7)', code: 'filed.anonymous', value: r.filed.anonymous },
          { label: 'Clasate — repetate (art. 10)', code: 'filed.repeated', value: r.filed.repeated },
          { label: 'Clasate — retrase de petent', code: 'filed.withdrawn', value: r.filed.withdrawn },
          { label: 'Încă fără răspuns', code: 'stillOpen', value: r.stillOpen },
          { label: 'Încă fără răspuns, cu termenul depășit', code: 'overdue', value: r.overdue },
        ],
      },
      daysSection(r.daysToAnswer, 'Petiții cu răspuns trimis'),
    ],
    notes: [
      'Se raportează petițiile înregistrate în perioadă (data înregistrării, ora României), în starea lor de la data generării raportului.',
      'În termen: răspunsul a fost expediat cel târziu la termenul legal în vigoare, după o eventuală prelungire. O petiție conexată are răspuns când se expediază răspunsul grupului și este în termen dacă acesta a plecat până la propriul ei termen.',
      `Termen depășit: petiții încă fără răspuns al căror termen legal este anterior datei de ${formatDateRo(r.referenceDate)}.`,
      'Conexate și cu termen prelungit se numără și printre celelalte rezultate (răspuns, în lucru).',
    ],
  };
}

export function informationReportDocument(r: InformationReport): ReportDocument {
  return {
    fileName: `raport-legea-544-${r.year}`,
    title: 'Raport privind accesul la informațiile de interes public',
    subtitle: `anul ${r.year} (${formatDateRo(r.period.from)} – ${formatDateRo(r.period.to)})`,
    legalBasis: 'Întocmit potrivit Legii nr. 544/2001 privind liberul acces la informațiile de interes public și normelor metodologice aprobate prin HG nr. 123/2002.',
    generatedAt: r.generatedAt,
    referenceDate: r.referenceDate,
    sections: [
      { title: 'Solicitări primite', lines: [{ label: 'Total solicitări înregistrate în an', code: 'received.total', value: r.received.total }] },
      { title: 'După modul de transmitere', lines: breakdown('received.byChannel', r.received.byChannel) },
      {
        title: 'Modul de soluționare',
        lines: [
          { label: 'Răspuns în termenul de 10 zile', code: 'answeredWithin10Days', value: r.answeredWithin10Days },
          { label: 'Răspuns în termenul de 30 de zile, după notificarea complexității', code: 'answeredWithin30Days', value: r.answeredWithin30Days },
          { label: 'Răspuns după termen', code: 'answeredLate', value: r.answeredLate },
          { label: 'Respinse (refuz motivat)', code: 'refused', value: r.refused },
          { label: 'Redirecționate', code: 'forwarded', value: r.forwarded },
          { label: 'Clasate', code: 'filed', value: r.filed },
          { label: 'Încă fără răspuns', code: 'stillOpen', value: r.stillOpen },
          { label: 'Încă fără răspuns, cu termenul depășit', code: 'overdue', value: r.overdue },
        ],
      },
      daysSection(r.daysToAnswer, 'Solicitări cu răspuns sau refuz trimis'),
    ],
    notes: [
      'Se raportează solicitările înregistrate în an (ora României), în starea lor de la data generării raportului.',
      'În termen: răspunsul a fost expediat cel târziu la termenul legal în vigoare (10 zile, sau 30 de zile după notificarea complexității).',
      `Termen depășit: solicitări încă fără răspuns al căror termen legal este anterior datei de ${formatDateRo(r.referenceDate)}.`,
    ],
  };
}

// ---------------------------------------------------------------------------------------------------------
// CSV

const csvNumber = (v: number) => (Number.isInteger(v) ? String(v) : String(v).replace('.', ','));

function csvField(v: string): string {
  return /[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function toCsv(doc: ReportDocument): string {
  const rows: string[][] = [['Secțiune', 'Indicator', 'Cod', 'Valoare']];
  rows.push(['Raport', doc.title, 'title', doc.subtitle]);
  rows.push(['Raport', 'Generat la', 'generatedAt', doc.generatedAt]);
  rows.push(['Raport', 'Data de referință pentru termene depășite', 'referenceDate', doc.referenceDate]);
  for (const s of doc.sections) {
    for (const l of s.lines) rows.push([s.title, l.label, l.code, l.value === null ? '' : typeof l.value === 'number' ? csvNumber(l.value) : l.value]);
  }
  return `\uFEFF${rows.map((r) => r.map(csvField).join(';')).join('\r\n')}\r\n`;
}

// ---------------------------------------------------------------------------------------------------------
// HTML

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const roNumber = new Intl.NumberFormat('ro-RO', { maximumFractionDigits: 1 });
const roDateTime = new Intl.DateTimeFormat('ro-RO', { timeZone: 'Europe/Bucharest', dateStyle: 'long', timeStyle: 'short' });

const STYLE = `
@page { size: A4; margin: 18mm 16mm 20mm; }
* { box-sizing: border-box; }
body { font-family: "Times New Roman", Times, serif; font-size: 11.5pt; color: #000; line-height: 1.35; margin: 0 auto; max-width: 190mm; padding: 12mm 0; }
.antet { display: flex; justify-content: space-between; border-bottom: 2px solid #000; padding-bottom: 6px; margin-bottom: 18px; }
.antet p { margin: 0; }
.antet .institutie { font-weight: bold; text-transform: uppercase; }
h1 { font-size: 15pt; text-align: center; text-transform: uppercase; margin: 18px 0 2px; }
.subtitlu { text-align: center; margin: 0 0 4px; font-size: 12pt; }
.temei { text-align: center; font-style: italic; margin: 0 0 16px; font-size: 10pt; }
section { break-inside: avoid; margin: 0 0 12px; }
table { width: 100%; border-collapse: collapse; }
caption { text-align: left; font-weight: bold; padding: 4px 0; }
th, td { border: 1px solid #000; padding: 3px 6px; vertical-align: top; }
th { background: #eee; text-align: left; }
td.numar, th.numar { text-align: right; width: 28mm; white-space: nowrap; }
thead { display: table-header-group; }
.note { font-size: 9.5pt; margin-top: 14px; }
.note li { margin-bottom: 2px; }
.semnaturi { display: flex; justify-content: space-between; margin-top: 28px; break-inside: avoid; }
.semnaturi div { width: 45%; text-align: center; }
.semnaturi .loc { margin-top: 34px; border-top: 1px dotted #000; }
footer { margin-top: 18px; font-size: 9pt; color: #333; }
@media print { body { padding: 0; max-width: none; } }
`;

export function toHtml(doc: ReportDocument): string {
  const sections = doc.sections
    .map((s) => {
      const rows = s.lines
        .map((l) => `<tr><td>${escapeHtml(l.label)}</td><td class="numar" data-code="${escapeHtml(l.code)}">${l.value === null ? '—' : typeof l.value === 'number' ? roNumber.format(l.value) : escapeHtml(l.value)}</td></tr>`)
        .join('\n');
      return `<section><table><caption>${escapeHtml(s.title)}</caption><thead><tr><th>Indicator</th><th class="numar">Număr</th></tr></thead><tbody>\n${rows}\n</tbody></table></section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="ro">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${doc.title} — ${doc.subtitle}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<header class="antet">
  <div>
    <p>ROMÂNIA</p>
    <p>MUNICIPIUL BUCUREȘTI</p>
    <p class="institutie">Primăria Sectorului 6</p>
    <p>Direcția Relații cu Publicul și Managementul Documentelor</p>
    <p>Serviciul Relații cu Publicul și Gestionare Petiții</p>
  </div>
  <div><p>Nr. ........ / ${escapeHtml(formatDateRo(bucharestDateOf(new Date(doc.generatedAt))))}</p></div>
</header>
<main>
<h1>${escapeHtml(doc.title)}</h1>
<p class="subtitlu">${escapeHtml(doc.subtitle)}</p>
<p class="temei">${escapeHtml(doc.legalBasis)}</p>
${sections}
<ul class="note">
${doc.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('\n')}
</ul>
<div class="semnaturi">
  <div><p>Întocmit,</p><p>Serviciul Relații cu Publicul și Gestionare Petiții</p><p class="loc"></p></div>
  <div><p>Aprobat,</p><p>Primar / delegat al primarului</p><p class="loc"></p></div>
</div>
</main>
<footer>Generat de platforma de petiții a Primăriei Sectorului 6 la ${escapeHtml(roDateTime.format(new Date(doc.generatedAt)))} (ora României).</footer>
</body>
</html>
`;
}

export function reportFileName(doc: ReportDocument, ext: 'csv' | 'html'): string {
  return `${doc.fileName}.${ext}`;
}
