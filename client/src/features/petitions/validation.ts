// The form is checked with the very schema the server uses, so the browser and the API agree on every rule;
// this file only turns the schema's issues (and the server's 400 fields) into sentences on the right fields.
import { createPetitionInputSchema, LIMITS, type CreatePetitionInput } from '../../../../shared/api/petitions';
import type { Message } from '../../i18n';
import { ApiError } from '../../lib/api-client';
import { describeApiError } from '../../lib/api-messages';
import { checkAttachments } from './attachments';
import { FIELDS, isFieldPath, toRawInput, type FieldPath, type FormValues } from './form-values';

export type FieldErrors = Partial<Record<FieldPath, Message>>;

const MAX_LENGTH: Partial<Record<FieldPath, number>> = {
  'petitioner.firstName': LIMITS.name,
  'petitioner.lastName': LIMITS.name,
  'petitioner.organizationName': 200,
  'petitioner.email': 254,
  'petitioner.address': LIMITS.address,
  'location.address': LIMITS.address,
};

function valueAt(values: FormValues, path: FieldPath): string {
  if (path === 'subject') return values.subject;
  if (path === 'body') return values.body;
  return '';
}

/** One sentence for one failing field; `code` is a zod issue code (the server sends the same ones). */
export function messageFor(path: FieldPath, code: string, values: FormValues): Message {
  switch (path) {
    case 'type':
      return { key: 'err.type' };
    case 'categoryCode':
      return { key: 'err.category' };
    case 'petitioner.kind':
      return { key: 'err.kind' };
    case 'consent':
      return { key: 'err.consent' };
    case 'petitioner.phone':
      return { key: 'err.phone' };
    case 'subject':
    case 'body': {
      const limits = LIMITS[path];
      if (code === 'too_big') return { key: `err.${path}.max`, vars: { max: limits.max } };
      if (!valueAt(values, path).trim()) return { key: `err.${path}.required` };
      return { key: `err.${path}.min`, vars: { min: limits.min } };
    }
  }
  const max = MAX_LENGTH[path];
  if (code === 'too_big' && max) return { key: 'err.tooLong', vars: { max }, field: FIELDS[path].label };
  if (path === 'petitioner.email') return { key: 'err.email' };
  return { key: 'err.invalid', field: FIELDS[path].label };
}

export type ValidationResult = { ok: true; input: CreatePetitionInput } | { ok: false; errors: FieldErrors };

export function validatePetition(values: FormValues, files: File[]): ValidationResult {
  const errors: FieldErrors = {};
  const parsed = createPetitionInputSchema.safeParse(toRawInput(values));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.');
      if (isFieldPath(path) && !errors[path]) errors[path] = messageFor(path, issue.code, values);
    }
  }
  const fileProblem = checkAttachments(files);
  if (fileProblem) errors.attachments = fileProblem;
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, input: parsed.data };
  return { ok: false, errors };
}

const ATTACHMENT_CODES = new Set([
  'attachments.too_many',
  'attachments.too_large',
  'attachments.type_not_allowed',
  'request.too_large',
  'request.unsupported_media_type',
]);

/** A failed submission, split into messages on fields and one message for the whole form. */
export function errorsFromApi(error: unknown, values: FormValues): { fields: FieldErrors; general: Message | null } {
  if (!(error instanceof ApiError)) return { fields: {}, general: describeApiError(error) };
  if (ATTACHMENT_CODES.has(error.code)) return { fields: { attachments: describeApiError(error) }, general: null };
  if (error.code === 'categories.not_found') return { fields: { categoryCode: describeApiError(error) }, general: null };

  const fields: FieldErrors = {};
  for (const issue of error.fields) {
    const path = issue.path.replace(/^data\./, '');
    if (isFieldPath(path) && !fields[path]) fields[path] = messageFor(path, issue.code, values);
  }
  if (Object.keys(fields).length > 0) return { fields, general: null };
  return { fields, general: describeApiError(error) };
}
