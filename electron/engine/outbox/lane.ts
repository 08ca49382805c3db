import type { Database } from 'better-sqlite3';
import type { Api as BotApi } from 'grammy';
import PQueue from 'p-queue';
import { backoffDelay, type BackoffOptions } from '../platform/backoff';
import type { Scheduler } from '../platform/scheduler';
import { findRemovedSender, removedReason } from '../db/removed-senders';
import type { Logger } from '../logging/logger';
import type { Clock } from '../platform/clock';
import type { MtprotoTransport } from '../telegram/mtproto/transport';
import type { ActionResult } from './action-kind';
import { dailyCapGate } from './daily-caps';
import { AttemptTimeout, type Outcome } from './failures';
import type { AnyActionKind, KindRegistry } from './kind-registry';
import type { OutboxSender } from './outbox-port';
import { activeRows, clearPause, readPause, writePause, type Change, type OutboxRow, type OutboxState } from './outbox-repo';
import { chatKeyOf, classifyFailure, performOnce, type Connection } from './perform';
import { accountPolicy, botPolicy, type AccountPacing, type BotLimits, type LanePolicy } from './policy';

export interface RetryPolicy extends BackoffOptions {
  /** Tries before a transient failure becomes `failed`. */
  maxAttempts: number;
}

export interface LaneOptions {
  accountPacing: AccountPacing;
  botLimits: BotLimits;
  retry: RetryPolicy;
  /** How long a PEER_FLOOD benches an account unless the operator lifts it sooner (Telegram does not say; it lasts about a day). */
  peerFloodBenchMs: number;
  /** How often a lane whose sender is offline looks again. */
  offlineRecheckMs: number;
  /** A try that takes longer is abandoned: retried (MTProto, random_id) or uncertain (Bot API). */
  attemptTimeoutMs: number;
  random: () => number;
}

export interface OutboxSenders {
  /** The live transport of an online account; null while it is not online. */
  account(id: number): MtprotoTransport | null;
  /** The Bot API client of a running bot; null while it is not online. */
  bot(id: number): BotApi | null;
}

export interface LaneContext {
  db: Database;
  clock: Clock;
  scheduler: Scheduler;
  log: Logger;
  senders: OutboxSenders;
  kinds: KindRegistry;
  options: LaneOptions;
  /** Moves a row (guarded by `from`), runs `also` in the same transaction, then tells the listeners. */
  commit(id: number, from: readonly OutboxState[], change: Change, also?: () => void): boolean;
  /** An account was benched or its bench ran out. */
  benchChanged(sender: OutboxSender): void;
}

const OFFLINE = {
  account: 'The account is offline; this will be sent when it is back online.',
  bot: 'The bot is not running; this will be sent when it is back online.',
} as const;

/**
 * One sender's lane. What goes next is read from the table each time (priority, then age), so
 * operator replies overtake bulk work and nothing depends on memory that a crash would lose;
 * pacing and rate windows are checked on the injected clock; p-queue runs the attempts with the
 * sender's concurrency. A chat never has two sends in flight, so its messages keep their order;
 * an action on no chat (a callback answer, a check) waits only for the sender's own pacing.
 */
export class Lane {
  private readonly policy: LanePolicy;
  private readonly queue: PQueue;
  /** Item id → chat key of the sends in flight (null: it touches no chat). */
  private readonly sending = new Map<number, string | null>();
  private readonly aborts = new Set<AbortController>();
  private cancelWake: (() => void) | null = null;
  private wakeTime = Number.POSITIVE_INFINITY;
  /**
   * Outcomes of sends that could not be written (a full disk): their rows stay `sending`, and each
   * look at the lane tries the write again. A restart before then recovers them like any send in flight.
   */
  private readonly unrecorded = new Map<number, () => void>();
  /** The last look at the lane failed to write; said once until one succeeds. */
  private lookFailed = false;
  private kicked = false;
  private stopped = false;

  constructor(
    private readonly ctx: LaneContext,
    readonly sender: OutboxSender,
  ) {
    const { options, clock } = ctx;
    this.policy = sender.kind === 'account' ? accountPolicy(options.accountPacing, options.random) : botPolicy(options.botLimits, () => clock.now());
    this.queue = new PQueue({ concurrency: this.policy.concurrency });
  }

  /** Looks for work soon (after the caller's own commit and notifications). */
  kick(): void {
    if (this.kicked || this.stopped) return;
    this.kicked = true;
    queueMicrotask(() => {
      this.kicked = false;
      this.pump();
    });
  }

  /** The sender came online (or was removed): what waited only for it is looked at now, not at the next recheck. */
  resume(): void {
    if (this.stopped) return;
    const offline = OFFLINE[this.sender.kind];
    for (const row of activeRows(this.ctx.db, this.sender)) {
      if (row.state === 'waiting' && row.reason === offline) this.ctx.commit(row.id, ['waiting'], { state: 'queued', notBefore: 0 });
    }
    this.kick();
  }

  /** Abandons attempts in flight (their rows stay `sending`; the next start decides) and every timer. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.clearWake();
    for (const abort of this.aborts) abort.abort();
    await this.queue.onIdle();
  }

  /**
   * Looks at the lane. Callers are timers, microtasks and settled sends that nobody awaits, so a
   * failed write here (a full disk) is handled here: said once, and looked at again later.
   */
  private pump(): void {
    if (this.stopped) return;
    this.clearWake();
    const now = this.ctx.clock.now();
    try {
      for (const [id, write] of this.unrecorded) this.record(id, write);
      if (this.unrecorded.size > 0) this.wakeAt(now + this.ctx.options.offlineRecheckMs);
      this.look(now);
      this.lookFailed = false;
    } catch (error) {
      if (!this.lookFailed) this.ctx.log.error({ err: error, sender: this.sender }, 'the outbox could not update this lane; it tries again');
      this.lookFailed = true;
      this.wakeAt(now + this.ctx.options.offlineRecheckMs);
    }
  }

  private look(now: number): void {
    const { db } = this.ctx;
    // Before any pause: a removed sender's work fails now, not when a flood wait or bench would end.
    const removed = findRemovedSender(db, this.sender);
    if (removed) return this.retire(removedReason(removed));
    const pause = readPause(db, this.sender);
    if (pause && pause.until > now) return this.wakeAt(pause.until);
    if (pause) this.endPause(pause.kind);
    const rows = activeRows(db, this.sender);
    if (rows.length === 0) return;
    const connection = this.connection();
    if (!connection) return this.holdOffline(rows, now);

    let next = Number.POSITIVE_INFINITY;
    const taken = new Set(this.sending.values());
    // Daily caps are a personal account's; a bot's limits are rates, handled by its policy.
    const caps = this.sender.kind === 'account' ? dailyCapGate(db, this.sender.id, now) : null;
    for (const row of rows) {
      if (this.sending.size >= this.policy.concurrency) break;
      // A kind over today's cap waits without holding up its chat: other kinds keep flowing.
      const held = caps?.held(row.action);
      if (held) {
        this.hold(row, held);
        next = Math.min(next, held.until);
        continue;
      }
      const kind = this.ctx.kinds.find(this.sender.kind, row.kind);
      if (!kind) {
        this.ctx.commit(row.id, ['queued', 'waiting'], { state: 'failed', reason: `This desk no longer knows how to do "${row.kind}" (what asked for it is not installed).` });
        continue;
      }
      const chatKey = chatKeyOf(kind, row);
      if (chatKey !== null && taken.has(chatKey)) continue;
      // Later items to the same chat wait behind this one, whether it goes now or not.
      if (chatKey !== null) taken.add(chatKey);
      const at = Math.max(row.not_before, this.policy.readyAt(row.priority, chatKey));
      if (at > now) next = Math.min(next, at);
      else {
        caps?.book(row.action);
        this.begin(row, kind, chatKey, connection, now);
      }
    }
    if (next < Number.POSITIVE_INFINITY) this.wakeAt(next);
  }

  /** The pause ran out; a bench that did says so, so the window stops showing it. */
  private endPause(kind: 'flood' | 'bench'): void {
    clearPause(this.ctx.db, this.sender);
    if (kind === 'bench') this.ctx.benchChanged(this.sender);
  }

  /** Marks the row waiting with the cap's reason, once (a look at the lane that changes nothing writes nothing). */
  private hold(row: OutboxRow, held: { until: number; reason: string }): void {
    if (row.state === 'waiting' && row.not_before === held.until && row.reason === held.reason) return;
    this.ctx.commit(row.id, ['queued', 'waiting'], { state: 'waiting', notBefore: held.until, reason: held.reason });
  }

  private connection(): Connection | null {
    const { senders } = this.ctx;
    if (this.sender.kind === 'account') {
      const transport = senders.account(this.sender.id);
      return transport ? { kind: 'account', transport } : null;
    }
    const api = senders.bot(this.sender.id);
    return api ? { kind: 'bot', api } : null;
  }

  /** Nothing more goes out through this sender: every item it holds fails, saying why, and its pause or bench is gone. */
  private retire(reason: string): void {
    const pause = readPause(this.ctx.db, this.sender);
    if (pause) this.endPause(pause.kind);
    const rows = activeRows(this.ctx.db, this.sender);
    for (const row of rows) this.ctx.commit(row.id, ['queued', 'waiting'], { state: 'failed', reason });
    // The rows come a batch at a time (a long campaign has more): look again until none is left.
    if (rows.length > 0) this.kick();
  }

  /** The next item says why it waits; the lane looks again later. */
  private holdOffline(rows: OutboxRow[], now: number): void {
    const until = now + this.ctx.options.offlineRecheckMs;
    const head = rows.find((row) => row.not_before <= now);
    if (head) this.ctx.commit(head.id, ['queued', 'waiting'], { state: 'waiting', notBefore: until, reason: OFFLINE[this.sender.kind] });
    this.wakeAt(head ? until : Math.min(until, ...rows.map((row) => row.not_before)));
  }

  private begin(row: OutboxRow, kind: AnyActionKind, chatKey: string | null, connection: Connection, now: number): void {
    const attempts = row.attempts + 1;
    if (!this.ctx.commit(row.id, ['queued', 'waiting'], { state: 'sending', attempts, tried: true })) return;
    this.policy.book(row.priority, chatKey, now);
    this.sending.set(row.id, chatKey);
    void this.queue
      .add(() => this.attempt(row, kind, attempts, connection))
      .finally(() => {
        this.sending.delete(row.id);
        this.pump();
      });
  }

  private async attempt(row: OutboxRow, kind: AnyActionKind, attempts: number, connection: Connection): Promise<void> {
    const abort = new AbortController();
    this.aborts.add(abort);
    const cancelTimer = this.ctx.scheduler.after(this.ctx.options.attemptTimeoutMs, () => abort.abort());
    // Written outside the try: a failed write of a send that worked must never count as a failed send.
    let write: () => void;
    try {
      // Begun inside the try, so a refusal thrown before any await fails the item instead of the lane.
      const performed = Promise.resolve().then(() => performOnce(this.ctx.db, kind, row, connection, this.ctx.clock.now(), abort.signal));
      const done: ActionResult = await Promise.race([performed, rejectOnAbort(abort.signal)]);
      const { messageId, date, ...rest } = done;
      write = () =>
        void this.ctx.commit(row.id, ['sending'], {
          state: 'sent',
          resultMessageId: messageId,
          sentAt: date,
          ...(rest.data === undefined && !rest.alreadyDone ? {} : { result: rest }),
        });
    } catch (error) {
      const outcome = classifyFailure(kind, error);
      if (!this.stopped) this.ctx.log.warn({ outboxId: row.id, sender: this.sender, attempts, outcome }, 'outbox send failed');
      write = () => this.settle(row, attempts, outcome);
    } finally {
      cancelTimer();
      this.aborts.delete(abort);
    }
    // Stopped mid-send: the row stays `sending`, and the next start does what its kind says (afterInterruption).
    if (!this.stopped) this.record(row.id, write);
  }

  /** Writes a send's outcome; when that fails, the row stays `sending` and the write is tried again at the next look. */
  private record(id: number, write: () => void): void {
    try {
      write();
      this.unrecorded.delete(id);
    } catch (error) {
      if (!this.unrecorded.has(id)) this.ctx.log.error({ err: error, outboxId: id, sender: this.sender }, 'the outcome of an outbox send could not be written; it is tried again');
      this.unrecorded.set(id, write);
    }
  }

  private settle(row: OutboxRow, attempts: number, outcome: Outcome): void {
    const { options, clock, db } = this.ctx;
    const now = clock.now();
    const commit = (change: Change, also?: () => void) => this.ctx.commit(row.id, ['sending'], change, also);
    switch (outcome.kind) {
      case 'flood':
      case 'bench': {
        const until = now + (outcome.kind === 'flood' ? outcome.waitMs : options.peerFloodBenchMs);
        commit({ state: 'waiting', notBefore: until, reason: outcome.reason }, () =>
          writePause(db, this.sender, { kind: outcome.kind, since: now, until, reason: outcome.reason }),
        );
        if (outcome.kind === 'bench') this.ctx.benchChanged(this.sender);
        return;
      }
      case 'offline':
        commit({ state: 'waiting', notBefore: now + options.offlineRecheckMs, reason: outcome.reason });
        return;
      case 'later':
        // Telegram's own request to come back: the try is given back, so waiting never runs out the retries.
        commit({ state: 'waiting', notBefore: now + outcome.waitMs, reason: outcome.reason, attempts: attempts - 1 });
        return;
      case 'transient': {
        if (attempts >= options.retry.maxAttempts) {
          commit({ state: 'failed', reason: `${outcome.reason} Gave up after ${attempts} tries; retry when Telegram is reachable.` });
          return;
        }
        const notBefore = now + backoffDelay(attempts, options.retry, options.random);
        commit({ state: 'waiting', notBefore, reason: `${outcome.reason} Trying again (try ${attempts + 1} of ${options.retry.maxAttempts}).` });
        return;
      }
      case 'permanent':
      case 'uncertain':
        commit({ state: outcome.kind === 'permanent' ? 'failed' : 'uncertain', reason: outcome.reason });
        return;
    }
  }

  /** The lane looks again at `at`, or sooner if it already means to. */
  private wakeAt(at: number): void {
    if (this.cancelWake && this.wakeTime <= at) return;
    this.clearWake();
    this.wakeTime = at;
    this.cancelWake = this.ctx.scheduler.after(Math.max(0, at - this.ctx.clock.now()), () => {
      this.cancelWake = null;
      this.wakeTime = Number.POSITIVE_INFINITY;
      this.pump();
    });
  }

  private clearWake(): void {
    this.cancelWake?.();
    this.cancelWake = null;
    this.wakeTime = Number.POSITIVE_INFINITY;
  }
}

function rejectOnAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => signal.addEventListener('abort', () => reject(new AttemptTimeout('The send took too long.')), { once: true }));
}
