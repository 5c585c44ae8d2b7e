// Every API error has one shape (DESIGN.md "Errors"); the client maps `code` to Romanian/English text.
import { z } from 'zod';

export const ERROR_CODES = {
  'request.invalid': 400,
  'request.honeypot': 400,
  'request.too_large': 413,
  'request.unsupported_media_type': 415,
  'request.not_found': 404,
  'request.rate_limited': 429,
  'request.origin_forbidden': 403,
  'idempotency.key_reused': 422,
  'idempotency.key_invalid': 400,
  'attachments.too_many': 400,
  'attachments.too_large': 413,
  'attachments.type_not_allowed': 415,
  'categories.not_found': 400,
  'deadlines.invalid_kind': 400,
  'petitions.not_found': 404,
  'tracking.not_found': 404,
  'auth.invalid_credentials': 401,
  'auth.required': 401,
  'auth.forbidden': 403,
  'auth.throttled': 429,
  'auth.weak_password': 400,
  'auth.wrong_current_password': 400,
  'request.unsupported_content_type': 415,
  'petitions.forbidden': 403,
  'petitions.conflict': 409,
  'users.not_found': 404,
  'users.email_taken': 409,
  'departments.not_found': 404,
  'closed_days.not_found': 404,
  'closed_days.conflict': 409,
  'users.self_lockout': 409,
  'departments.code_taken': 409,
  'departments.in_use': 409,
  'departments.registry_locked': 409,
  'admin.category_not_found': 404,
  'categories.code_taken': 409,
  'outbox.not_found': 404,
  'outbox.conflict': 409,
  'webhooks.signature_invalid': 403,
  // The call center (issue 5).
  'calls.not_found': 404,
  'calls.conflict': 409,
  'calls.simulation_unavailable': 409,
  'calls.petition_not_found': 404,
  'petitions.unidentified': 400,
  // GDPR and Open311 (issue 6 §5, §6, §7).
  'gdpr.not_found': 404,
  'open311_keys.not_found': 404,
  'open311_keys.name_taken': 409,
  'open311_keys.revoked': 409,
  'service.unavailable': 503,
  'internal': 500,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    requestId: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** One failing field of a 400 answer: `path` is dotted (`petitioner.email`). */
export type FieldIssue = { path: string; code: string; message: string };
