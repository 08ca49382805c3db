import type { Database } from 'better-sqlite3';
import { Api } from 'telegram';
import { runConsumers, type AfterCommit, type InboundPipeline } from '../../inbound/run-consumers';
import type { Logger } from '../../logging/logger';
import type { Clock } from '../../platform/clock';
import type { MtprotoTransport } from '../../telegram/mtproto/transport';
import { cursorOf, translateChannelDifference, translateDifference, type UpdateCursor } from '../../telegram/mtproto/translate/difference';
import type { TelegramEntity } from '../../telegram/mtproto/translate/entities';
import type { TranslateContext, TranslatedMessage } from '../../telegram/mtproto/translate/messages';
import { mergeChanges, translateUpdates, type ChannelBehind, type StepChanges } from '../../telegram/mtproto/translate/updates';
import { forgetChannel, loadChannelPts, saveChannelPts } from '../store/channel-cursor-repo';
import { loadCursor, saveCursor } from '../store/cursor-repo';
import { findAccountEntity, upsertAccountEntities } from '../../telegram/entities/account-entities';
import { channelIsGone, inputChannel } from './channel-input';

export interface SyncDeps {
  db: Database;
  clock: Clock;
  /** The consumers (the inbox among them) that take each step's changes in the transaction that moves the positions. */
  pipeline: InboundPipeline;
  logger: Logger;
  accountId: number;
  selfId: number;
}

/** Events asked for per getChannelDifference call (Telegram suggests 10-100 for user accounts). */
const CHANNEL_PAGE = 100;

const NO_CHANGES: StepChanges = { messages: [], edits: [], deletions: [], reads: [], members: [] };

/** Where a commit moves the sequences: the account's own, and any channels'. */
interface Positions {
  cursor?: UpdateCursor;
  channels?: ReadonlyMap<number, number>;
}

/**
 * Keeps one account's stored messages in step with Telegram's update sequences: the account's
 * own (pts) and one per channel or supergroup it is in. Updates are applied only in order; a
 * jump means something was missed, and getDifference (getChannelDifference for a channel)
 * fetches it. What the consumers make of the changes, entities and the new positions commit together, so a
 * crash or a dropped connection at any point leaves positions that the next catch-up resumes
 * from exactly, and the unique message key makes a message seen twice stored once.
 */
export class UpdateSync {
  private cursor: UpdateCursor | null = null;
  /** Channel id → the channel's pts the desk has applied up to. */
  private channels = new Map<number, number>();
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

  /** First connection: start from Telegram's current state. Later ones: fetch what was missed, in every channel too. */
  async start(): Promise<void> {
    const stored = loadCursor(this.deps.db, this.deps.accountId);
    this.channels = loadChannelPts(this.deps.db, this.deps.accountId);
    const state = cursorOf(await this.transport.invoke(new Api.updates.GetState()));
    this.cursor = stored;
    let behind: ChannelBehind[] = [];
    // A server behind our cursor has restarted its sequence (a rebuilt sandbox world does):
    // waiting for it to pass our pts would drop everything until then.
    if (!stored || state.pts < stored.pts) {
      if (stored) this.deps.logger.warn({ scope: 'accounts', accountId: this.deps.accountId }, 'update sequence restarted on the server; following it');
      this.store(NO_CHANGES, [], { cursor: state });
    } else {
      behind = await this.catchUpCommon();
    }
    const followed = [...this.channels.keys()].map((channelId): ChannelBehind => ({ channelId, pts: null }));
    await this.catchUpChannels([...behind, ...followed]);
  }

  async apply(updates: Api.TypeUpdates): Promise<void> {
    const cursor = this.cursor;
    if (!cursor || this.closed) return;
    const batch = translateUpdates(updates, this.ctx);
    if (batch.needsDifference) return this.catchUp();
    let { pts, qts } = cursor;
    let gap = false;
    const channelPts = new Map<number, number>();
    const behind = new Map(batch.channelsBehind.map((c) => [c.channelId, c]));
    const taken: StepChanges[] = [];
    for (const step of batch.steps) {
      if (step.box === 'none') {
        taken.push(step);
      } else if (step.box === 'channel') {
        if (behind.has(step.channelId)) continue; // Its difference brings this too.
        const known = channelPts.get(step.channelId) ?? this.channels.get(step.channelId);
        if (known !== undefined && step.pts <= known) continue; // Already applied.
        if (known !== undefined && step.pts - step.ptsCount > known) {
          behind.set(step.channelId, { channelId: step.channelId, pts: null });
          continue;
        }
        // A channel not followed yet (just joined) is followed from its first event.
        channelPts.set(step.channelId, step.pts);
        taken.push(step);
      } else if (step.box === 'qts') {
        // The secondary sequence moves one by one; a jump is a gap getDifference fills (it takes qts too).
        if (gap || step.qts <= qts) continue;
        if (step.qts - 1 > qts) {
          gap = true;
          continue;
        }
        qts = step.qts;
        taken.push(step);
      } else {
        if (gap || step.pts <= pts) continue; // After a gap, or already applied (seen live and then in a difference).
        if (step.pts - step.ptsCount > pts) {
          gap = true;
          continue;
        }
        pts = step.pts;
        taken.push(step);
      }
    }
    this.store(mergeChanges(taken), batch.entities, { cursor: { ...cursor, pts, qts }, channels: channelPts });
    if (gap) return this.catchUp([...behind.values()]);
    await this.catchUpChannels([...behind.values()]);
  }

  /** Fetches what was missed in the account's sequence, then in the channels Telegram or the caller names. */
  async catchUp(channels: ChannelBehind[] = []): Promise<void> {
    const behind = await this.catchUpCommon();
    await this.catchUpChannels([...channels, ...behind]);
  }

  /** updates.getDifference until Telegram says nothing more is missing; returns the channels it says are behind. */
  private async catchUpCommon(): Promise<ChannelBehind[]> {
    const behind: ChannelBehind[] = [];
    while (this.cursor && !this.closed) {
      const { pts, qts, date } = this.cursor;
      const page = translateDifference(await this.transport.invoke(new Api.updates.GetDifference({ pts, qts, date })), this.ctx);
      if (page.kind === 'empty') {
        this.store(NO_CHANGES, [], { cursor: { ...this.cursor, date: page.date, seq: page.seq } });
        break;
      }
      if (page.kind === 'too_long') {
        this.deps.logger.warn({ scope: 'accounts', accountId: this.deps.accountId }, 'Telegram could not list everything missed; continuing from its pts');
        this.store(NO_CHANGES, [], { cursor: { ...this.cursor, pts: page.pts } });
        continue;
      }
      behind.push(...page.channelsBehind);
      this.store(page, page.entities, { cursor: page.cursor });
      if (page.final) break;
    }
    return behind;
  }

  private async catchUpChannels(channels: readonly ChannelBehind[]): Promise<void> {
    const once = new Map<number, number | null>();
    for (const { channelId, pts } of channels) once.set(channelId, once.get(channelId) ?? pts);
    for (const [channelId, pts] of once) await this.catchUpChannel(channelId, pts);
  }

  /**
   * updates.getChannelDifference from the channel's stored pts (or, for a channel not followed
   * yet, the one Telegram named) until Telegram says it is the final page.
   */
  private async catchUpChannel(channelId: number, namedPts: number | null): Promise<void> {
    const { db, accountId, logger } = this.deps;
    const log = { scope: 'accounts', accountId, channelId };
    let pts = this.channels.get(channelId) ?? namedPts;
    const channel = inputChannel(db, accountId, channelId);
    if (pts === null || !channel) {
      logger.warn(log, 'Telegram named a channel to catch up that this desk cannot ask about yet; its missed messages come with its next update');
      return;
    }
    while (!this.closed) {
      let answer: Api.updates.TypeChannelDifference;
      try {
        answer = await this.transport.invoke(new Api.updates.GetChannelDifference({ channel, filter: new Api.ChannelMessagesFilterEmpty(), pts, limit: CHANNEL_PAGE }));
      } catch (error) {
        if (!channelIsGone(error)) throw error;
        logger.info(log, 'the account is no longer in this channel; no longer following it');
        if (!this.closed) forgetChannel(db, accountId, channelId);
        this.channels.delete(channelId);
        return;
      }
      const page = translateChannelDifference(answer, this.ctx);
      if (page.kind === 'empty') return this.store(NO_CHANGES, [], { channels: new Map([[channelId, page.pts]]) });
      if (page.kind === 'too_long') {
        logger.warn(log, 'Telegram could not list everything missed in a channel; taking its newest messages and continuing from its pts');
        return this.store(page, page.entities, { channels: page.pts === null ? new Map() : new Map([[channelId, page.pts]]) });
      }
      this.store(page, page.entities, { channels: new Map([[channelId, page.pts]]) });
      if (page.final) return;
      pts = page.pts;
    }
  }

  private store(changes: StepChanges, entities: TelegramEntity[], to: Positions): void {
    const channels = [...(to.channels ?? [])].filter(([id, pts]) => this.channels.get(id) !== pts);
    const cursorMoves = to.cursor !== undefined && !sameCursor(to.cursor, this.cursor);
    // A difference page is passed whole: take only its changes.
    const { messages, edits, deletions, reads, members } = changes;
    const empty = [messages, edits, deletions, reads, members].every((list) => list.length === 0);
    if (this.closed || (empty && entities.length === 0 && !cursorMoves && channels.length === 0)) return;
    const { db, accountId, clock, pipeline } = this.deps;
    const source = { kind: 'account' as const, id: accountId };
    const withSource = (list: TranslatedMessage[]) => list.map((m) => ({ ...m, source }));
    const afterCommit = db.transaction((): AfterCommit => {
      const now = clock.now();
      upsertAccountEntities(db, accountId, entities, now);
      const batch = { source, messages: withSource(messages), edits: withSource(edits), deletions, reads, members, botMemberships: [], callbacks: [] };
      const after = empty ? NOTHING : runConsumers(db, pipeline, batch, now);
      if (to.cursor) saveCursor(db, accountId, to.cursor);
      for (const [channelId, pts] of channels) saveChannelPts(db, accountId, channelId, pts);
      return after;
    })();
    if (to.cursor) this.cursor = to.cursor;
    for (const [channelId, pts] of channels) this.channels.set(channelId, pts);
    afterCommit();
  }
}

const NOTHING: AfterCommit = () => undefined;

function sameCursor(a: UpdateCursor, b: UpdateCursor | null): boolean {
  return b !== null && a.pts === b.pts && a.qts === b.qts && a.date === b.date && a.seq === b.seq;
}
