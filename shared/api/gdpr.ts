// GDPR / Legea 190/2018 (issue 6 §5): the log of personal-data reads, the petitioner's export and
// anonymisation, and the retention periods. Schemas shared by the server and the admin pages.
import { z } from 'zod';
import { normalizePhone } from '../domain/phone';

export const PERSONAL_DATA_READS_PAGE_MAX = 200;

/** An empty query value (`?userId=`) means "any". */
const optionalQuery = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
/** A day (Bucharest) or an instant, ISO 8601. */
const dayOrInstant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const personalDataReadsQuerySchema = z.object({
  from: optionalQuery(dayOrInstant),
  to: optionalQuery(dayOrInstant),
  userId: optionalQuery(z.guid()),
  /** A registration number (P-2026-000123) or a petition id. */
  petition: optionalQuery(z.union([z.string().regex(/^[PI]-\d{4}-\d{6,}$/), z.guid()])),
  source: optionalQuery(z.string().regex(/^[a-z_]{1,40}$/)),
  cursor: optionalQuery(z.string().max(200)),
  limit: optionalQuery(z.coerce.number().int().min(1).max(PERSONAL_DATA_READS_PAGE_MAX)),
});
export type PersonalDataReadsQuery = z.infer<typeof personalDataReadsQuerySchema>;

export const personalDataReadSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  user: z.object({ id: z.string(), name: z.string(), role: z.string() }),
  petition: z.object({ id: z.string(), registrationNumber: z.string() }).nullable(),
  /** `petitioner` (the staff API), `template`, `caller_lookup` (call center), `gdpr_export`, … */
  source: z.string(),
  subject: z.string().nullable(),
});
export type PersonalDataRead = z.infer<typeof personalDataReadSchema>;
export const personalDataReadsResponseSchema = z.object({ items: z.array(personalDataReadSchema), nextCursor: z.string().nullable() });

const email = z.string().trim().toLowerCase().max(254).pipe(z.email());
const phone = z
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

/** Who: an e-mail address, a phone number (any common Romanian form), or both. */
export const petitionerLookupSchema = z
  .object({ email: optionalQuery(email), phone: optionalQuery(phone) })
  .strict()
  .refine((v) => v.email !== undefined || v.phone !== undefined, { message: 'An e-mail address or a phone number is required', path: ['email'] });
export type PetitionerLookup = z.infer<typeof petitionerLookupSchema>;

export const anonymiseResponseSchema = z.object({
  petitions: z.array(z.string()),
  calls: z.number().int(),
  at: z.string(),
});
export type AnonymiseResponse = z.infer<typeof anonymiseResponseSchema>;

export const RETENTION_REGISTERS = ['P', 'I'] as const;
export const RETENTION_YEARS = { min: 1, max: 100 } as const;
/** The defaults of the migration: petitions 5 years, information requests 3 years after they are closed. */
export const DEFAULT_RETENTION_YEARS = { P: 5, I: 3 } as const;

export const retentionSettingSchema = z.object({
  register: z.enum(RETENTION_REGISTERS),
  years: z.number().int(),
  updatedAt: z.string().nullable(),
  updatedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export const retentionResponseSchema = z.object({ items: z.array(retentionSettingSchema) });
export type RetentionResponse = z.infer<typeof retentionResponseSchema>;

export const updateRetentionInputSchema = z
  .object({
    P: z.number().int().min(RETENTION_YEARS.min).max(RETENTION_YEARS.max).optional(),
    I: z.number().int().min(RETENTION_YEARS.min).max(RETENTION_YEARS.max).optional(),
  })
  .strict()
  .refine((v) => v.P !== undefined || v.I !== undefined, { message: 'Give P, I or both', path: ['P'] });
export type UpdateRetentionInput = z.infer<typeof updateRetentionInputSchema>;
