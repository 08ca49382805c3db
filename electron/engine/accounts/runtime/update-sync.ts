import type { Database } from 'better-sqlite3';
import { Api } from 'telegram';
import type { Logger } from '../../logging/logger';
import type { EventBus } from '../../contract/event-bus';
import { announceIngest } from '../../inbox/ingest/announce';
import { noChanges, type MessageChanges } from '../../inbox/ingest/incoming';
import { storeIncoming } from '../../inbox/ingest/store-incoming';
import type { Clock } from '../../platform/clock';
import type { MtprotoTransport } from '../../telegram/mtproto/transport';
import { cursorOf, translateDifference, type UpdateCursor } from '../../telegram/mtproto/translate/difference';
import type { TelegramEntity } from '../../telegram/mtproto/translate/entities';
import type { TranslateContext, TranslatedMessage } from '../../telegram/mtproto/translate/messages';
import { translateUpdates } from '../../telegram/mtproto/translate/updates';
import { loadCursor, saveCursor } from '../store/cursor-repo';
import { findAccountEntity, upsertAccountEntities } from '../store/entity-repo';

export interface SyncDeps {
  db: Database;
  clock: Clock;
  events: EventBus;
  logger: Logger;
  accountId: number;
  selfId: number;
}

/**
 * Keeps one account's stored messages in step with Telegram's update sequence (pts).
 * Updates are applied only in order; a jump means something was missed, and getDifference
 * fetches it. Messages, entities and the new pts commit together, so a crash or a dropped
 * connection at any point leaves a cursor that getDifference resumes from exactly, and the
 * unique message key makes a message seen twice (live, then in a difference) stored once.
 */
export class UpdateSync {
  private cursor: UpdateCursor | null = null;
  /** Set when the connection this sync belongs to is gone: nothing more is written. */
  private closed = false;
  private readonly ctx: TranslateContext;

  constructor(
    private readonly deps: SyncDeps,
    private readonly transport: MtprotoTransport,
  ) {
    this.ctx = { selfId: deps.selfId, entity: (type, id) => findAccountEntity(deps.db, deps.accountId, type, id) };
  }

  get pts(): number {
    return this.cursor?.pts ?? 0;
  }

  close(): void {
    this.closed = true;
  }

  /** First connection: start from Telegram's current state. Later ones: fetch what was missed. */
  async start(): Promise<void> {
    const stored = loadCursor(this.deps.db, this.deps.accountId);
    const state = cursorOf(await this.transport.invoke(new Api.updates.GetState()));
    // A server behind our cursor has restarted its sequence (a rebuilt sandbox world does):
    // waiting for it to pass our pts would drop everything until then.
    if (!stored || state.pts < stored.pts) {
      if (stored) this.deps.logger.warn({ scope: 'accounts', accountId: this.deps.accountId }, 'update sequence restarted on the server; following it');
      this.cursor = stored;
      return this.store(noChanges(), [], state);
    }
    this.cursor = stored;
    return this.catchUp();
  }

  async apply(updates: Api.TypeUpdates): Promise<void> {
    const cursor = this.cursor;
    if (!cursor || this.closed) return;
    const batch = translateUpdates(updates, this.ctx);
    if (batch.needsDifference) return this.catchUp();
    let pts = cursor.pts;
    let gap = false;
    const changes = noChanges<TranslatedMessage>();
    const take = (step: MessageChanges<TranslatedMessage>) => {
      changes.messages.push(...step.messages);
      changes.edits.push(...step.edits);
      changes.deletions.push(...step.deletions);
    };
    for (const step of batch.steps) {
      if (step.box === 'channel') {
        take(step);
        continue;
      }
      if (step.pts <= pts) continue; // Already applied (seen live and then in a difference).
      if (step.pts - step.ptsCount > pts) {
        gap = true;
        break;
      }
      pts = step.pts;
      take(step);
    }
    this.store(changes, batch.entities, { ...cursor, pts });
    if (gap) await this.catchUp();
  }

  /** updates.getDifference until Telegram says nothing more is missing. */
  async catchUp(): Promise<void> {
    while (this.cursor && !this.closed) {
      const { pts, qts, date } = this.cursor;
      const page = translateDifference(await this.transport.invoke(new Api.updates.GetDifference({ pts, qts, date })), this.ctx);
      if (page.kind === 'empty') return this.store(noChanges(), [], { ...this.cursor, date: page.date, seq: page.seq });
      if (page.kind === 'too_long') {
        this.deps.logger.warn({ scope: 'accounts', accountId: this.deps.accountId }, 'Telegram could not list everything missed; continuing from its pts');
        this.store(noChanges(), [], { ...this.cursor, pts: page.pts });
        continue;
      }
      this.store(page, page.entities, page.cursor);
      if (page.final) return;
    }
  }

  private store(changes: MessageChanges<TranslatedMessage>, entities: TelegramEntity[], cursor: UpdateCursor): void {
    const empty = changes.messages.length === 0 && changes.edits.length === 0 && changes.deletions.length === 0;
    if (this.closed || (empty && entities.length === 0 && sameCursor(cursor, this.cursor))) return;
    const { db, accountId, clock } = this.deps;
    const source = { kind: 'account' as const, id: accountId };
    const withSource = (list: TranslatedMessage[]) => list.map((m) => ({ ...m, source }));
    const stored = db.transaction(() => {
      const now = clock.now();
      upsertAccountEntities(db, accountId, entities, now);
      // Messages land in their inbox conversations in the same commit as the cursor.
      const result = storeIncoming(db, source, { messages: withSource(changes.messages), edits: withSource(changes.edits), deletions: changes.deletions }, now);
      saveCursor(db, accountId, cursor);
      return result;
    })();
    this.cursor = cursor;
    if (stored.messages.length > 0) this.deps.events.emit({ type: 'messages.received', payload: { messages: stored.messages } });
    announceIngest(this.deps.events, db, stored);
  }
}

function sameCursor(a: UpdateCursor, b: UpdateCursor | null): boolean {
  return b !== null && a.pts === b.pts && a.qts === b.qts && a.date === b.date && a.seq === b.seq;
}
