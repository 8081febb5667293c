// The one kind of error a stage may throw: an input that cannot be read at all.
// Everything recoverable is a Warning instead.
import type { ErrorCode } from './schema.js';

export class XxgkError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'XxgkError';
  }
}

export function toFailure(error: unknown): { code: ErrorCode; message: string } {
  if (error instanceof XxgkError) return { code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'E_INTERNAL', message: `unexpected error: ${message}` };
}
