import type { Database } from 'better-sqlite3';
import type { Api as BotApi } from 'grammy';
import type { Api } from 'telegram';
import type { z } from 'zod';
import type { OutboxAction } from '../../../shared/domain/outbox';
import type { MtprotoTransport } from '../telegram/mtproto/transport';
import type { Outcome } from './failures';

/** Who asked for an outbox item: a domain and its own reference (campaign 7 recipient 1204 → `7:1204`). */
export interface Origin {
  domain: string;
  ref: string;
}

/** What a performed (or found already done) action left behind. */
export interface ActionResult {
  /** The Telegram message id, for kinds that send or edit a message. */
  messageId?: number;
  /** Epoch ms Telegram stamped the message with. */
  date?: number;
  /** Anything else the domain needs later (an invite link, imported user ids), stored as JSON. */
  data?: unknown;
  /** True when the desk found the effect already there instead of causing it (see `alreadyDone`). */
  alreadyDone?: boolean;
}

/** What one attempt is given: the sender's live connection and the row's stored keys. */
export interface PerformContext {
  db: Database;
  senderId: number;
  /** Epoch ms on the engine's clock when this attempt began (expiry dates are counted from it). */
  now: number;
  /** The row's random_id, stored before the first attempt (MTProto kinds that send a message). */
  randomId: string | null;
  /** Aborted when the attempt times out or the lane stops. */
  signal: AbortSignal;
  /** Only for account kinds. */
  transport: MtprotoTransport | null;
  /** Only for bot kinds. */
  bot: BotApi | null;
  /** The account's input peer for a chat key (access hash from what the account saw); throws a Refusal if unknown. */
  inputPeer(chatKey: string): Api.TypeInputPeer;
}

/**
 * One kind of outgoing action. Domains register kinds with the outbox; every row names its kind
 * and the lane performs it through the sender's connection with the sender's pacing.
 */
export interface ActionKind<P = unknown> {
  /**
   * Stored in `outbox.kind`, e.g. `text`, `bot.message`, `channels.invite`. Unique per sender
   * kind: `text` is one kind for accounts and another for bots, and a row names the one its
   * sender performs.
   */
  name: string;
  sender: 'account' | 'bot';
  /** The daily cap it counts against on a personal account unless the enqueue names another. */
  capAction: OutboxAction;
  /** Checked at enqueue: a payload that does not parse is refused before anything is stored. */
  payload: z.ZodType<P>;
  /** The chat it goes to (per-chat order and rate windows); null when it touches no chat. */
  chatKey(payload: P): string | null;
  /**
   * A reason to fail the item at once, stored with it, before anything is tried (a file over
   * the sender's upload limit): the operator sees it straight away and nothing is lost.
   */
  refuse?(payload: P, limits: { uploadBytes: number }): string | null;
  perform(ctx: PerformContext, payload: P): Promise<ActionResult>;
  /**
   * For kinds Telegram does not deduplicate (an invite, a contact import): asked before every
   * attempt after the first, so a try whose answer was lost is never repeated blindly.
   * Null: it has not happened.
   */
  alreadyDone?(ctx: PerformContext, payload: P): Promise<ActionResult | null>;
  /**
   * An attempt in flight when the process died: `resend` (Telegram deduplicates by random_id),
   * `check` (`alreadyDone` decides at the next attempt) or `uncertain` (the operator decides).
   */
  afterInterruption: 'resend' | 'check' | 'uncertain';
  /** A kind's own reading of an error, before the sender kind's default; null to fall through. */
  classify?(error: unknown): Outcome | null;
}
