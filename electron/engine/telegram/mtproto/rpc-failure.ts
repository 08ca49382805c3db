import { errors } from 'telegram';

/**
 * What a failed MTProto call means for the caller, decided once here so sign-in and the
 * account runtime read Telegram's errors the same way.
 */
export type RpcFailure =
  | { kind: 'flood'; seconds: number }
  /** Telegram ended the authorization (revoked, logged out elsewhere, account deleted or banned). */
  | { kind: 'unauthorized'; name: string }
  /** Any other RPC answer, by its Telegram name (PHONE_CODE_INVALID, ...). */
  | { kind: 'rpc'; name: string; code: number | undefined }
  /** No answer at all: the connection is down, timed out or broke. */
  | { kind: 'network'; message: string };

const UNAUTHORIZED = new Set([
  'AUTH_KEY_UNREGISTERED',
  'AUTH_KEY_INVALID',
  'AUTH_KEY_DUPLICATED',
  'SESSION_REVOKED',
  'SESSION_EXPIRED',
  'USER_DEACTIVATED',
  'USER_DEACTIVATED_BAN',
]);

export function classifyRpcError(error: unknown): RpcFailure {
  if (error instanceof errors.FloodWaitError || error instanceof errors.FloodTestPhoneWaitError) {
    return { kind: 'flood', seconds: Math.max(1, error.seconds) };
  }
  if (error instanceof errors.RPCError) {
    const name = error.errorMessage;
    if (UNAUTHORIZED.has(name)) return { kind: 'unauthorized', name };
    return { kind: 'rpc', name, code: error.code };
  }
  return { kind: 'network', message: error instanceof Error ? error.message : String(error) };
}
