import type { Database } from 'better-sqlite3';
import type { Api as BotApi } from 'grammy';
import { z } from 'zod';
import type { MtprotoTransport } from '../telegram/mtproto/transport';
import type { ActionResult, PerformContext } from './action-kind';
import { classifyBotError, classifyMtprotoError, Refusal, type Outcome } from './failures';
import type { AnyActionKind } from './kind-registry';
import { inputPeer } from './mtproto-send';
import type { OutboxRow } from './outbox-repo';

export type Connection = { kind: 'account'; transport: MtprotoTransport } | { kind: 'bot'; api: BotApi };

/**
 * One try of a row through its kind. When an earlier try may have taken effect (it was cut off
 * by a crash, its answer was lost, it timed out), a kind Telegram does not deduplicate is first
 * asked whether it already happened, and what it finds is recorded instead of doing it again.
 */
export async function performOnce(db: Database, kind: AnyActionKind, row: OutboxRow, connection: Connection, now: number, signal: AbortSignal): Promise<ActionResult> {
  const parsed = kind.payload.safeParse(JSON.parse(row.payload));
  if (!parsed.success) throw new Refusal(`This ${kind.name} item no longer reads as one (${z.prettifyError(parsed.error)}).`);
  const ctx: PerformContext = {
    db,
    senderId: row.sender_id,
    now,
    randomId: row.random_id,
    signal,
    transport: connection.kind === 'account' ? connection.transport : null,
    bot: connection.kind === 'bot' ? connection.api : null,
    inputPeer: (chatKey) => {
      if (connection.kind !== 'account') throw new Refusal('A bot names chats by id, not by input peer.');
      return inputPeer(db, row.sender_id, chatKey);
    },
  };
  if (row.tries > 0 && kind.alreadyDone) {
    const done = await kind.alreadyDone(ctx, parsed.data);
    if (done) return { ...done, alreadyDone: true };
  }
  return kind.perform(ctx, parsed.data);
}

/** The kind's own reading of an error first, then its sender kind's. */
export function classifyFailure(kind: AnyActionKind, error: unknown): Outcome {
  return kind.classify?.(error) ?? (kind.sender === 'account' ? classifyMtprotoError(error) : classifyBotError(error));
}

/** The chat a row goes to, for per-chat order and rate windows; null when it touches none. */
export function chatKeyOf(kind: AnyActionKind, row: OutboxRow): string | null {
  try {
    return kind.chatKey(JSON.parse(row.payload));
  } catch {
    // A payload that no longer reads fails at its attempt, with the reason; it holds up no chat.
    return null;
  }
}
