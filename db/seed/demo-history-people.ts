// Who writes in the demo history and what they write: petitioners (people with diacritics in their names,
// a few organisations, a few who leave no name or no way to answer them), the place and the words. Pure.
import type { Channel } from '../../shared/domain/petition-codes';
import { isIdentified } from '../../shared/domain/petitioner';
import {
  CATEGORY_MIX, CLOSINGS, DETAILS, EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES, NEIGHBOURHOODS, OPENINGS, ORGANISATIONS, STREETS, SUBJECTS,
} from './demo-history-texts';

export type Random = () => number;

/** mulberry32: a small seeded generator, so a history can be reproduced from its seed. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const pick = <T>(list: readonly T[], random: Random): T => list[Math.floor(random() * list.length)]!;

export type Petitioner = {
  kind: 'person' | 'organization';
  firstName: string | null;
  lastName: string | null;
  organization: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
};

/** A category for a petition registered in `month` (1–12): the usual mix, seasonal ones in their season. */
export function pickCategory<C extends { code: string }>(categories: readonly C[], month: number, random: Random): C {
  const weights = categories.map((c) => {
    const mix = CATEGORY_MIX[c.code] ?? { weight: 1 };
    const inSeason = !mix.peak || mix.peak.includes(month);
    return mix.weight * (mix.peak ? (inSeason ? 2.2 : c.code === 'deszapezire' ? 0.02 : 0.6) : 1);
  });
  let r = random() * weights.reduce((s, w) => s + w, 0);
  for (const [i, w] of weights.entries()) {
    r -= w;
    if (r < 0) return categories[i]!;
  }
  return categories[categories.length - 1]!;
}

const ascii = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]+/g, '');

function mobile(random: Random): string {
  return `+407${String(Math.floor(random() * 100_000_000)).padStart(8, '0')}`;
}

function postalAddress(random: Random): string {
  const block = `${pick(['A', 'B', 'C', 'D', 'M', 'OD', 'C'], random)}${1 + Math.floor(random() * 40)}`;
  return `${pick(STREETS, random)} nr. ${1 + Math.floor(random() * 120)}, bl. ${block}, sc. ${1 + Math.floor(random() * 4)}, ap. ${1 + Math.floor(random() * 90)}, Sector 6, București`;
}

/**
 * A petitioner as the channel brings them: the web form and Open311 always carry an e-mail, the phone a
 * mobile, the post and the desk a postal address. About 4 % are not identified (OG 27/2002 art. 7).
 */
export function makePetitioner(channel: Channel, random: Random): Petitioner {
  const organization = random() < 0.07 ? pick(ORGANISATIONS, random) : null;
  const firstName = organization ? null : pick(FIRST_NAMES, random);
  const lastName = organization ? null : pick(LAST_NAMES, random);
  const handle = organization ? ascii(organization).slice(0, 18) : `${ascii(firstName!)}.${ascii(lastName!)}${random() < 0.4 ? Math.floor(random() * 90 + 10) : ''}`;
  const email = `${handle}@${pick(EMAIL_DOMAINS, random)}`;
  const p: Petitioner = { kind: organization ? 'organization' : 'person', firstName, lastName, organization, email: null, phone: null, address: null };
  if (channel === 'web' || channel === 'open311' || channel === 'email') {
    p.email = email;
    if (channel === 'web' && random() < 0.6) p.phone = mobile(random);
    if (channel === 'web' && random() < 0.2) p.address = postalAddress(random);
  } else if (channel === 'phone') {
    p.phone = mobile(random);
    if (random() < 0.3) p.address = postalAddress(random);
  } else {
    p.address = postalAddress(random);
    if (random() < 0.4) p.phone = mobile(random);
  }
  // Unidentified: no name at all, or a name and no way to send the answer.
  if (channel !== 'phone' && channel !== 'desk' && random() < 0.045) {
    if (random() < 0.6) return { kind: 'person', firstName: null, lastName: null, organization: null, email: p.email, phone: null, address: null };
    return { ...p, email: null, phone: null, address: null };
  }
  return p;
}

export type Texts = { subject: string; body: string; location: { address: string; lat: number; lng: number } | null };

/** The subject, the body and the place: a street of Sector 6, or the neighbourhood in general. */
export function makeTexts(category: { code: string }, petitioner: Petitioner, random: Random): Texts {
  const street = pick(STREETS, random);
  const corner = pick(STREETS, random);
  const place = random() < 0.85 || corner === street ? `${street} nr. ${1 + Math.floor(random() * 120)}` : `${street}, la intersecția cu ${corner}`;
  const subject = pick(SUBJECTS[category.code] ?? ['Problemă în cartier, {loc}'], random).replace('{loc}', place);
  const detail = (DETAILS[category.code] ?? 'Situația de pe {loc} durează de mult timp.').replace('{loc}', place);
  const name = petitioner.kind === 'organization' ? petitioner.organization : [petitioner.firstName, petitioner.lastName].filter(Boolean).join(' ');
  const area = `Locuiesc în ${pick(NEIGHBOURHOODS, random)} de mulți ani.`;
  const body = [pick(OPENINGS, random), petitioner.kind === 'person' && random() < 0.3 ? `${area} ${detail}` : detail, pick(CLOSINGS, random), name || ''].filter(Boolean).join('\n\n');
  const located = SUBJECTS[category.code]?.some((s) => s.includes('{loc}')) ?? false;
  // Sector 6 lies roughly between 44.40–44.46 N and 25.98–26.08 E.
  const location = located ? { address: `${place}, Sector 6, București`, lat: 44.405 + random() * 0.05, lng: 25.985 + random() * 0.09 } : null;
  return { subject: subject.slice(0, 200), body, location };
}

/** OG 27/2002 art. 7 as the intake decides it (shared/domain/petitioner.ts). */
export function isIdentifiedPetitioner(p: Petitioner): boolean {
  return isIdentified({ ...p, organizationName: p.organization });
}
