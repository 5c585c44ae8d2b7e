// The call center's codes (issue 5 §3): ASCII codes, Romanian labels. Pure: no I/O.
export const CALL_DIRECTIONS = ['incoming', 'outgoing'] as const;
export type CallDirection = (typeof CALL_DIRECTIONS)[number];

/**
 * ringing → in_progress → completed; ringing → missed (nobody answered, or no agent was free); ringing or
 * missed → voicemail (the caller left a message). Missed and voicemail calls open a callback.
 */
export const CALL_STATUSES = ['ringing', 'in_progress', 'completed', 'missed', 'voicemail'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

export const CALL_OUTCOMES = ['information_given', 'petition_registered', 'transferred', 'callback_promised', 'dropped'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export const CALLBACK_STATUSES = ['none', 'open', 'done'] as const;
export type CallbackStatus = (typeof CALLBACK_STATUSES)[number];

/** `on_call` is set by the server when the agent takes a call, never by the agent. */
export const PRESENCE_STATUSES = ['available', 'busy', 'away', 'on_call'] as const;
export type PresenceStatus = (typeof PRESENCE_STATUSES)[number];
export const SETTABLE_PRESENCE = ['available', 'busy', 'away'] as const;

export const CALL_OUTCOME_LABELS: Record<CallOutcome, { ro: string; en: string }> = {
  information_given: { ro: 'Informații oferite', en: 'Information given' },
  petition_registered: { ro: 'Petiție înregistrată', en: 'Petition registered' },
  transferred: { ro: 'Transferat', en: 'Transferred' },
  callback_promised: { ro: 'Revenire promisă', en: 'Callback promised' },
  dropped: { ro: 'Apel întrerupt', en: 'Dropped' },
};

/** Reasons that belong to no category; the others are the categories themselves (GET /api/calls/reasons). */
export const GENERAL_CALL_REASONS = [
  { code: 'status_petitie', label: 'Stadiul unei petiții' },
  { code: 'informatii_generale', label: 'Informații generale (program, acte necesare, adrese)' },
  { code: 'petitie_noua', label: 'Înregistrarea unei petiții noi' },
  { code: 'alt_motiv', label: 'Alt motiv' },
] as const;

/** Outcomes that close the caller's matter in this call (first-call resolution, issue 5 §7). */
export const RESOLVING_OUTCOMES: readonly CallOutcome[] = ['information_given', 'petition_registered'];
/** A call counts as resolved at first contact when the same number does not call again within this. */
export const FIRST_CALL_RESOLUTION_DAYS = 7;

/**
 * Folds a name for comparison: case, diacritics (ă â î ș ț, and the cedilla forms ş ţ), spaces and
 * hyphens do not matter ("Ştefănescu" = "stefanescu").
 */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s\-‐-―'’]+/g, ' ')
    .trim();
}
