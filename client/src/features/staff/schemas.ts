// Client-side schemas of the staff answers that shared/api does not describe yet (the petition page, the
// session, the petitioner's data). Every answer is parsed, so a server change shows up as an error here.
import { z } from 'zod';
import { STAFF_ROLES } from '../../../../shared/api/admin';
import { CLOCK_STATES, PETITION_ACTIONS } from '../../../../shared/api/staff-petitions';
import { PETITION_STATUSES } from '../../../../shared/domain/petition-codes';

export const sessionUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(STAFF_ROLES),
  departmentCode: z.string().nullable(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;
export const sessionResponseSchema = z.object({ user: sessionUserSchema });

const bilingual = z.object({ ro: z.string(), en: z.string() });

export const petitionDetailSchema = z.object({
  id: z.string(),
  registrationNumber: z.string(),
  register: z.string(),
  regime: z.enum(['og27', 'l544']),
  type: z.string(),
  channel: z.string(),
  status: z.enum(PETITION_STATUSES),
  identified: z.boolean(),
  subject: z.string(),
  body: z.string(),
  location: z.object({ address: z.string().nullable(), lat: z.number().nullable(), lng: z.number().nullable() }),
  category: z.object({ code: z.string(), name: bilingual, routing: z.string() }),
  department: z.object({ code: z.string(), name: z.string().nullable(), kind: z.string().nullable() }).nullable(),
  institution: z.object({ code: z.string(), name: z.string().nullable() }).nullable(),
  assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
  concernsUser: z.object({ id: z.string(), name: z.string(), role: z.string() }).nullable(),
  registeredAt: z.string(),
  registeredOn: z.string(),
  legalDueOn: z.string(),
  internalDueOn: z.string().nullable(),
  forwardDueOn: z.string().nullable(),
  extendedAt: z.string().nullable(),
  internalPausedAt: z.string().nullable(),
  clock: z.enum(CLOCK_STATES),
  filedReason: z.string().nullable(),
  timeline: z.array(
    z.object({ id: z.union([z.string(), z.number()]), at: z.string(), type: z.string(), public: z.boolean(), text: bilingual, actorName: z.string().nullable() }),
  ),
  attachments: z.array(z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), size: z.number(), createdAt: z.string() })),
  contributions: z.array(
    z.object({
      id: z.string(),
      toDepartmentCode: z.string(),
      toDepartmentId: z.string(),
      question: z.string(),
      dueOn: z.string(),
      status: z.enum(['pending', 'answered']),
      answer: z.string().nullable(),
      answeredAt: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  repeatCandidates: z.array(
    z.object({ id: z.string(), registrationNumber: z.string(), status: z.string(), subject: z.string(), registeredAt: z.string(), similarity: z.number() }),
  ),
  // An action this client does not know yet is dropped rather than failing the whole page.
  actions: z.array(z.string()).transform((list) => list.filter((a): a is (typeof PETITION_ACTIONS)[number] => (PETITION_ACTIONS as readonly string[]).includes(a))),
});
export type PetitionDetail = z.infer<typeof petitionDetailSchema>;

export const petitionerSchema = z.object({
  kind: z.string().nullable(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  organizationName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  identified: z.boolean(),
});
export type Petitioner = z.infer<typeof petitionerSchema>;

/** GET /api/calendar/non-working-days: legal holidays and extra closed days (weekends are not listed). */
export const nonWorkingDaysSchema = z.array(z.object({ date: z.string(), name: z.string(), nameEn: z.string().optional() }));
