import { SandboxRuleError } from '../world/rule-error';

/** An error in the Bot API's own form: `{ ok: false, error_code, description, parameters? }`. */
export class BotApiError extends Error {
  constructor(
    readonly errorCode: number,
    readonly description: string,
    readonly parameters?: { retry_after?: number; migrate_to_chat_id?: number },
  ) {
    super(description);
    this.name = 'BotApiError';
  }
}

export const badRequest = (what: string) => new BotApiError(400, `Bad Request: ${what}`);
export const forbidden = (what: string) => new BotApiError(403, `Forbidden: ${what}`);
export const chatNotFound = () => badRequest('chat not found');

/**
 * The descriptions the Bot API gives for the MTProto errors the world raises. Telegram passes
 * unknown MTProto names through as "Bad Request: NAME", so the fallback does the same.
 * `overrides` lets a method name its own case (the message "to edit" vs "to delete").
 */
const DESCRIPTIONS: Record<string, BotApiError> = {
  MESSAGE_TOO_LONG: badRequest('message is too long'),
  MESSAGE_EMPTY: badRequest('message text is empty'),
  MEDIA_CAPTION_TOO_LONG: badRequest('message caption is too long'),
  MESSAGE_NOT_MODIFIED: badRequest(
    'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
  ),
  MESSAGE_AUTHOR_REQUIRED: badRequest("message can't be edited"),
  MESSAGE_DELETE_FORBIDDEN: badRequest("message can't be deleted"),
  MESSAGE_ID_INVALID: badRequest('message not found'),
  QUERY_ID_INVALID: badRequest('query is too old and response timeout expired or query ID is invalid'),
  PEER_ID_INVALID: chatNotFound(),
  CHANNEL_INVALID: chatNotFound(),
  USER_IS_BLOCKED: forbidden('bot was blocked by the user'),
  USER_IS_BOT: forbidden("bot can't send messages to bots"),
  BOT_CANT_INITIATE: forbidden("bot can't initiate conversation with a user"),
  CHAT_ADMIN_REQUIRED: badRequest('not enough rights'),
  USER_NOT_PARTICIPANT: badRequest('user not found'),
};

export function toBotApiError(error: unknown, overrides: Record<string, BotApiError> = {}): BotApiError {
  if (error instanceof BotApiError) return error;
  if (error instanceof SandboxRuleError) {
    return overrides[error.code] ?? DESCRIPTIONS[error.code] ?? badRequest(error.code);
  }
  throw error;
}

/** Runs a world call and turns its rule errors into the Bot API's descriptions. */
export function worldCall<T>(run: () => T, overrides: Record<string, BotApiError> = {}): T {
  try {
    return run();
  } catch (error) {
    throw toBotApiError(error, overrides);
  }
}
