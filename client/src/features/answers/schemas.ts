// Client-side schemas of the answer API (server/modules/answers, server/modules/templates), which shared/api
// does not describe yet. Every answer is parsed, so a server change shows up as an error here.
import { z } from 'zod';

export const ANSWER_KINDS = ['answer', 'l544_refusal', 'l544_complexity'] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];

const signatureSchema = z.object({ name: z.string(), at: z.string() }).nullable();

export const currentAnswerSchema = z.object({
  id: z.string(),
  kind: z.enum(ANSWER_KINDS),
  body: z.string(),
  legalBasis: z.string(),
  submittedAt: z.string().nullable(),
  headSignature: signatureSchema,
  authoritySignature: signatureSchema,
});
export type CurrentAnswer = z.infer<typeof currentAnswerSchema>;

/** GET /api/petitions/:id/answer: the answer being worked on; null before the first draft and after dispatch. */
export const answerResponseSchema = z.object({ current: currentAnswerSchema.nullable() });

/** PUT /api/petitions/:id/answer: the draft as saved (sanitised by the server). */
export const savedDraftSchema = z.object({ id: z.string(), kind: z.enum(ANSWER_KINDS), body: z.string(), legalBasis: z.string(), updatedAt: z.string() });

/** GET /api/petitions/:id/templates?kind=…: the templates of a kind, filled in for the petition. */
export const petitionTemplatesSchema = z.object({
  items: z.array(z.object({ id: z.string(), kind: z.string(), title: z.string(), body: z.string(), legalBasis: z.string() })),
});
export type PetitionTemplate = z.infer<typeof petitionTemplatesSchema>['items'][number];
