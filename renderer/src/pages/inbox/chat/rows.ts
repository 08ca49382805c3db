import type { ChatMessage } from '../../../../../shared/domain/inbox';
import { dayKey } from '../format';

/**
 * A message opens a new day when the one before it is from another calendar day. The
 * separator is part of the message's row, so every virtual row is a message and an older
 * page arriving above keeps the message on screen as the anchor.
 */
export function startsDay(messages: readonly ChatMessage[], index: number): boolean {
  const previous = messages[index - 1];
  return !previous || dayKey(previous.date) !== dayKey(messages[index]!.date);
}

export function estimateRow(messages: readonly ChatMessage[], index: number): number {
  const message = messages[index]!;
  const day = startsDay(messages, index) ? 36 : 0;
  const media = message.media;
  if (media?.kind === 'photo' || media?.kind === 'video') return day + 260;
  return day + 56 + Math.ceil(message.text.length / 60) * 20;
}
