// Starting texts for answers and notices (issue 4 §1), with placeholders the administrator can reuse:
// {{numar}} {{data_inregistrare}} {{termen}} {{categorie}} {{petent}} {{compartiment}} {{institutie}} {{semnatar}}
import type { Db } from '../client';
import { answerTemplates } from '../schema';

type Seed = typeof answerTemplates.$inferInsert;

export const DEFAULT_TEMPLATES: Seed[] = [
  {
    kind: 'answer', title: 'Răspuns — problemă rezolvată',
    body: '<p>Stimate/Stimată {{petent}},</p><p>Ca urmare a petiției dumneavoastră înregistrate cu nr. {{numar}} din {{data_inregistrare}}, vă comunicăm că {{compartiment}} a verificat aspectele sesizate și a dispus remedierea lor.</p><p>Vă mulțumim pentru sesizare.</p>',
    legalBasis: 'OG 27/2002 privind reglementarea activității de soluționare a petițiilor, art. 8 și art. 13',
  },
  {
    kind: 'answer', title: 'Răspuns — informare',
    body: '<p>Stimate/Stimată {{petent}},</p><p>Referitor la petiția dumneavoastră nr. {{numar}} din {{data_inregistrare}}, vă comunicăm următoarele:</p><p>…</p>',
    legalBasis: 'OG 27/2002, art. 8 și art. 13',
  },
  {
    kind: 'forward_notice', title: 'Notificare de redirecționare',
    body: 'Petiția dumneavoastră nr. {{numar}} din {{data_inregistrare}} privește o problemă care nu este de competența Primăriei Sectorului 6. Potrivit OG 27/2002, art. 6^1, am redirecționat-o către {{institutie}}, instituția competentă, care vă va răspunde direct.',
    legalBasis: 'OG 27/2002, art. 6^1',
  },
  {
    kind: 'extension_notice', title: 'Notificare de prelungire a termenului',
    body: 'Vă informăm că termenul de răspuns la petiția nr. {{numar}} a fost prelungit până la {{termen}}, potrivit OG 27/2002, art. 9, pentru a putea fi analizate toate aspectele sesizate.',
    legalBasis: 'OG 27/2002, art. 9',
  },
  {
    kind: 'filing_notice', title: 'Notificare de clasare',
    body: 'Petiția dumneavoastră nr. {{numar}} din {{data_inregistrare}} a fost clasată, potrivit OG 27/2002.',
    legalBasis: 'OG 27/2002, art. 7 și art. 10',
  },
  {
    kind: 'l544_refusal', title: 'Refuz motivat (informații exceptate)',
    body: '<p>Ca răspuns la solicitarea nr. {{numar}} din {{data_inregistrare}}, vă comunicăm că informațiile solicitate nu pot fi furnizate, deoarece fac parte din categoria informațiilor exceptate de la accesul liber al cetățenilor.</p>',
    legalBasis: 'Legea 544/2001, art. 12 alin. (1) și art. 7 alin. (1)',
  },
  {
    kind: 'l544_complexity', title: 'Notificare — solicitare complexă',
    body: '<p>Vă informăm că solicitarea nr. {{numar}} din {{data_inregistrare}} necesită o documentare complexă; răspunsul vă va fi comunicat până la {{termen}}.</p>',
    legalBasis: 'Legea 544/2001, art. 7 alin. (1)',
  },
];

export async function seedTemplates(db: Db): Promise<void> {
  const existing = await db.select({ id: answerTemplates.id }).from(answerTemplates).limit(1);
  if (existing.length === 0) await db.insert(answerTemplates).values(DEFAULT_TEMPLATES);
}
