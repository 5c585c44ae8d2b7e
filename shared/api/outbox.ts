// The administrator's outbox page (issue 4 §5): every notice with its full text, as the citizen gets it
// (or, with the development transport, would get it), and a retry for the ones that failed.
import { z } from 'zod';

export const OUTBOX_STATUS_VALUES = ['pending', 'sending', 'sent', 'failed'] as const;
export const OUTBOX_CHANNELS = ['email', 'sms'] as const;
export const OUTBOX_PAGE_MAX = 200;

/** An empty query value (`?status=`) means "any". */
const optionalQuery = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

export const outboxQuerySchema = z.object({
  status: optionalQuery(z.enum(OUTBOX_STATUS_VALUES)),
  channel: optionalQuery(z.enum(OUTBOX_CHANNELS)),
  /** The `nextCursor` of the previous page. */
  cursor: optionalQuery(z.string().max(200)),
  limit: optionalQuery(z.coerce.number().int().min(1).max(OUTBOX_PAGE_MAX)),
});
export type OutboxQuery = z.infer<typeof outboxQuerySchema>;

export const outboxItemSchema = z.object({
  id: z.string(),
  channel: z.enum(OUTBOX_CHANNELS),
  recipient: z.string(),
  template: z.string(),
  status: z.enum(OUTBOX_STATUS_VALUES),
  attempts: z.number().int(),
  /** The provider's id: Twilio's message SID, the e-mail's Message-ID, or `dev-…` for the development transport. */
  providerId: z.string().nullable(),
  /** Twilio's last delivery report (queued, sent, delivered, undelivered, failed), or the SMTP server's reply. */
  providerStatus: z.string().nullable(),
  createdAt: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
  nextAttemptAt: z.string(),
  /** SMS only: the parts billed, and GSM-7 or UCS-2 (ă â î ș ț need UCS-2). */
  segments: z.number().int().nullable(),
  encoding: z.enum(['GSM-7', 'UCS-2']).nullable(),
  petitionId: z.string().nullable(),
});
export type OutboxItem = z.infer<typeof outboxItemSchema>;

export const outboxListSchema = z.object({ items: z.array(outboxItemSchema), nextCursor: z.string().nullable() });
export type OutboxList = z.infer<typeof outboxListSchema>;
