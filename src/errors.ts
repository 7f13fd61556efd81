import { type ErrorCode, errorMessages } from './errors/catalogue.ts';

export type { ErrorCode };

/**
 * An expected failure with a stable code from the catalogue (for programs and tests) and a Chinese
 * message (for people): the catalogue's, or a more precise one from the throw site.
 * Anything that is not a GongkaiError is a bug.
 */
export class GongkaiError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    message: string = errorMessages[code],
    details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'GongkaiError';
    this.code = code;
    this.details = details;
  }
}

export function isGongkaiError(error: unknown): error is GongkaiError {
  return error instanceof GongkaiError;
}

/** What lies between `prefix` and `suffix` in catalogue codes: a helper adding them takes these. */
export type ErrorKind<Prefix extends string, Suffix extends string = ''> = ErrorCode extends infer C
  ? C extends `${Prefix}${infer Kind}${Suffix}`
    ? Kind
    : never
  : never;
