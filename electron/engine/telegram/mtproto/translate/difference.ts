import { Api } from 'telegram';
import type { InboundReadMark } from '../../inbound/types';
import { translateEntities, type TelegramEntity } from './entities';
import { toNumber } from './ids';
import { membersOfMessages } from './members';
import type { TranslateContext } from './messages';
import { channelBehind, mergeChanges, messagesOf, translateUpdate, withEntities, type ChannelBehind, type StepChanges, type UpdateStep } from './updates';

/** Where the account stands in its update sequence (Telegram's updates.State). */
export interface UpdateCursor {
  pts: number;
  qts: number;
  date: number;
  seq: number;
}

export type DifferencePage =
  | { kind: 'empty'; date: number; seq: number }
  /** `final` false: a slice, ask again from `cursor`. */
  | ({ kind: 'page'; final: boolean; entities: TelegramEntity[]; cursor: UpdateCursor; channelsBehind: ChannelBehind[] } & StepChanges)
  /** Too much was missed to list: Telegram gives only the pts to continue from. */
  | { kind: 'too_long'; pts: number };

export function cursorOf(state: Api.updates.State): UpdateCursor {
  return { pts: state.pts, qts: state.qts, date: state.date, seq: state.seq };
}

/** A difference lists its events without order to keep: each one's changes apply as a whole page. */
function changesOf(newMessages: Api.TypeMessage[], otherUpdates: Api.TypeUpdate[], ctx: TranslateContext, date: number): StepChanges {
  const others = otherUpdates.map((u) => translateUpdate(u, ctx, date)).filter((step): step is UpdateStep => step !== null);
  const merged = mergeChanges(others);
  return { ...merged, messages: [...messagesOf(newMessages, ctx), ...merged.messages], members: [...membersOfMessages(newMessages, ctx), ...merged.members] };
}

export function translateDifference(difference: Api.updates.TypeDifference, outer: TranslateContext): DifferencePage {
  if (difference instanceof Api.updates.DifferenceEmpty) return { kind: 'empty', date: difference.date, seq: difference.seq };
  if (difference instanceof Api.updates.DifferenceTooLong) return { kind: 'too_long', pts: difference.pts };
  const entities = translateEntities(difference.users, difference.chats);
  const ctx = withEntities(outer, entities);
  const final = difference instanceof Api.updates.Difference;
  const state = final ? difference.state : difference.intermediateState;
  const channelsBehind = difference.otherUpdates.map(channelBehind).filter((c): c is ChannelBehind => c !== null);
  return { kind: 'page', final, ...changesOf(difference.newMessages, difference.otherUpdates, ctx, state.date), entities, cursor: cursorOf(state), channelsBehind };
}

export type ChannelDifferencePage =
  | { kind: 'empty'; pts: number }
  /** `final` false: ask again from `pts`. */
  | ({ kind: 'page'; final: boolean; pts: number; entities: TelegramEntity[] } & StepChanges)
  /**
   * Too much was missed in the channel: Telegram sends its newest messages and its dialog
   * (read marks, unread count, and the pts to go on from; null if it named none).
   */
  | ({ kind: 'too_long'; pts: number | null; entities: TelegramEntity[] } & StepChanges);

export function translateChannelDifference(difference: Api.updates.TypeChannelDifference, outer: TranslateContext): ChannelDifferencePage {
  if (difference instanceof Api.updates.ChannelDifferenceEmpty) return { kind: 'empty', pts: difference.pts };
  const entities = translateEntities(difference.users, difference.chats);
  const ctx = withEntities(outer, entities);
  if (difference instanceof Api.updates.ChannelDifferenceTooLong) {
    const messages = messagesOf(difference.messages, ctx);
    return { kind: 'too_long', pts: dialogPts(difference.dialog), entities, messages, edits: [], deletions: [], reads: dialogReads(difference.dialog), members: [] };
  }
  // A channel difference names no date; its participant events carry their own.
  return { kind: 'page', final: difference.final === true, pts: difference.pts, entities, ...changesOf(difference.newMessages, difference.otherUpdates, ctx, 0) };
}

function dialogPts(dialog: Api.TypeDialog): number | null {
  return dialog instanceof Api.Dialog ? (dialog.pts ?? null) : null;
}

/** A dialog's read marks: how far the account read it (and what is left), and how far the others read ours. */
function dialogReads(dialog: Api.TypeDialog): InboundReadMark[] {
  if (!(dialog instanceof Api.Dialog) || !(dialog.peer instanceof Api.PeerChannel)) return [];
  const chatKey = `channel:${toNumber(dialog.peer.channelId)}`;
  return [
    { chatKey, side: 'inbox', maxId: dialog.readInboxMaxId, stillUnread: dialog.unreadCount },
    { chatKey, side: 'outbox', maxId: dialog.readOutboxMaxId, stillUnread: null },
  ];
}
