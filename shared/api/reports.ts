// The legal reports (issue 6 §3): the half-yearly petition report (OG 27/2002; DOMAIN.md "The law in one
// page") and the annual report of the Legea 544/2001 register. JSON, CSV (`format=csv`) or a printable
// HTML document (`format=html`). Definitions: server/modules/reports/reports.repository.ts.
import { z } from 'zod';
import { isIsoDate } from '../domain/dates';

export const REPORT_FORMATS = ['json', 'csv', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const isoDate = z.string().refine(isIsoDate, 'A date YYYY-MM-DD between 1900 and 2099');

/**
 * GET /api/reports/petitions: `from` and `to` (both, inclusive Bucharest calendar dates), or `half`
 * (2026-H1 = 1 Jan–30 Jun, 2026-H2 = 1 Jul–31 Dec), or neither: the current half-year in Bucharest.
 */
export const petitionReportQuerySchema = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    half: z.string().regex(/^(19|20)\d\d-H[12]$/, 'A half-year such as 2026-H1 or 2026-H2').optional(),
    format: z.enum(REPORT_FORMATS).default('json'),
  })
  .superRefine((q, ctx) => {
    if (q.half && (q.from || q.to)) ctx.addIssue({ code: 'custom', path: ['half'], message: 'Give either half or from and to, not both' });
    if ((q.from === undefined) !== (q.to === undefined)) ctx.addIssue({ code: 'custom', path: [q.from ? 'to' : 'from'], message: 'Give both from and to' });
    if (q.from && q.to && isIsoDate(q.from) && isIsoDate(q.to) && q.from > q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'to is before from' });
  });
export type PetitionReportQuery = z.infer<typeof petitionReportQuerySchema>;

/** GET /api/reports/information-requests: the calendar year (default: the current one, in Bucharest). */
export const informationReportQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2099).optional(),
  format: z.enum(REPORT_FORMATS).default('json'),
});
export type InformationReportQuery = z.infer<typeof informationReportQuerySchema>;

/** One line of a breakdown: the code (null: no department, e.g. forwarded or not yet routed), its label, the count. */
export const countLineSchema = z.object({ code: z.string().nullable(), label: z.string(), count: z.number().int() });
export type CountLine = z.infer<typeof countLineSchema>;

const periodSchema = z.object({ from: z.string(), to: z.string(), half: z.string().nullable() });

/** Calendar days from the registration date to the Bucharest date of dispatch, over the answered ones. */
const daysToAnswerSchema = z.object({ answered: z.number().int(), median: z.number().nullable(), p90: z.number().nullable() });

export const petitionReportSchema = z.object({
  report: z.literal('petitions'),
  period: periodSchema,
  generatedAt: z.string(),
  /** Overdue = still open with a legal due date before this date (today, or the day after the period). */
  referenceDate: z.string(),
  received: z.object({
    total: z.number().int(),
    byChannel: z.array(countLineSchema),
    byType: z.array(countLineSchema),
    byCategory: z.array(countLineSchema),
    byDepartment: z.array(countLineSchema),
  }),
  answeredInTime: z.number().int(),
  answeredLate: z.number().int(),
  extended: z.number().int(),
  forwarded: z.number().int(),
  joined: z.number().int(),
  filed: z.object({ total: z.number().int(), anonymous: z.number().int(), repeated: z.number().int(), withdrawn: z.number().int() }),
  stillOpen: z.number().int(),
  overdue: z.number().int(),
  daysToAnswer: daysToAnswerSchema,
});
export type PetitionReport = z.infer<typeof petitionReportSchema>;

export const informationReportSchema = z.object({
  report: z.literal('information-requests'),
  year: z.number().int(),
  period: periodSchema,
  generatedAt: z.string(),
  referenceDate: z.string(),
  received: z.object({ total: z.number().int(), byChannel: z.array(countLineSchema) }),
  /** Answered within the 10-day term (Legea 544/2001 art. 7(1)), without a complexity notice. */
  answeredWithin10Days: z.number().int(),
  /** Answered within the 30-day term after a complexity notice sent within the 10 days. */
  answeredWithin30Days: z.number().int(),
  answeredLate: z.number().int(),
  /** Refused (a reasoned refusal, art. 7(2)). */
  refused: z.number().int(),
  forwarded: z.number().int(),
  filed: z.number().int(),
  stillOpen: z.number().int(),
  overdue: z.number().int(),
  daysToAnswer: daysToAnswerSchema,
});
export type InformationReport = z.infer<typeof informationReportSchema>;
