// The call-center API (issue 5): request schemas and response types shared by the server and the console.
import { z } from 'zod';
import { CALL_DIRECTIONS, CALL_OUTCOMES, CALL_STATUSES, SETTABLE_PRESENCE, type CallbackStatus, type CallDirection, type CallOutcome, type CallStatus, type PresenceStatus } from '../domain/calls';
import { isIsoDate } from '../domain/dates';
import { HH_MM } from '../domain/office-hours';
import { normalizePhone } from '../domain/phone';
import { cleanText } from '../domain/text';

/** Any common Romanian way of writing a number (0722 123 456, +40 722 123 456, 0040722123456) → E.164. */
export const phoneSchema = z
  .string()
  .max(40)
  .transform((s, ctx) => {
    const e164 = normalizePhone(s);
    if (!e164) {
      ctx.addIssue({ code: 'custom', message: 'Not a phone number' });
      return z.NEVER;
    }
    return e164;
  });

const isoInstant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const isoDate = z.string().refine(isIsoDate, 'Not a date (YYYY-MM-DD)');
const notes = z.string().max(8000).transform((s) => cleanText(s, { multiline: true }));
const reason = z.string().trim().min(1).max(64);
const registrationNumbers = z.array(z.string().trim().min(1).max(20)).max(20);

export const createCallInputSchema = z
  .object({
    phone: phoneSchema,
    direction: z.enum(CALL_DIRECTIONS),
    startedAt: isoInstant,
    endedAt: isoInstant.nullable().optional(),
    reason,
    notes: notes.optional().default(''),
    outcome: z.enum(CALL_OUTCOMES),
    petitionIds: z.array(z.uuid()).max(20).optional().default([]),
    /** The same links by registration number (what the intake answers with). */
    registrationNumbers: registrationNumbers.optional().default([]),
  })
  .strict()
  .refine((c) => !c.endedAt || c.endedAt.getTime() >= c.startedAt.getTime(), { message: 'endedAt is before startedAt', path: ['endedAt'] });
export type CreateCallInput = z.infer<typeof createCallInputSchema>;

export const updateCallInputSchema = z
  .object({
    endedAt: isoInstant.optional(),
    reason: reason.optional(),
    notes: notes.optional(),
    outcome: z.enum(CALL_OUTCOMES).optional(),
    petitionIds: z.array(z.uuid()).max(20).optional(),
    registrationNumbers: registrationNumbers.optional(),
  })
  .strict()
  .refine((c) => Object.keys(c).length > 0, { message: 'Nothing to change' });
export type UpdateCallInput = z.infer<typeof updateCallInputSchema>;

export const listCallsQuerySchema = z
  .object({
    phone: phoneSchema.optional(),
    /** A user id, or `me`. */
    agent: z.union([z.literal('me'), z.uuid()]).optional(),
    status: z.enum(CALL_STATUSES).optional(),
    /** Bucharest calendar dates, both inclusive. */
    from: isoDate.optional(),
    to: isoDate.optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from is after to', path: ['to'] });
export type ListCallsQuery = z.infer<typeof listCallsQuerySchema>;

export const simulateCallInputSchema = z
  .object({
    phone: phoneSchema,
    /** The demo outside office hours: ring the available agents anyway (default false: the schedule rules). */
    ignoreOfficeHours: z.boolean().optional().default(false),
  })
  .strict();

export const presenceInputSchema = z.object({ status: z.enum(SETTABLE_PRESENCE) }).strict();

export const petitionStatusQuerySchema = z
  .object({
    number: z.string().trim().min(1).max(20),
    /** The caller's phone number, or the petitioner's last name (case and diacritics do not matter). */
    identity: z.string().trim().min(2).max(100),
  })
  .strict();

export const statsQuerySchema = z
  .object({ from: isoDate.optional(), to: isoDate.optional() })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from is after to', path: ['to'] });

const officeDaySchema = z
  .object({
    weekday: z.number().int().min(1).max(7),
    open: z.string().regex(HH_MM, 'HH:MM').nullable(),
    close: z.string().regex(HH_MM, 'HH:MM').nullable(),
  })
  .strict()
  .refine((d) => (d.open === null) === (d.close === null), { message: 'open and close go together', path: ['close'] })
  .refine((d) => d.open === null || d.close === null || d.open < d.close, { message: 'close must be after open', path: ['close'] });

export const officeHoursInputSchema = z
  .object({ days: z.array(officeDaySchema).length(7) })
  .strict()
  .refine((o) => new Set(o.days.map((d) => d.weekday)).size === 7, { message: 'each weekday exactly once', path: ['days'] });

// ---- responses ------------------------------------------------------------------------------------

export type CallPetitionRef = { id: string; registrationNumber: string };

export type CallDto = {
  id: string;
  direction: CallDirection;
  /** E.164, null for a withheld number. */
  phone: string | null;
  status: CallStatus;
  startedAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  durationS: number | null;
  agent: { id: string; name: string } | null;
  reason: string | null;
  notes: string | null;
  outcome: CallOutcome | null;
  recordingUrl: string | null;
  callbackStatus: CallbackStatus;
  callbackDoneAt: string | null;
  viaTwilio: boolean;
  petitions: CallPetitionRef[];
  createdAt: string;
  updatedAt: string;
};

export type CallListResponse = { items: CallDto[]; nextCursor: string | null };

export type CallerPetition = { id: string; registrationNumber: string; status: string; statusLabel: { ro: string; en: string }; dueOn: string };
export type CallerCall = { id: string; direction: CallDirection; status: CallStatus; startedAt: string; outcome: CallOutcome | null; reason: string | null; agentName: string | null };
export type CallerResponse = { phone: string; name: string | null; calls: CallerCall[]; petitions: CallerPetition[] };

export type CallReason = { code: string; label: string; categoryCode: string | null };

export type AgentDto = {
  id: string;
  name: string;
  role: 'agent' | 'supervisor';
  phone: string | null;
  status: PresenceStatus;
  statusSince: string | null;
  currentCall: { id: string; phone: string | null; startedAt: string; answeredAt: string | null } | null;
};

export type CallStatsResponse = {
  from: string;
  to: string;
  timeZone: 'Europe/Bucharest';
  incoming: number;
  outgoing: number;
  answered: number;
  missed: number;
  /** Missed calls where the caller left a message (also counted in `missed`). */
  voicemail: number;
  perHour: Array<{ hour: number; incoming: number; answered: number; missed: number }>;
  averageWaitSeconds: number | null;
  averageHandlingSeconds: number | null;
  firstCallResolution: { resolved: number; eligible: number; share: number | null };
  openCallbacks: number;
};
