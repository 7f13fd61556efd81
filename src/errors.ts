/**
 * An expected failure with a stable code (for programs and tests) and a Chinese message (for people).
 * Anything that is not a GongkaiError is a bug.
 */
export class GongkaiError extends Error {
  readonly code: string;
  readonly details?: Record<string, unknown>;

  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'GongkaiError';
    this.code = code;
    this.details = details;
  }
}

export function isGongkaiError(error: unknown): error is GongkaiError {
  return error instanceof GongkaiError;
}
