// Client-side schemas of the administrator's template API (server/modules/templates), which shared/api
// does not describe yet; the outbox's are shared (shared/api/outbox.ts).
import { z } from 'zod';

export const TEMPLATE_KINDS = ['answer', 'forward_notice', 'extension_notice', 'filing_notice', 'l544_refusal', 'l544_complexity'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];
/** Kinds whose body is an answer's rich text; the others are plain-text notices sent by e-mail. */
export const RICH_TEMPLATE_KINDS: readonly TemplateKind[] = ['answer', 'l544_refusal', 'l544_complexity'];

export const adminTemplateSchema = z.object({
  id: z.string(),
  kind: z.enum(TEMPLATE_KINDS),
  categoryCode: z.string().nullable(),
  title: z.string(),
  body: z.string(),
  legalBasis: z.string(),
  active: z.boolean(),
  updatedAt: z.string(),
});
export type AdminTemplate = z.infer<typeof adminTemplateSchema>;
export const adminTemplatesResponseSchema = z.object({ items: z.array(adminTemplateSchema) });
export const adminTemplateResponseSchema = z.object({ template: adminTemplateSchema });

export type TemplateCreateBody = { kind: TemplateKind; categoryCode: string | null; title: string; body: string; legalBasis: string };
export type TemplateUpdateBody = Partial<Omit<TemplateCreateBody, 'kind'>> & { active?: boolean };
