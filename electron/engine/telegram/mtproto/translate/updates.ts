import { Api } from 'telegram';
import type { IncomingDeletion } from '../../../inbox/ingest/incoming';
import { translateEntities, type TelegramEntity } from './entities';
import { toNumber } from './ids';
import { expandShortMessage, translateMessage, type TranslateContext, type TranslatedMessage } from './messages';

/**
 * One event of the account's update sequence. Events of the account's own box carry pts:
 * they must be applied in order with none missing. Channel events have a pts of their own
 * channel, which this issue does not track; their messages are stored as they come.
 */
export type UpdateStep = StepChanges & ({ box: 'common'; pts: number; ptsCount: number } | { box: 'channel' });

/** New messages, edited ones (in full) and deleted ids carried by one event. */
export interface StepChanges {
  messages: TranslatedMessage[];
  edits: TranslatedMessage[];
  deletions: IncomingDeletion[];
}

const NONE: StepChanges = { messages: [], edits: [], deletions: [] };

export interface UpdateBatch {
  steps: UpdateStep[];
  entities: TelegramEntity[];
  /** Telegram said too much happened, or a message names someone unknown: ask getDifference. */
  needsDifference: boolean;
}

/** Channel-box updates carry the channel's pts, not the account's. */
const CHANNEL_BOX = [Api.UpdateNewChannelMessage, Api.UpdateEditChannelMessage, Api.UpdateDeleteChannelMessages, Api.UpdateChannelWebPage, Api.UpdatePinnedChannelMessages];

export function translateUpdates(updates: Api.TypeUpdates, outer: TranslateContext): UpdateBatch {
  if (updates instanceof Api.UpdatesTooLong) return { steps: [], entities: [], needsDifference: true };
  if (updates instanceof Api.UpdateShortMessage || updates instanceof Api.UpdateShortChatMessage) {
    const message = expandShortMessage(updates, outer);
    if (!message) return { steps: [], entities: [], needsDifference: true };
    return { steps: [commonStep(updates.pts, updates.ptsCount, [message], outer)], entities: [], needsDifference: false };
  }
  if (updates instanceof Api.UpdateShortSentMessage) {
    // Our own send, already known to the sender: only the pts moves.
    return { steps: [{ box: 'common', pts: updates.pts, ptsCount: updates.ptsCount, ...NONE }], entities: [], needsDifference: false };
  }
  if (updates instanceof Api.UpdateShort) return translateUpdates(new Api.Updates({ updates: [updates.update], users: [], chats: [], date: updates.date, seq: 0 }), outer);

  const entities = translateEntities(updates.users, updates.chats);
  const ctx = withEntities(outer, entities);
  const steps: UpdateStep[] = [];
  for (const update of updates.updates) {
    const step = translateUpdate(update, ctx);
    if (step) steps.push(step);
  }
  return { steps, entities, needsDifference: false };
}

function translateUpdate(update: Api.TypeUpdate, ctx: TranslateContext): UpdateStep | null {
  if (update instanceof Api.UpdateNewChannelMessage) return { box: 'channel', ...NONE, messages: messagesOf([update.message], ctx) };
  if (update instanceof Api.UpdateEditChannelMessage) return { box: 'channel', ...NONE, edits: messagesOf([update.message], ctx) };
  if (update instanceof Api.UpdateDeleteChannelMessages) {
    return { box: 'channel', ...NONE, deletions: [{ chatKey: `channel:${toNumber(update.channelId)}`, telegramMessageIds: update.messages }] };
  }
  if (CHANNEL_BOX.some((type) => update instanceof type)) return null;
  const { pts, ptsCount } = update as { pts?: unknown; ptsCount?: unknown };
  if (typeof pts !== 'number' || typeof ptsCount !== 'number') return null;
  // Every common-box event moves pts, even those that store nothing (reads).
  return { box: 'common', pts, ptsCount, ...commonChanges(update, ctx) };
}

/** What an account-box event changes; the account box numbers messages per account, so a deletion names no chat. */
export function commonChanges(update: Api.TypeUpdate, ctx: TranslateContext): StepChanges {
  if (update instanceof Api.UpdateNewMessage) return { ...NONE, messages: messagesOf([update.message], ctx) };
  if (update instanceof Api.UpdateEditMessage) return { ...NONE, edits: messagesOf([update.message], ctx) };
  if (update instanceof Api.UpdateDeleteMessages) return { ...NONE, deletions: [{ chatKey: null, telegramMessageIds: update.messages }] };
  if (update instanceof Api.UpdateNewChannelMessage || update instanceof Api.UpdateEditChannelMessage || update instanceof Api.UpdateDeleteChannelMessages) {
    return translateUpdate(update, ctx) ?? NONE;
  }
  return NONE;
}

function commonStep(pts: number, ptsCount: number, messages: Api.TypeMessage[], ctx: TranslateContext): UpdateStep {
  return { box: 'common', pts, ptsCount, ...NONE, messages: messagesOf(messages, ctx) };
}

export function messagesOf(messages: readonly Api.TypeMessage[], ctx: TranslateContext): TranslatedMessage[] {
  return messages.map((m) => translateMessage(m, ctx)).filter((m): m is TranslatedMessage => m !== null);
}

/** Entities that came with an answer win over stored ones (they are newer). */
export function withEntities(outer: TranslateContext, entities: readonly TelegramEntity[]): TranslateContext {
  const own = new Map(entities.map((e) => [`${e.peerType}:${e.peerId}`, e]));
  return { selfId: outer.selfId, entity: (peerType, peerId) => own.get(`${peerType}:${peerId}`) ?? outer.entity(peerType, peerId) };
}
