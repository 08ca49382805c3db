import { Api, errors } from 'telegram';
import { SandboxRuleError } from '../world/rule-error';

/** Telegram's HTTP-like code for each error name the sandbox raises; anything unlisted is a 400. */
const CODES: Record<string, number> = {
  AUTH_KEY_UNREGISTERED: 401,
  SESSION_PASSWORD_NEEDED: 401,
  SESSION_REVOKED: 401,
  USER_PRIVACY_RESTRICTED: 403,
  CHAT_WRITE_FORBIDDEN: 403,
  MESSAGE_AUTHOR_REQUIRED: 403,
  MESSAGE_DELETE_FORBIDDEN: 403,
  INTERNAL: 500,
};

/**
 * The error GramJS itself would throw for this RPC answer: going through RPCMessageToError
 * gives FloodWaitError with `seconds` for FLOOD_WAIT_X and an RPCError with `code` and
 * `errorMessage` for the rest, exactly as the real MTProtoSender does.
 */
export function rpcError(name: string, request?: Api.AnyRequest): Error {
  const errorCode = name.startsWith('FLOOD_WAIT_') ? 420 : (CODES[name] ?? 400);
  return errors.RPCMessageToError(new Api.RpcError({ errorCode, errorMessage: name }), request as Api.AnyRequest);
}

export function floodWait(seconds: number, request?: Api.AnyRequest): Error {
  return rpcError(`FLOOD_WAIT_${Math.max(1, Math.ceil(seconds))}`, request);
}

/** Answers the current request with Telegram's error `name` (the dispatcher converts it). */
export function fail(name: string): never {
  throw new SandboxRuleError(name);
}
