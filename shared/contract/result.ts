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
  | 'internal'
  /** The disk holding the data folder is full: nothing was saved; the desk resumes once there is room. */
  | 'disk_full'
  // Telegram's answers, each with its own message in the window's language.
  | 'phone_invalid'
  | 'phone_banned'
  | 'phone_unregistered'
  | 'code_invalid'
  | 'code_expired'
  | 'password_invalid'
  | 'flood_wait'
  | 'api_credentials_invalid'
  /** No api_id/api_hash is set at all (real Telegram only): set one before signing in. */
  | 'api_credentials_missing'
  | 'session_revoked'
  | 'bot_token_invalid'
  | 'bot_conflict'
  | 'sign_in_expired';

export interface DeskErrorShape {
  code: ErrorCode;
  message: string;
  /** Machine-readable facts a window needs, e.g. `{ until }` for a flood wait. */
  details?: Record<string, string | number | boolean | null>;
}

export type CallResult<T> = { ok: true; value: T } | { ok: false; error: DeskErrorShape };

/** Thrown inside handlers (and by the renderer's client) to carry a code across the boundary. */
export class DeskError extends Error {
  readonly code: ErrorCode;
  readonly details: DeskErrorShape['details'];
  constructor(code: ErrorCode, message: string, details?: DeskErrorShape['details']) {
    super(message);
    this.name = 'DeskError';
    this.code = code;
    this.details = details;
  }
}

export function ok<T>(value: T): CallResult<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, details?: DeskErrorShape['details']): CallResult<never> {
  return { ok: false, error: details ? { code, message, details } : { code, message } };
}
