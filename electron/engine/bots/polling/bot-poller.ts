import { setTimeout as sleep } from 'node:timers/promises';
import type { Database } from 'better-sqlite3';
import type { Api } from 'grammy';
import type { ConnectionState } from '../../../../shared/domain/connections';
import type { Logger } from '../../logging/logger';
import type { AfterCommit, InboundPipeline } from '../../inbound/run-consumers';
import type { Clock } from '../../platform/clock';
import { classifyBotApiError, grammySignal } from '../../telegram/bots/bot-api';
import { ALLOWED_UPDATES } from '../../telegram/bots/translate/update';
import { readUpdateOffset } from '../store/bot-repo';
import { storeUpdates, type BotIdentity } from '../store/store-updates';
import { backoffDelay, type BackoffOptions } from '../../platform/backoff';
import { StoppableLoop } from './stoppable-loop';

export interface PollerOptions {
  api: Api;
  bot: BotIdentity;
  db: Database;
  /** The consumers the updates go to, in the transaction that moves the offset. */
  pipeline: InboundPipeline;
  clock: Clock;
  log: Logger;
  /** How long Telegram may hold one getUpdates (about 25 s in production). */
  timeoutSeconds: number;
  backoff: BackoffOptions;
  /**
   * The least time between two polls that came back empty: a server or proxy that answers at
   * once (ignoring `timeout`) would otherwise be asked hundreds of times a second.
   */
  emptyPollGapMs: number;
  onState(state: ConnectionState): void;
}

export const TOKEN_REVOKED =
  "Telegram no longer accepts this bot's token (it was revoked or replaced in @BotFather). Remove the bot and add it again with the new token.";
export const POLLED_ELSEWHERE =
  'This bot is being polled by another program (or has a webhook set), so the desk stopped polling it rather than fight. Stop the other program, then start the bot again.';

/**
 * One bot's long polling, written out instead of grammY's bot.start() because the offset must
 * be committed in the same transaction as the stored updates: the offset sent to Telegram is
 * always the one read back from the database, so an update not stored is asked for again.
 */
export class BotPoller extends StoppableLoop {
  constructor(private readonly o: PollerOptions) {
    super();
    this.begin();
  }

  protected async run(): Promise<void> {
    const { o } = this;
    const signal = this.abort.signal;
    let online = false;
    let attempt = 0;
    o.onState({ status: 'connecting' });
    while (!signal.aborted) {
      let updates;
      const held = online;
      const polledAt = performance.now();
      try {
        // Until a poll succeeds, ask without holding, so "online" shows as soon as Telegram answers.
        updates = await o.api.getUpdates(
          { offset: readUpdateOffset(o.db, o.bot.id), timeout: online ? o.timeoutSeconds : 0, limit: 100, allowed_updates: [...ALLOWED_UPDATES] },
          grammySignal(signal),
        );
      } catch (error) {
        if (signal.aborted) return;
        const failure = classifyBotApiError(error);
        online = false;
        if (failure.kind === 'unauthorized') return o.onState({ status: 'error', reason: TOKEN_REVOKED });
        if (failure.kind === 'conflict') return o.onState({ status: 'error', reason: POLLED_ELSEWHERE });
        if (failure.kind === 'rejected') return o.onState({ status: 'error', reason: failure.reason });
        if (failure.kind === 'flood') {
          const waitMs = failure.retryAfterSeconds * 1000;
          o.onState({ status: 'flood_wait', until: o.clock.now() + waitMs });
          await this.wait(waitMs);
          continue;
        }
        await this.retryLater(++attempt, failure.reason);
        continue;
      }

      let afterCommit: AfterCommit;
      try {
        afterCommit = storeUpdates(o.db, o.pipeline, o.bot, updates, o.clock.now());
      } catch (error) {
        // Nothing was committed, so the next poll (same offset) gets the same updates again.
        o.log.error({ err: error, botId: o.bot.id }, 'storing bot updates failed');
        online = false;
        await this.retryLater(++attempt, 'Storing the received updates failed; see the log');
        continue;
      }
      attempt = 0;
      if (!online) {
        online = true;
        o.onState({ status: 'online' });
      }
      afterCommit();
      // Only a poll meant to be held counts (the first one asks without holding, on purpose).
      // Real time, not the desk's clock: this paces network calls.
      const early = o.emptyPollGapMs - (performance.now() - polledAt);
      if (held && updates.length === 0 && early > 0) await this.wait(early);
    }
  }

  private async retryLater(attempt: number, reason: string): Promise<void> {
    const delayMs = backoffDelay(attempt, this.o.backoff);
    this.o.onState({ status: 'reconnecting', attempt, nextTryAt: this.o.clock.now() + delayMs, reason });
    this.o.log.warn({ botId: this.o.bot.id, attempt, delayMs, reason }, 'bot polling failed; retrying');
    await this.waitBeforeNextTry(delayMs);
  }

  private async wait(ms: number): Promise<void> {
    try {
      await sleep(ms, undefined, { signal: this.abort.signal });
    } catch {
      // Stopped while waiting: the loop sees the abort and ends.
    }
  }
}
