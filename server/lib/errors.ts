// Errors as values with codes (papra's createErrorFactory, unkey's error body): use cases throw an
// AppError, one handler maps it to { error: { code, message, requestId, details } }.
import { ERROR_CODES, type ErrorCode } from '../../shared/api/errors';

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: unknown;
  readonly headers: Record<string, string>;

  constructor({ code, message, details, headers }: { code: ErrorCode; message: string; details?: unknown; headers?: Record<string, string> }) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_CODES[code];
    this.details = details;
    this.headers = headers ?? {};
  }
}

export function appError(code: ErrorCode, message: string, details?: unknown, headers?: Record<string, string>): AppError {
  return new AppError({ code, message, details, ...(headers ? { headers } : {}) });
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
