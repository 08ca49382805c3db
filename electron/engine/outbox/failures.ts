import { GrammyError, HttpError } from 'grammy';
import { describe, FOREIGN_ANSWER, isForeignAnswer } from '../telegram/bots/bot-api';
import { classifyRpcError } from '../telegram/mtproto/rpc-failure';

/** What one failed attempt means for its item and its lane. */
export type Outcome =
  /** Telegram named a wait: the whole lane pauses until then, the item is sent after. */
  | { kind: 'flood'; waitMs: number; reason: string }
  /** Telegram limited the sender for a long time (PEER_FLOOD): the lane is benched. */
  | { kind: 'bench'; reason: string }
  /** Worth another try later (network, 5xx, INTERNAL, a timeout before any effect). */
  | { kind: 'transient'; reason: string }
  /** Trying again would get the same answer. */
  | { kind: 'permanent'; reason: string }
  /** A Bot API send that may or may not have reached Telegram: never resent without the operator. */
  | { kind: 'uncertain'; reason: string }
  /** The sender cannot send now (signed out, token revoked): wait until it is back online. */
  | { kind: 'offline'; reason: string }
  /** Telegram asked for this one item to come back later (a contact import over its limit): no failure, no retry spent. */
  | { kind: 'later'; waitMs: number; reason: string };

/** A send refused by the desk itself before Telegram was asked (unknown chat, missing file). */
export class Refusal extends Error {}

/** A send that took longer than the lane allows. */
export class AttemptTimeout extends Error {}

/** Telegram answered without doing it, and asked for it again later; a kind throws it to wait without failing. */
export class RetryLater extends Error {
  constructor(
    message: string,
    readonly waitMs: number,
  ) {
    super(message);
  }
}

const BLOCKED = 'This person blocked the sender.';
const NO_ACCESS = 'The sender can no longer write to this chat (it left, was removed, or has no rights there).';
const NOT_FOUND = 'Chat not found: the sender has no access to it.';
const DELETED = 'This person deleted their Telegram account.';
const TOO_LONG = 'The message is longer than Telegram allows (4096 characters).';
const CAPTION_TOO_LONG = 'The caption is longer than Telegram allows.';
const TOO_LARGE = 'The file is larger than Telegram accepts from this sender.';

/** MTProto error names that will not change on a retry, with what they mean to a person. */
const MTPROTO_PERMANENT: Record<string, string> = {
  USER_IS_BLOCKED: BLOCKED,
  YOU_BLOCKED_USER: 'You blocked this person; unblock them in Telegram to write.',
  CHANNEL_PRIVATE: NO_ACCESS,
  CHAT_WRITE_FORBIDDEN: NO_ACCESS,
  USER_BANNED_IN_CHANNEL: NO_ACCESS,
  CHAT_ADMIN_REQUIRED: NO_ACCESS,
  CHAT_RESTRICTED: NO_ACCESS,
  PEER_ID_INVALID: NOT_FOUND,
  CHANNEL_INVALID: NOT_FOUND,
  CHAT_ID_INVALID: NOT_FOUND,
  INPUT_USER_DEACTIVATED: DELETED,
  USER_DEACTIVATED: DELETED,
  MESSAGE_TOO_LONG: TOO_LONG,
  MEDIA_CAPTION_TOO_LONG: CAPTION_TOO_LONG,
  MESSAGE_EMPTY: 'The message is empty.',
  FILE_PARTS_INVALID: TOO_LARGE,
  USER_PRIVACY_RESTRICTED: "This person's privacy settings do not allow the sender to write.",
  REPLY_TO_INVALID: 'The message replied to no longer exists.',
};

export function classifyMtprotoError(error: unknown): Outcome {
  if (error instanceof Refusal) return { kind: 'permanent', reason: error.message };
  if (error instanceof RetryLater) return { kind: 'later', waitMs: error.waitMs, reason: error.message };
  if (error instanceof AttemptTimeout) return { kind: 'transient', reason: 'Telegram did not answer in time.' };
  const failure = classifyRpcError(error);
  switch (failure.kind) {
    case 'flood':
      return { kind: 'flood', waitMs: failure.seconds * 1000, reason: `Telegram asked this account to wait ${failure.seconds} s (flood control).` };
    case 'unauthorized':
      return { kind: 'offline', reason: 'Telegram ended this account’s session; sign in again and it will be sent.' };
    case 'network':
      return { kind: 'transient', reason: 'The connection to Telegram failed.' };
    case 'rpc': {
      if (failure.name === 'PEER_FLOOD') {
        return { kind: 'bench', reason: 'Telegram limited this account for messaging people who are not its contacts (PEER_FLOOD); its sends are paused.' };
      }
      // The same random_id is still being processed: the next try gets the first answer back.
      if (failure.name === 'RANDOM_ID_DUPLICATE') return { kind: 'transient', reason: 'Telegram is still processing the previous try.' };
      const known = MTPROTO_PERMANENT[failure.name];
      if (known) return { kind: 'permanent', reason: known };
      if (failure.code === undefined || failure.code < 0 || failure.code >= 500) return { kind: 'transient', reason: `Telegram had an internal error (${failure.name}).` };
      return { kind: 'permanent', reason: `Telegram refused the message (${failure.name}).` };
    }
  }
}

/** Bot API descriptions (lower case) and what they mean to a person. */
const BOT_PERMANENT: [RegExp, string][] = [
  [/blocked by the user/, BLOCKED],
  [/user is deactivated/, DELETED],
  [/can't initiate conversation/, 'This person never started the bot, so it cannot write to them first.'],
  [/kicked|not a member|have no rights|not enough rights|need administrator rights/, NO_ACCESS],
  [/chat not found|user not found/, NOT_FOUND],
  [/message is too long/, TOO_LONG],
  [/caption is too long/, CAPTION_TOO_LONG],
  [/too big|too large/, TOO_LARGE],
];

/** Connection errors that mean the request never reached the Bot API, so a retry cannot duplicate. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

export function classifyBotError(error: unknown): Outcome {
  if (error instanceof Refusal) return { kind: 'permanent', reason: error.message };
  if (error instanceof RetryLater) return { kind: 'later', waitMs: error.waitMs, reason: error.message };
  // It may have passed the message on to Telegram before failing: never resent blindly.
  if (isForeignAnswer(error)) return { kind: 'uncertain', reason: `${FOREIGN_ANSWER}, so the desk cannot tell whether this was delivered. Check the chat, then retry or cancel.` };
  if (error instanceof GrammyError) {
    const code = error.error_code;
    const description = describe(error).toLowerCase();
    if (code === 429) {
      const seconds = Math.max(error.parameters.retry_after ?? 1, 1);
      return { kind: 'flood', waitMs: seconds * 1000, reason: `Telegram asked this bot to wait ${seconds} s (too many requests).` };
    }
    if (code === 401 || code === 404) return { kind: 'offline', reason: 'Telegram no longer accepts this bot’s token; add the bot again and it will be sent.' };
    // Answered before the method ran (the Bot API's 5xx), so trying again cannot duplicate.
    if (code >= 500) return { kind: 'transient', reason: `Telegram answered ${code}.` };
    const known = BOT_PERMANENT.find(([pattern]) => pattern.test(description));
    return { kind: 'permanent', reason: known ? known[1] : `Telegram refused the message: ${describe(error)}` };
  }
  if (error instanceof HttpError && NOT_SENT_CODES.has(String((error.error as { code?: unknown } | null)?.code))) {
    return { kind: 'transient', reason: 'Telegram could not be reached.' };
  }
  // The request left and no answer came back: Telegram may have delivered it.
  return {
    kind: 'uncertain',
    reason: 'The answer from Telegram was lost, so the desk cannot tell whether this was delivered. Check the chat, then retry or cancel.',
  };
}
