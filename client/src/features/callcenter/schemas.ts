// The call-center answers (shared/api/calls.ts describes them as types): each is parsed, and each schema is
// checked against its shared type, so a change on the server side does not compile here until handled.
import { z } from 'zod';
import type { AgentDto, CallDto, CallerResponse, CallReason, CallStatsResponse } from '../../../../shared/api/calls';
import { CALL_DIRECTIONS, CALL_OUTCOMES, CALL_STATUSES, CALLBACK_STATUSES, PRESENCE_STATUSES } from '../../../../shared/domain/calls';
import { PETITION_STATUSES } from '../../../../shared/domain/petition-codes';

const bilingual = z.object({ ro: z.string(), en: z.string() });

export const callSchema = z.object({
  id: z.string(),
  direction: z.enum(CALL_DIRECTIONS),
  phone: z.string().nullable(),
  status: z.enum(CALL_STATUSES),
  startedAt: z.string(),
  answeredAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  durationS: z.number().nullable(),
  agent: z.object({ id: z.string(), name: z.string() }).nullable(),
  reason: z.string().nullable(),
  notes: z.string().nullable(),
  outcome: z.enum(CALL_OUTCOMES).nullable(),
  recordingUrl: z.string().nullable(),
  callbackStatus: z.enum(CALLBACK_STATUSES),
  callbackDoneAt: z.string().nullable(),
  viaTwilio: z.boolean(),
  petitions: z.array(z.object({ id: z.string(), registrationNumber: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
}) satisfies z.ZodType<CallDto>;

export const callListSchema = z.object({ items: z.array(callSchema), nextCursor: z.string().nullable() });
export const callItemsSchema = z.object({ items: z.array(callSchema) });

export const simulateResponseSchema = z.object({
  call: callSchema,
  mode: z.enum(['dial', 'no_agent', 'closed']),
  ringing: z.array(z.string()),
});
export type SimulateResponse = z.infer<typeof simulateResponseSchema>;

const callerPetitionSchema = z.object({ id: z.string(), registrationNumber: z.string(), status: z.string(), statusLabel: bilingual, dueOn: z.string() });
const callerCallSchema = z.object({
  id: z.string(),
  direction: z.enum(CALL_DIRECTIONS),
  status: z.enum(CALL_STATUSES),
  startedAt: z.string(),
  outcome: z.enum(CALL_OUTCOMES).nullable(),
  reason: z.string().nullable(),
  agentName: z.string().nullable(),
});

export const callerSchema = z.object({
  phone: z.string(),
  name: z.string().nullable(),
  calls: z.array(callerCallSchema),
  petitions: z.array(callerPetitionSchema),
}) satisfies z.ZodType<CallerResponse>;

export const reasonsSchema = z.array(z.object({ code: z.string(), label: z.string(), categoryCode: z.string().nullable() })) satisfies z.ZodType<CallReason[]>;

export const presenceResponseSchema = z.object({ userId: z.string(), status: z.enum(PRESENCE_STATUSES), updatedAt: z.string() });

export const petitionStatusSchema = z.object({
  registrationNumber: z.string(),
  status: z.enum(PETITION_STATUSES),
  statusLabel: bilingual,
  registeredOn: z.string(),
  dueOn: z.string(),
  open: z.boolean(),
  handler: z.string().nullable(),
});
export type PetitionStatusResponse = z.infer<typeof petitionStatusSchema>;

export const agentsSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      role: z.enum(['agent', 'supervisor']),
      phone: z.string().nullable(),
      status: z.enum(PRESENCE_STATUSES),
      statusSince: z.string().nullable(),
      currentCall: z.object({ id: z.string(), phone: z.string().nullable(), startedAt: z.string(), answeredAt: z.string().nullable() }).nullable(),
    }) satisfies z.ZodType<AgentDto>,
  ),
});

export const statsSchema = z.object({
  from: z.string(),
  to: z.string(),
  timeZone: z.literal('Europe/Bucharest'),
  incoming: z.number(),
  outgoing: z.number(),
  answered: z.number(),
  missed: z.number(),
  voicemail: z.number(),
  perHour: z.array(z.object({ hour: z.number(), incoming: z.number(), answered: z.number(), missed: z.number() })),
  averageWaitSeconds: z.number().nullable(),
  averageHandlingSeconds: z.number().nullable(),
  firstCallResolution: z.object({ resolved: z.number(), eligible: z.number(), share: z.number().nullable() }),
  openCallbacks: z.number(),
}) satisfies z.ZodType<CallStatsResponse>;

export const officeHoursSchema = z.object({
  timeZone: z.literal('Europe/Bucharest'),
  days: z.array(z.object({ weekday: z.number(), name: z.string(), open: z.string().nullable(), close: z.string().nullable() })),
  summaryRo: z.string(),
  closedOnNonWorkingDays: z.literal(true),
});
export type OfficeHours = z.infer<typeof officeHoursSchema>;
