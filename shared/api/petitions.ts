// The public petition API (issue 2): request and response schemas shared by the server and the portal.
import { z } from 'zod';
import { PETITION_STATUSES, PETITION_TYPES } from '../domain/petition-codes';
import { normalizePhone } from '../domain/phone';
import { cleanText } from '../domain/text';

const line = (max: number) =>
  z
    .string()
    .max(max * 4) // refuse absurd input before cleaning it
    .transform((s) => cleanText(s))
    .pipe(z.string().max(max));

const optionalLine = (max: number) =>
  z
    .union([line(max), z.null()])
    .optional()
    .transform((s) => (s ? s : null));

export const LIMITS = {
  subject: { min: 3, max: 200 },
  body: { min: 10, max: 20_000 },
  name: 100,
  address: 300,
  attachments: { count: 5, bytes: 10 * 1024 * 1024 },
} as const;

export const petitionerInputSchema = z
  .object({
    kind: z.enum(['person', 'organization']),
    firstName: optionalLine(LIMITS.name),
    lastName: optionalLine(LIMITS.name),
    organizationName: optionalLine(200),
    email: z
      .union([z.string().max(254).transform((s) => cleanText(s).toLowerCase()), z.null()])
      .optional()
      .transform((s) => (s ? s : null))
      .pipe(z.union([z.email(), z.null()])),
    phone: z
      .union([z.string().max(40), z.null()])
      .optional()
      .transform((s, ctx) => {
        if (!s || !s.trim()) return null;
        const e164 = normalizePhone(s);
        if (!e164) {
          ctx.addIssue({ code: 'custom', message: 'Not a phone number' });
          return z.NEVER;
        }
        return e164;
      }),
    address: optionalLine(LIMITS.address),
  })
  .strip();
export type PetitionerInput = z.infer<typeof petitionerInputSchema>;

export const locationInputSchema = z
  .object({
    address: optionalLine(LIMITS.address),
    lat: z.number().min(-90).max(90).nullable().optional(),
    lng: z.number().min(-180).max(180).nullable().optional(),
  })
  .strip()
  .refine((l) => (l.lat == null) === (l.lng == null), { message: 'lat and lng go together', path: ['lat'] });

export const createPetitionInputSchema = z
  .object({
    type: z.enum(PETITION_TYPES),
    categoryCode: z.string().min(1).max(64),
    subject: line(LIMITS.subject.max).pipe(z.string().min(LIMITS.subject.min)),
    body: z
      .string()
      .max(LIMITS.body.max * 2)
      .transform((s) => cleanText(s, { multiline: true }))
      .pipe(z.string().min(LIMITS.body.min).max(LIMITS.body.max)),
    petitioner: petitionerInputSchema,
    location: locationInputSchema.nullable().optional(),
    consent: z.literal(true, { error: 'The privacy notice must be accepted' }),
    /** Honeypot: a hidden field that people never fill and bots do. */
    website: z.string().max(1000).optional(),
  })
  .strip();
export type CreatePetitionInput = z.infer<typeof createPetitionInputSchema>;

export const createPetitionResponseSchema = z.object({
  registrationNumber: z.string(),
  trackingCode: z.string(),
  registeredAt: z.string(),
  dueOn: z.string(),
  status: z.literal('registered'),
  identified: z.boolean(),
});
export type CreatePetitionResponse = z.infer<typeof createPetitionResponseSchema>;

const bilingual = z.object({ ro: z.string(), en: z.string() });

export const trackResponseSchema = z.object({
  registrationNumber: z.string(),
  status: z.enum(PETITION_STATUSES),
  statusLabel: bilingual,
  registeredAt: z.string(),
  dueOn: z.string(),
  handler: z.object({ code: z.string(), name: z.string() }).nullable(),
  events: z.array(z.object({ at: z.string(), type: z.string(), text: bilingual })),
  answer: z
    .object({
      dispatchedAt: z.string(),
      body: z.string(),
      legalBasis: z.string(),
      letterUrl: z.string().optional(),
      attachments: z.array(z.object({ id: z.string(), fileName: z.string(), size: z.number(), contentType: z.string(), url: z.string() })).optional(),
    })
    .nullable(),
});
export type TrackResponse = z.infer<typeof trackResponseSchema>;

/** Registration numbers: register prefix, year, six digits (P-2026-000123). */
export const registrationNumberSchema = z.string().regex(/^[PI]-\d{4}-\d{6,}$/);
