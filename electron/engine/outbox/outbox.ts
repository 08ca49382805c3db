import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { DeskError } from '../../../shared/contract/result';
import { UPLOAD_LIMITS } from '../../../shared/domain/inbox';
import type { BenchView } from '../../../shared/domain/outbox';
import { realScheduler, type Scheduler } from '../platform/scheduler';
import { findRemovedSender, removedReason } from '../db/removed-senders';
import type { Logger } from '../logging/logger';
import type { Clock } from '../platform/clock';
import { announcer } from './announce';
import { Lane, type LaneContext, type LaneOptions, type OutboxSenders } from './lane';
import { capViews, dayWindow, writeCap } from './daily-caps';
import { kindRegistry, type AnyActionKind, type KindRegistry } from './kind-registry';
import { newRandomId } from './mtproto-send';
import type { EnqueueInput, Outbox, OutboxControl, OutboxItem, OutboxSender } from './outbox-port';
import {
  activeBenches,
  clearPause,
  countActive,
  heldUntil,
  insertItem,
  interruptedRows,
  PRIORITY,
  readPause,
  readRow,
  rowsByOrigin,
  sendersWithWork,
  toItem,
  transition,
  type Change,
  type OutboxState,
  type SenderPause,
} from './outbox-repo';
import { DEFAULT_ACCOUNT_PACING, DEFAULT_BOT_LIMITS } from './policy';

export interface OutboxDeps {
  db: Database;
  clock: Clock;
  logger: Logger;
  /** The engine passes `accounts.connection(id)` and `bots.api(id)`. */
  senders: OutboxSenders;
  /** Every action kind the outbox may perform (outbox/kinds and each domain's); one name per sender kind. */
  kinds: readonly AnyActionKind[];
  /** Real timers unless a test drives its own on a manual clock. */
  scheduler?: Scheduler;
  /** The most a bot may send: its Bot API server's limit (Telegram's own unless told). */
  botUploadLimit?(botId: number): number;
}

export type OutboxOptions = Partial<LaneOptions>;

export const DEFAULT_OUTBOX_OPTIONS: LaneOptions = {
  accountPacing: DEFAULT_ACCOUNT_PACING,
  botLimits: DEFAULT_BOT_LIMITS,
  retry: { baseMs: 2_000, maxMs: 5 * 60_000, maxAttempts: 6 },
  peerFloodBenchMs: 24 * 60 * 60_000,
  offlineRecheckMs: 15_000,
  attemptTimeoutMs: 60_000,
  random: Math.random,
};

const INTERRUPTED =
  'The desk stopped while this was being sent, so it cannot tell whether Telegram received it. Check in Telegram, then retry or cancel.';

/** The one outbox: see outbox-port.ts for the contract and lane.ts for how a sender's work runs. */
export function createOutbox(deps: OutboxDeps, options: OutboxOptions = {}): Outbox & OutboxControl {
  const { db, clock } = deps;
  const log = deps.logger.child({ scope: 'outbox' });
  const kinds = kindRegistry(deps.kinds);
  const announce = announcer(db, log);
  const benchListeners = new Set<(accountId: number, bench: BenchView | null) => void>();
  const lanes = new Map<string, Lane>();
  let running = false;

  const notify = (id: number) => announce.afterCommit(() => announce.notify(id));

  function commit(id: number, from: readonly OutboxState[], change: Change, also?: () => void): boolean {
    const moved = db.transaction(() => {
      const ok = transition(db, id, from, change, clock.now());
      if (ok) also?.();
      return ok;
    })();
    if (moved) notify(id);
    return moved;
  }

  const benchView = (accountId: number, pause: SenderPause): BenchView => ({
    accountId,
    since: pause.since,
    until: pause.until,
    reason: pause.reason,
    waiting: countActive(db, { kind: 'account', id: accountId }),
  });

  function currentBench(accountId: number): BenchView | null {
    const pause = readPause(db, { kind: 'account', id: accountId });
    return pause?.kind === 'bench' && pause.until > clock.now() ? benchView(accountId, pause) : null;
  }

  function benchChanged(sender: OutboxSender): void {
    if (sender.kind !== 'account') return;
    const bench = currentBench(sender.id);
    for (const listener of benchListeners) {
      try {
        listener(sender.id, bench);
      } catch (error) {
        log.error({ err: error, accountId: sender.id }, 'an outbox bench listener failed');
      }
    }
  }

  /** Rows held until `until` go back in the queue, and the lane looks again. */
  function release(sender: OutboxSender, ids: number[]): void {
    for (const id of ids) commit(id, ['waiting'], { state: 'queued', notBefore: 0 });
    kick(sender);
  }

  const context: LaneContext = {
    db,
    clock,
    scheduler: deps.scheduler ?? realScheduler,
    log,
    senders: deps.senders,
    kinds,
    options: { ...DEFAULT_OUTBOX_OPTIONS, ...options },
    commit,
    benchChanged,
  };

  function lane(sender: OutboxSender): Lane {
    const key = `${sender.kind}:${sender.id}`;
    let found = lanes.get(key);
    if (!found) lanes.set(key, (found = new Lane(context, sender)));
    return found;
  }

  const kick = (sender: OutboxSender) => {
    if (running) lane(sender).kick();
  };

  function need(id: number) {
    return readRow(db, id) ?? notFound(id);
  }

  return {
    enqueue(input: EnqueueInput): OutboxItem {
      const { kind, payload } = checkedInput(kinds, input);
      const { sender } = input;
      const uploadBytes = sender.kind === 'bot' ? (deps.botUploadLimit?.(sender.id) ?? UPLOAD_LIMITS.bot) : UPLOAD_LIMITS.account;
      const id = insertItem(
        db,
        {
          sender,
          kind: kind.name,
          action: input.action ?? kind.capAction,
          origin: input.origin ?? null,
          conversationId: input.conversationId ?? null,
          payload,
          priority: PRIORITY[input.priority],
          randomId: sender.kind === 'account' ? newRandomId() : null,
          failedReason: removedSenderReason(db, sender) ?? kind.refuse?.(payload, { uploadBytes }) ?? null,
        },
        clock.now(),
      );
      const stored = toItem(need(id));
      // Inside the caller's transaction this waits for its commit; a rolled-back item is gone by then and nothing is told.
      announce.afterCommit(() => {
        if (!readRow(db, id)) return;
        announce.notify(id);
        kick(sender);
        // What a bench holds back grows: the window shows how much.
        if (sender.kind === 'account' && currentBench(sender.id)) benchChanged(sender);
      });
      return stored;
    },

    retry(id) {
      const row = need(id);
      // MTProto items keep their random_id: if an earlier try did arrive, Telegram answers with it.
      if (!commit(id, ['failed', 'uncertain'], { state: 'queued', attempts: 0, notBefore: 0 })) {
        throw new DeskError('conflict', 'Only a failed or uncertain message can be sent again.');
      }
      kick({ kind: row.sender_kind, id: row.sender_id });
      return toItem(need(id));
    },

    cancel(id) {
      const row = need(id);
      if (!commit(id, ['queued', 'waiting', 'failed', 'uncertain'], { state: 'cancelled' })) {
        throw new DeskError('conflict', row.state === 'sending' ? 'It is being sent right now and can no longer be cancelled.' : 'It can no longer be cancelled.');
      }
      return toItem(need(id));
    },

    resume(sender) {
      if (running) lane(sender).resume();
    },

    item: (id) => {
      const row = readRow(db, id);
      return row ? toItem(row) : null;
    },

    onChange: (listener) => announce.onChange(listener),

    follow: (domain, listener) => announce.follow(domain, listener),

    itemsByOrigin: (domain, query = {}) => rowsByOrigin(db, domain, query).map(toItem),

    registerKinds: (more) => kinds.add(more),

    benches: () => activeBenches(db, clock.now()).map(({ accountId, pause }) => benchView(accountId, pause)),

    unbench(accountId) {
      const sender: OutboxSender = { kind: 'account', id: accountId };
      const bench = currentBench(accountId);
      if (!bench) throw new DeskError('conflict', 'This account is not benched.');
      const held = db.transaction(() => {
        clearPause(db, sender);
        return heldUntil(db, sender, bench.until);
      })();
      log.info({ accountId, since: bench.since }, 'the operator lifted a PEER_FLOOD bench');
      benchChanged(sender);
      release(sender, held);
      return bench;
    },

    onBenchChange(listener) {
      benchListeners.add(listener);
      return () => benchListeners.delete(listener);
    },

    dailyCaps: (accountId) => capViews(db, accountId, clock.now()),

    setDailyCap(accountId, action, cap) {
      const sender: OutboxSender = { kind: 'account', id: accountId };
      writeCap(db, accountId, action, cap);
      // Items held for today's cap go back in the queue; the lane holds them again if the new cap is reached too.
      release(sender, heldUntil(db, sender, dayWindow(clock.now()).end, action));
      return capViews(db, accountId, clock.now());
    },

    async start() {
      if (running) return;
      // What was in flight when the process died goes as its kind says: again (Telegram
      // deduplicates by random_id), again after checking whether it happened, or to the operator.
      const interrupted = interruptedRows(db);
      for (const row of interrupted) {
        const rule = kinds.find(row.sender_kind, row.kind)?.afterInterruption ?? 'uncertain';
        if (rule === 'uncertain') commit(row.id, ['sending'], { state: 'uncertain', reason: INTERRUPTED });
        else commit(row.id, ['sending'], { state: 'queued' });
      }
      if (interrupted.length > 0) log.info({ interrupted: interrupted.length }, 'outbox resumed sends interrupted by a stop or crash');
      running = true;
      // What the last run held for an offline sender is looked at now, not at that run's recheck.
      for (const sender of sendersWithWork(db)) lane(sender).resume();
    },

    async stop() {
      running = false;
      const stopping = [...lanes.values()];
      lanes.clear();
      await Promise.all(stopping.map((l) => l.stop()));
    },
  };
}

/** Work for a removed account or bot fails at once; its lane would never run again. */
function removedSenderReason(db: Database, sender: OutboxSender): string | null {
  const removed = findRemovedSender(db, sender);
  return removed && removedReason(removed);
}

/** The item's kind and its payload as the kind's schema reads it; anything else is refused before a row exists. */
function checkedInput(kinds: KindRegistry, input: EnqueueInput): { kind: AnyActionKind; payload: unknown } {
  const name = input.kind ?? (input.payload as { kind?: unknown } | null)?.kind;
  if (typeof name !== 'string') throw new DeskError('invalid_input', 'An outbox item must name its kind of action.');
  const kind = kinds.need(input.sender.kind, name);
  if (input.origin && (!input.origin.domain || typeof input.origin.ref !== 'string')) {
    throw new DeskError('invalid_input', 'An outbox item’s origin needs a domain and a reference.');
  }
  const parsed = kind.payload.safeParse(input.payload);
  if (!parsed.success) throw new DeskError('invalid_input', `This "${name}" action is not valid: ${z.prettifyError(parsed.error)}`);
  return { kind, payload: parsed.data };
}

/** What a missing item answers; an item of a conversation an operator may not see answers the same. */
export const outboxItemNotFound = (id: number) => new DeskError('not_found', `There is no outgoing message ${id}.`);

function notFound(id: number): never {
  throw outboxItemNotFound(id);
}
