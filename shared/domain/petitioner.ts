import { isMobilePhone } from './phone';

export type PetitionerKind = 'person' | 'organization';

export type PetitionerIdentity = {
  kind: PetitionerKind;
  firstName?: string | null;
  lastName?: string | null;
  organizationName?: string | null;
  email?: string | null;
  phone?: string | null; // E.164
  address?: string | null;
};

/**
 * OG 27/2002 art. 7 — product definition of "identified" (DOMAIN.md): a name (first and last, or the
 * organisation's) and a way to receive the answer: e-mail, postal address, or a mobile phone for the SMS.
 */
export function isIdentified(p: PetitionerIdentity): boolean {
  const named =
    p.kind === 'organization' ? Boolean(p.organizationName?.trim()) : Boolean(p.firstName?.trim() && p.lastName?.trim());
  const reachable = Boolean(p.email?.trim() || p.address?.trim() || (p.phone && isMobilePhone(p.phone)));
  return named && reachable;
}

export function displayName(p: PetitionerIdentity): string | null {
  if (p.kind === 'organization') return p.organizationName?.trim() || null;
  const name = [p.firstName?.trim(), p.lastName?.trim()].filter(Boolean).join(' ');
  return name || null;
}
