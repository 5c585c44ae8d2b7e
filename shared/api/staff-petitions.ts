// The staff petitions API (issue 3 §6): queues, the petition page, and the registry's and departments' actions.
import { z } from 'zod';
import { isIsoDate } from '../domain/dates';
import { CHANNELS, PETITION_STATUSES } from '../domain/petition-codes';

export const QUEUES = ['registry', 'decisions', 'department', 'mine', 'approvals', 'dispatch', 'contributions', 'all'] as const;
export type Queue = (typeof QUEUES)[number];
export const CLOCK_STATES = ['on_time', 'at_risk', 'breached', 'paused', 'none'] as const;
export type ClockStateDto = (typeof CLOCK_STATES)[number];

const isoDate = z.string().refine(isIsoDate, 'Not a date (YYYY-MM-DD)');

export const listQuerySchema = z.object({
  queue: z.enum(QUEUES).default('all'),
  /** `on_time` is neither at risk nor breached nor paused, as the clock badge of each row says. */
  clock: z.enum(['on_time', 'at_risk', 'breached', 'paused']).optional(),
  status: z.enum(PETITION_STATUSES).optional(),
  /** The handling department; `none` for petitions without one (to forward, or waiting for the registry). */
  departmentCode: z.string().max(12).optional(),
  // The dashboard's click-throughs (issue 6 §2): each chart's bar is one of these lists.
  channel: z.enum(CHANNELS).optional(),
  categoryCode: z.string().max(64).optional(),
  /** Registered on these Bucharest dates (both inclusive). */
  registeredFrom: isoDate.optional(),
  registeredTo: isoDate.optional(),
  /** Answered (its answer, or its group's for a joined petition, dispatched) on these Bucharest dates. */
  answeredFrom: isoDate.optional(),
  answeredTo: isoDate.optional(),
  /** `1`: only open petitions (a clock runs: registered to approved). */
  open: z.enum(['1']).optional(),
  q: z.string().trim().max(200).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

export const listItemSchema = z.object({
  id: z.string(),
  registrationNumber: z.string(),
  status: z.enum(PETITION_STATUSES),
  subject: z.string(),
  categoryCode: z.string(),
  departmentCode: z.string().nullable(),
  legalDueOn: z.string(),
  internalDueOn: z.string().nullable(),
  clock: z.enum(CLOCK_STATES),
  assigneeId: z.string().nullable(),
  registeredAt: z.string(),
  identified: z.boolean(),
  channel: z.string(),
});
export type ListItem = z.infer<typeof listItemSchema>;
export const listResponseSchema = z.object({ items: z.array(listItemSchema), nextCursor: z.string().nullable() });

const text = (min: number, max: number) => z.string().trim().min(min).max(max);

export const routeInputSchema = z.object({
  departmentCode: z.string().min(1).max(12),
  internalDueOn: z.iso.date().optional(),
  concernsUserId: z.uuid().optional(),
});
export const forwardInputSchema = z.object({ institutionCode: z.string().min(1).max(12), note: text(3, 2000) });
export const fileInputSchema = z.object({
  reason: z.enum(['anonymous', 'repeated', 'withdrawn']),
  note: text(0, 2000).optional().default(''),
  relatedRegistrationNumber: z.string().max(20).optional(),
});
export const joinInputSchema = z.object({ intoRegistrationNumber: z.string().min(1).max(20) });
export const returnInputSchema = z.object({ reason: text(3, 2000) });
export const assignInputSchema = z.object({ userId: z.uuid().optional() });
export const contributionInputSchema = z.object({ departmentCode: z.string().min(1).max(12), question: text(3, 5000), dueOn: z.iso.date() });
export const contributionAnswerSchema = z.object({ answer: text(1, 10000) });
export const noteInputSchema = z.object({ text: text(1, 10000) });

export const PETITION_ACTIONS = ['route', 'forward', 'file', 'join', 'return', 'assign', 'contribute', 'note', 'extend', 'petitioner', 'draft', 'submit', 'approve', 'reject', 'dispatch'] as const;
export type PetitionAction = (typeof PETITION_ACTIONS)[number];

/** GET /api/petitions/counts: the badges — per queue the user has, its open petitions by clock state. */
export const queueCountsSchema = z.object({ total: z.number(), on_time: z.number(), at_risk: z.number(), breached: z.number() });
export type QueueCounts = z.infer<typeof queueCountsSchema>;
export const countsResponseSchema = z.object({ queues: z.partialRecord(z.enum(QUEUES), queueCountsSchema) });
export type CountsResponse = z.infer<typeof countsResponseSchema>;
