// The deadline endpoints: the extension of OG 27/2002 art. 9 and the administrator's closed days.
import { z } from 'zod';
import { isIsoDate } from '../domain/dates';

/** POST /api/petitions/:id/extend — the reason goes to the petitioner with the notice (art. 9). */
export const extendInputSchema = z.object({ reason: z.string().trim().min(3).max(2000) });
export type ExtendInput = z.infer<typeof extendInputSchema>;

export const extendResponseSchema = z.object({
  petition: z.object({
    id: z.string(),
    registrationNumber: z.string(),
    legalDueOn: z.string(),
    previousLegalDueOn: z.string(),
    extendedAt: z.string(),
  }),
});
export type ExtendResponse = z.infer<typeof extendResponseSchema>;

const isoDate = z.string().refine(isIsoDate, 'A date YYYY-MM-DD between 1900 and 2099');

/** POST /api/admin/closed-days — an extra non-working day (a government bridge day). */
export const closedDayInputSchema = z.object({ date: isoDate, name: z.string().trim().min(2).max(200) });
export type ClosedDayInput = z.infer<typeof closedDayInputSchema>;

export const closedDaysQuerySchema = z.object({ year: z.coerce.number().int().min(1900).max(2099).optional() });
export const closedDayDateParamSchema = z.object({ date: isoDate });

export const closedDaySchema = z.object({ date: z.string(), name: z.string() });
export type ClosedDay = z.infer<typeof closedDaySchema>;
export const closedDaysResponseSchema = z.object({ items: z.array(closedDaySchema) });

export const dueDateChangeSchema = z.object({
  petitionId: z.string(),
  registrationNumber: z.string(),
  clock: z.enum(['legal', 'internal', 'forward']),
  before: z.string(),
  after: z.string(),
});
export type DueDateChange = z.infer<typeof dueDateChangeSchema>;

export const addClosedDayResponseSchema = z.object({ closedDay: closedDaySchema, changes: z.array(dueDateChangeSchema) });
export type AddClosedDayResponse = z.infer<typeof addClosedDayResponseSchema>;

/** Deleting a closed day never moves a due date earlier: the response says so, dates stay as they are. */
export const deleteClosedDayResponseSchema = z.object({ closedDay: closedDaySchema, dueDatesChanged: z.literal(0), note: z.string() });
