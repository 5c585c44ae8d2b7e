import { z } from 'zod';
import { DEADLINE_KINDS } from '../domain/deadlines';

const bilingual = z.object({ ro: z.string(), en: z.string() });

export const categorySchema = z.object({
  code: z.string(),
  name: bilingual,
  regime: z.enum(['og27', 'l544']),
  handler: z.object({ kind: z.enum(['department', 'institution']), code: z.string(), name: z.string() }).nullable(),
  public: z.boolean(),
});
export type Category = z.infer<typeof categorySchema>;
export const categoriesResponseSchema = z.array(categorySchema);

export const nonWorkingDaySchema = z.object({ date: z.string(), name: z.string() });
export const nonWorkingDaysResponseSchema = z.array(nonWorkingDaySchema);

export const deadlineQuerySchema = z.object({
  kind: z.enum(DEADLINE_KINDS),
  registeredOn: z.iso.date(),
});
export const deadlineResponseSchema = z.object({ kind: z.string(), registeredOn: z.string(), dueOn: z.string() });
export type DeadlineResponse = z.infer<typeof deadlineResponseSchema>;
