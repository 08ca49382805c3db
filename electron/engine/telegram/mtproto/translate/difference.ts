import { Api } from 'telegram';
import { translateEntities, type TelegramEntity } from './entities';
import type { TranslateContext } from './messages';
import { commonChanges, messagesOf, withEntities, type StepChanges } from './updates';

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
  | ({ kind: 'page'; final: boolean; entities: TelegramEntity[]; cursor: UpdateCursor } & StepChanges)
  /** Too much was missed to list: Telegram gives only the pts to continue from. */
  | { kind: 'too_long'; pts: number };

export function cursorOf(state: Api.updates.State): UpdateCursor {
  return { pts: state.pts, qts: state.qts, date: state.date, seq: state.seq };
}

export function translateDifference(difference: Api.updates.TypeDifference, outer: TranslateContext): DifferencePage {
  if (difference instanceof Api.updates.DifferenceEmpty) return { kind: 'empty', date: difference.date, seq: difference.seq };
  if (difference instanceof Api.updates.DifferenceTooLong) return { kind: 'too_long', pts: difference.pts };
  const entities = translateEntities(difference.users, difference.chats);
  const ctx = withEntities(outer, entities);
  const others = difference.otherUpdates.map((u) => commonChanges(u, ctx));
  const messages = [...messagesOf(difference.newMessages, ctx), ...others.flatMap((c) => c.messages)];
  const final = difference instanceof Api.updates.Difference;
  const state = final ? difference.state : difference.intermediateState;
  return { kind: 'page', final, messages, edits: others.flatMap((c) => c.edits), deletions: others.flatMap((c) => c.deletions), entities, cursor: cursorOf(state) };
}
