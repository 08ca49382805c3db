import type bigInt from 'big-integer';
import { Api } from 'telegram';
import type { InboundDeletion, InboundReadMark, MemberChange } from '../../inbound/types';
import { translateEntities, type TelegramEntity } from './entities';
import { toNumber } from './ids';
import { channelParticipantChange, chatParticipantChange, membersOfMessages } from './members';
import { chatKeyOf, expandShortMessage, translateMessage, type TranslateContext, type TranslatedMessage } from './messages';

/**
 * One event of the account's update sequences. Events of the account's own box and of each
 * channel's box carry the pts of their box: they must be applied in order with none missing.
 * Participant changes carry the account's secondary sequence (`qts`), one step each, also in
 * order. A few events belong to no sequence (`none`: channel read marks, a basic group's
 * participant list) and apply as they come.
 */
export type UpdateStep = StepChanges &
  (
    | { box: 'common'; pts: number; ptsCount: number }
    | { box: 'channel'; channelId: number; pts: number; ptsCount: number }
    | { box: 'qts'; qts: number }
    | { box: 'none' }
  );

/** New messages, edited ones (in full), deleted ids, read marks and joins or leaves carried by one event. */
export interface StepChanges {
  messages: TranslatedMessage[];
  edits: TranslatedMessage[];
  deletions: InboundDeletion[];
  reads: InboundReadMark[];
  members: MemberChange[];
}

/**
 * Telegram says a channel has more news than it pushes (updateChannelTooLong): fetch its
 * difference. `pts`: where to start when the desk does not follow that channel yet.
 */
export interface ChannelBehind {
  channelId: number;
  pts: number | null;
}

const NONE: StepChanges = { messages: [], edits: [], deletions: [], reads: [], members: [] };

export interface UpdateBatch {
  steps: UpdateStep[];
  entities: TelegramEntity[];
  channelsBehind: ChannelBehind[];
  /** Telegram said too much happened, or a message names someone unknown: ask getDifference. */
  needsDifference: boolean;
}

const NEEDS_DIFFERENCE: UpdateBatch = { steps: [], entities: [], channelsBehind: [], needsDifference: true };

/** Channel-box updates the desk has no use for; they still carry the channel's pts, not the account's. */
const IGNORED_CHANNEL_BOX = [Api.UpdateChannelWebPage, Api.UpdatePinnedChannelMessages];

export function translateUpdates(updates: Api.TypeUpdates, outer: TranslateContext): UpdateBatch {
  if (updates instanceof Api.UpdatesTooLong) return NEEDS_DIFFERENCE;
  if (updates instanceof Api.UpdateShortMessage || updates instanceof Api.UpdateShortChatMessage) {
    const message = expandShortMessage(updates, outer);
    if (!message) return NEEDS_DIFFERENCE;
    return { steps: [{ box: 'common', pts: updates.pts, ptsCount: updates.ptsCount, ...NONE, messages: messagesOf([message], outer) }], entities: [], channelsBehind: [], needsDifference: false };
  }
  if (updates instanceof Api.UpdateShortSentMessage) {
    // Our own send, already known to the sender: only the pts moves.
    return { steps: [{ box: 'common', pts: updates.pts, ptsCount: updates.ptsCount, ...NONE }], entities: [], channelsBehind: [], needsDifference: false };
  }
  if (updates instanceof Api.UpdateShort) return translateUpdates(new Api.Updates({ updates: [updates.update], users: [], chats: [], date: updates.date, seq: 0 }), outer);

  const entities = translateEntities(updates.users, updates.chats);
  const ctx = withEntities(outer, entities);
  const steps: UpdateStep[] = [];
  const channelsBehind: ChannelBehind[] = [];
  for (const update of updates.updates) {
    const behind = channelBehind(update);
    if (behind) channelsBehind.push(behind);
    const step = translateUpdate(update, ctx, updates.date);
    if (step) steps.push(step);
  }
  return { steps, entities, channelsBehind, needsDifference: false };
}

export function channelBehind(update: Api.TypeUpdate): ChannelBehind | null {
  return update instanceof Api.UpdateChannelTooLong ? { channelId: toNumber(update.channelId), pts: update.pts ?? null } : null;
}

/** `date`: when the container was sent (epoch seconds), for events that carry no date of their own. */
export function translateUpdate(update: Api.TypeUpdate, ctx: TranslateContext, date: number): UpdateStep | null {
  const channelStep = (channelId: bigInt.BigInteger, changes: Partial<StepChanges>, pts: number, ptsCount: number): UpdateStep => ({
    box: 'channel',
    channelId: toNumber(channelId),
    pts,
    ptsCount,
    ...NONE,
    ...changes,
  });
  if (update instanceof Api.UpdateNewChannelMessage || update instanceof Api.UpdateEditChannelMessage) {
    const peer = update.message.peerId;
    // An empty message may name no chat; the pts it skips shows as a gap and is fetched.
    if (!(peer instanceof Api.PeerChannel)) return null;
    const messages = messagesOf([update.message], ctx);
    const changes = update instanceof Api.UpdateNewChannelMessage ? { messages, members: membersOfMessages([update.message], ctx) } : { edits: messages };
    return channelStep(peer.channelId, changes, update.pts, update.ptsCount);
  }
  if (update instanceof Api.UpdateDeleteChannelMessages) {
    return channelStep(update.channelId, { deletions: [{ chatKey: `channel:${toNumber(update.channelId)}`, telegramMessageIds: update.messages }] }, update.pts, update.ptsCount);
  }
  if (update instanceof Api.UpdateReadChannelInbox) {
    return { box: 'none', ...NONE, reads: [{ chatKey: `channel:${toNumber(update.channelId)}`, side: 'inbox', maxId: update.maxId, stillUnread: update.stillUnreadCount }] };
  }
  if (update instanceof Api.UpdateReadChannelOutbox) {
    return { box: 'none', ...NONE, reads: [{ chatKey: `channel:${toNumber(update.channelId)}`, side: 'outbox', maxId: update.maxId, stillUnread: null }] };
  }
  if (update instanceof Api.UpdateChannelParticipant) return { box: 'qts', qts: update.qts, ...NONE, members: [channelParticipantChange(update, ctx)] };
  if (update instanceof Api.UpdateChatParticipantAdd || update instanceof Api.UpdateChatParticipantDelete) {
    return { box: 'none', ...NONE, members: [chatParticipantChange(update, ctx, date)] };
  }
  if (IGNORED_CHANNEL_BOX.some((type) => update instanceof type)) return null;
  const { pts, ptsCount } = update as { pts?: unknown; ptsCount?: unknown };
  if (typeof pts !== 'number' || typeof ptsCount !== 'number') return null;
  // Every common-box event moves pts, even those that store nothing.
  return { box: 'common', pts, ptsCount, ...commonChanges(update, ctx) };
}

/** What an account-box event changes; the account box numbers messages per account, so a deletion names no chat. */
function commonChanges(update: Api.TypeUpdate, ctx: TranslateContext): StepChanges {
  if (update instanceof Api.UpdateNewMessage) return { ...NONE, messages: messagesOf([update.message], ctx), members: membersOfMessages([update.message], ctx) };
  if (update instanceof Api.UpdateEditMessage) return { ...NONE, edits: messagesOf([update.message], ctx) };
  if (update instanceof Api.UpdateDeleteMessages) return { ...NONE, deletions: [{ chatKey: null, telegramMessageIds: update.messages }] };
  if (update instanceof Api.UpdateReadHistoryInbox) {
    return { ...NONE, reads: [{ chatKey: chatKeyOf(update.peer), side: 'inbox', maxId: update.maxId, stillUnread: update.stillUnreadCount }] };
  }
  if (update instanceof Api.UpdateReadHistoryOutbox) return { ...NONE, reads: [{ chatKey: chatKeyOf(update.peer), side: 'outbox', maxId: update.maxId, stillUnread: null }] };
  return NONE;
}

/** The changes of several events at once (a difference page applies them together). */
export function mergeChanges(steps: readonly StepChanges[]): StepChanges {
  return {
    messages: steps.flatMap((s) => s.messages),
    edits: steps.flatMap((s) => s.edits),
    deletions: steps.flatMap((s) => s.deletions),
    reads: steps.flatMap((s) => s.reads),
    members: steps.flatMap((s) => s.members),
  };
}

export function messagesOf(messages: readonly Api.TypeMessage[], ctx: TranslateContext): TranslatedMessage[] {
  return messages.map((m) => translateMessage(m, ctx)).filter((m): m is TranslatedMessage => m !== null);
}

/** Entities that came with an answer win over stored ones (they are newer). */
export function withEntities(outer: TranslateContext, entities: readonly TelegramEntity[]): TranslateContext {
  const own = new Map(entities.map((e) => [`${e.peerType}:${e.peerId}`, e]));
  return { selfId: outer.selfId, entity: (peerType, peerId) => own.get(`${peerType}:${peerId}`) ?? outer.entity(peerType, peerId) };
}
