// fetch + the shared zod schemas: every answer is checked, every error becomes an ApiError with its code.
import { z } from 'zod';
import { errorBodySchema, type FieldIssue } from '../../../shared/api/errors';

/** An API failure with its code; `network` and `response.invalid` are the client's own codes. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId: string | null = null,
    readonly details: unknown = undefined,
    /** Seconds to wait, from the Retry-After header of a 429/503. */
    readonly retryAfter: number | null = null,
  ) {
    super(message);
  }

  /** The failing fields of a 400 `request.invalid` (`details.fields`), or none. */
  get fields(): FieldIssue[] {
    const parsed = fieldsDetailsSchema.safeParse(this.details);
    return parsed.success ? parsed.data.fields : [];
  }

  /** The server may have done the work (or never saw the request): retrying must reuse the same request. */
  get isAmbiguous(): boolean {
    return this.status === 0 || this.status >= 500;
  }
}

const fieldsDetailsSchema = z.object({
  fields: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })),
});

function parseRetryAfter(value: string | null): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.round((at - Date.now()) / 1000));
}

// Without a JSON error body (a proxy page, a crash), the status alone says what happened.
function codeForStatus(status: number): string {
  if (status === 404) return 'request.not_found';
  if (status === 413) return 'request.too_large';
  if (status === 415) return 'request.unsupported_media_type';
  if (status === 429) return 'request.rate_limited';
  if (status === 502 || status === 503 || status === 504) return 'service.unavailable';
  return 'internal';
}

async function send(path: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', ...init, headers: { Accept: 'application/json', ...init.headers } });
  } catch (cause) {
    if (init.signal?.aborted) throw cause;
    throw new ApiError(0, 'network', cause instanceof Error ? cause.message : 'Network error');
  }
  if (response.ok) return response;

  const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
  const body: unknown = await response.json().catch(() => null);
  const parsed = errorBodySchema.safeParse(body);
  if (parsed.success) {
    const { code, message, requestId, details } = parsed.data.error;
    throw new ApiError(response.status, code, message, requestId, details, retryAfter);
  }
  throw new ApiError(response.status, codeForStatus(response.status), response.statusText, null, undefined, retryAfter);
}

export type RequestOptions = { method?: string; json?: unknown; body?: BodyInit; headers?: Record<string, string>; signal?: AbortSignal };

function toInit({ method, json, body, headers, signal }: RequestOptions): RequestInit {
  if (json !== undefined) {
    return { method: method ?? 'POST', body: JSON.stringify(json), headers: { 'Content-Type': 'application/json', ...headers }, signal };
  }
  return { method: method ?? (body ? 'POST' : 'GET'), body, headers, signal };
}

/** A request whose answer is parsed with `schema`. */
export async function apiRequest<T>(path: string, schema: z.ZodType<T>, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, toInit(options));
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiError(response.status, 'response.invalid', 'Unexpected response from the server');
  return parsed.data;
}

/** A request whose answer has no body worth reading (202 Accepted). */
export async function apiRequestNoContent(path: string, options: RequestOptions = {}): Promise<void> {
  await send(path, toInit(options));
}
