import type { AnyActionKind } from './kind-registry';
import type { DeliveryState } from '../../../shared/domain/inbox';
import type { BenchView, DailyCapView, OutboxAction } from '../../../shared/domain/outbox';
import type { ActionResult, Origin } from './action-kind';

/**
 * What the inbox, campaigns, invites and every other domain ask of the one outbox. Every
 * outgoing action is a row before it is attempted, of a registered kind (action-kind.ts); the
 * outbox owns lanes, pacing, retries and Telegram's waits, and reports every state change.
 */
export type OutboxSender = { kind: 'account' | 'bot'; id: number };

/** A file already in the data folder (named by content hash), checked against the sender's limits. */
export interface OutboxAttachment {
  sha256: string;
  path: string;
  fileName: string;
  mimeType: string;
  size: number;
  mediaKind: 'photo' | 'document' | 'video' | 'voice';
}

/** The payloads of the message kinds (`text`, `media`), which name their own kind. */
export type OutboxPayload =
  | { kind: 'text'; chatKey: string; text: string; replyToTelegramId?: number }
  | { kind: 'media'; chatKey: string; attachment: OutboxAttachment; caption?: string; replyToTelegramId?: number };

export interface EnqueueInput {
  sender: OutboxSender;
  /** A registered action kind's name; a message payload (`text`, `media`) names it itself. */
  kind?: string;
  /** Checked against the kind's schema: what does not parse is refused before anything is stored. */
  payload: unknown;
  /** Who asked for it; the domain follows its own items by it. */
  origin?: Origin;
  /** The daily cap it counts against on a personal account; the kind's own unless said. */
  action?: OutboxAction;
  /** The inbox's conversation a reply belongs to. */
  conversationId?: number | null;
  /** Operator replies go before bulk work in the same lane. */
  priority: 'operator' | 'bulk';
}

export interface OutboxItem {
  id: number;
  sender: OutboxSender;
  kind: string;
  origin: Origin | null;
  conversationId: number | null;
  payload: unknown;
  delivery: DeliveryState;
  attempts: number;
  /** The Telegram message id once sent. */
  telegramMessageId: number | null;
  /** Epoch ms Telegram stamped the sent message with. */
  sentAt: number | null;
  /** What the action left behind once sent (or found already done); null before. */
  result: ActionResult | null;
}

/** One page of a domain's items, newest first; `before` is the last id of the previous page. */
export interface OriginQuery {
  ref?: string;
  before?: number;
  limit?: number;
}

export interface Outbox {
  /**
   * Stores the item. Inside a caller's transaction it is stored in that transaction; listeners
   * and the lane hear of it only once it is committed, and a rolled-back item never leaves.
   */
  enqueue(input: EnqueueInput): OutboxItem;
  /** A failed or uncertain item is tried again (uncertain only when the operator says so). */
  retry(id: number): OutboxItem;
  cancel(id: number): OutboxItem;
  item(id: number): OutboxItem | null;
  /** The sender's lane looks again now: it came online, or it was removed (its work then fails with the reason). */
  resume(sender: OutboxSender): void;
  /** Called after each state change is committed (the inbox updates the message it shows). */
  onChange(listener: (item: OutboxItem) => void): () => void;
  /** Like onChange, for the items one domain asked for only. */
  follow(domain: string, listener: (item: OutboxItem) => void): () => void;
  /** A domain's items (of one reference, when given), newest first, a page at a time. */
  itemsByOrigin(domain: string, query?: OriginQuery): OutboxItem[];
  /**
   * Resumes the stored queue. A row left `sending` by a crash goes as its kind says: again (MTProto
   * messages, with their random_id), again after checking it did not happen, or uncertain (Bot API messages).
   */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** What the operator sees and decides about the outbox itself: benches and daily caps. */
export interface OutboxControl {
  /** Adds the domains' action kinds (before start); a name taken twice for one sender kind is refused. */
  registerKinds(kinds: readonly AnyActionKind[]): void;
  /** Personal accounts Telegram benched with PEER_FLOOD, until the bench lifts by itself or the operator lifts it. */
  benches(): BenchView[];
  /** Lifts a bench now and resumes the lane; returns the bench that was lifted. */
  unbench(accountId: number): BenchView;
  /** Called when an account is benched, its waiting work changes, or the bench is lifted (null). */
  onBenchChange(listener: (accountId: number, bench: BenchView | null) => void): () => void;
  dailyCaps(accountId: number): DailyCapView[];
  /** `cap` null: no cap; undefined: back to the default. Held items go at once if the new cap allows. */
  setDailyCap(accountId: number, action: OutboxAction, cap: number | null | undefined): DailyCapView[];
}
