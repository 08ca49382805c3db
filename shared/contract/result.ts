/**
 * Every call answers with a result, never a thrown error: stacks stay in the main-side log,
 * the window gets a code it can branch on and a message a person can read.
 */
export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'unavailable'
  | 'forbidden'
  | 'internal';

export interface DeskErrorShape {
  code: ErrorCode;
  message: string;
}

export type CallResult<T> = { ok: true; value: T } | { ok: false; error: DeskErrorShape };

/** Thrown inside handlers (and by the renderer's client) to carry a code across the boundary. */
export class DeskError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'DeskError';
    this.code = code;
  }
}

export function ok<T>(value: T): CallResult<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string): CallResult<never> {
  return { ok: false, error: { code, message } };
}
