// The dashboard (issue 6 §2): GET /api/dashboard?from=&to= — where every department stands now (open
// petitions by clock state, the overdue and at-risk lists) and how the register went over time (received
// per week by channel, answered in time per department per month, median days to answer, top categories),
// plus the call-center figures for those who oversee the call center. No personal data anywhere.
import { z } from 'zod';
import type { CallStatsResponse } from './calls';
import { isIsoDate } from '../domain/dates';
import { CHANNELS, PETITION_STATUSES, type Channel, type PetitionStatus } from '../domain/petition-codes';

const isoDate = z.string().refine(isIsoDate, 'Not a date (YYYY-MM-DD)');

/**
 * Who has a dashboard: the delegate and the administrator (every department), a head or a service director
 * (their department), the call-center supervisor (the call figures; the delegate and the administrator get
 * those too). The others get a 403.
 */
export const DASHBOARD_ROLES = ['delegate', 'admin', 'head', 'director', 'supervisor'] as const;

/** The longest period the charts cover (a year and a day, so a whole leap year fits). */
export const DASHBOARD_MAX_DAYS = 366;
/** The default windows of the charts, ending today (or `to`). */
export const DASHBOARD_WINDOWS = { weeks: 26, months: 12, categoryDays: 90, callDays: 30 } as const;
/** How many petitions the overdue and the at-risk lists show. */
export const DASHBOARD_LIST_SIZE = 20;

export const dashboardQuerySchema = z
  .object({ from: isoDate.optional(), to: isoDate.optional() })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from is after to', path: ['to'] });
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

/** The columns of the open-petitions table: `on_time` excludes the paused ones, as the clock badge does. */
export const DASHBOARD_CLOCK_STATES = ['on_time', 'paused', 'at_risk', 'breached'] as const;
export type DashboardClockState = (typeof DASHBOARD_CLOCK_STATES)[number];

const clockCounts = z.object({ on_time: z.number(), paused: z.number(), at_risk: z.number(), breached: z.number(), total: z.number() });
export type ClockCounts = z.infer<typeof clockCounts>;

const listEntry = z.object({
  id: z.string(),
  registrationNumber: z.string(),
  subject: z.string(),
  status: z.enum(PETITION_STATUSES),
  categoryCode: z.string(),
  departmentCode: z.string().nullable(),
  legalDueOn: z.string(),
  internalDueOn: z.string().nullable(),
  /** The date the clock state comes from: the earlier of the legal and the running internal due date. */
  dueOn: z.string(),
  /** Working days past `dueOn` (overdue list) or left until it (at-risk list). */
  workingDays: z.number(),
});
export type DashboardListEntry = z.infer<typeof listEntry>;

const rate = z.object({ answered: z.number(), inTime: z.number(), share: z.number().nullable() });

export const dashboardPetitionsSchema = z.object({
  open: z.object({
    /** One row per handling department (code null: none yet — a petition to forward, or a conduct complaint). */
    departments: z.array(clockCounts.extend({ code: z.string().nullable(), name: z.string().nullable() })),
    totals: clockCounts,
  }),
  overdue: z.array(listEntry),
  atRisk: z.array(listEntry),
  receivedByWeek: z.object({
    from: z.string(),
    to: z.string(),
    channels: z.array(z.enum(CHANNELS)),
    /** Monday-based weeks (Bucharest dates); `from`/`to` clipped to the period. */
    weeks: z.array(z.object({ weekStart: z.string(), from: z.string(), to: z.string(), total: z.number(), byChannel: z.record(z.string(), z.number()) })),
  }),
  answered: z.object({
    from: z.string(),
    to: z.string(),
    /** 'YYYY-MM', oldest first. */
    months: z.array(z.object({ month: z.string(), from: z.string(), to: z.string() })),
    overall: z.array(rate.extend({ month: z.string(), medianDays: z.number().nullable() })),
    departments: z.array(z.object({ code: z.string().nullable(), name: z.string().nullable(), months: z.array(rate.extend({ month: z.string() })), total: rate })),
  }),
  topCategories: z.object({
    from: z.string(),
    to: z.string(),
    items: z.array(z.object({ code: z.string(), name: z.object({ ro: z.string(), en: z.string() }), count: z.number() })),
  }),
});
export type DashboardPetitions = z.infer<typeof dashboardPetitionsSchema>;

export const dashboardResponseSchema = z.object({
  generatedAt: z.string(),
  today: z.string(),
  timeZone: z.literal('Europe/Bucharest'),
  scope: z.object({ kind: z.enum(['city', 'department']), departmentCode: z.string().nullable(), departmentName: z.string().nullable() }),
  petitions: dashboardPetitionsSchema.nullable(),
  /** GET /api/calls/stats over the period (the last 30 days by default); null for who does not oversee calls. */
  calls: z.custom<CallStatsResponse>((v) => typeof v === 'object' && v !== null).nullable(),
});
export type DashboardResponse = z.infer<typeof dashboardResponseSchema>;

export type { Channel, PetitionStatus };
