import { type ErrorCode, formatMessage, type MessageParams } from './errors/catalogue.ts';

export type { ErrorCode, MessageParams };

/**
 * An expected failure with a stable code from the catalogue (for programs and tests) and a Chinese
 * message (for people): the catalogue's with its `{name}` parameters filled from `params`, or a
 * whole message from the throw site. Anything that is not a GongkaiError is a bug.
 */
export class GongkaiError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    message: string | MessageParams = {},
    details?: Record<string, unknown>,
  ) {
    super(typeof message === 'string' ? message : formatMessage(code, message));
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
