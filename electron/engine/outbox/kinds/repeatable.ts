import { classifyBotError, type Outcome } from '../failures';

/**
 * For Bot API kinds that are harmless to repeat (a read, a link nobody has seen yet, a callback
 * answer Telegram takes at most once): a try whose answer was lost is simply tried again, where a
 * message would become uncertain.
 */
export function classifyRepeatableBotError(error: unknown): Outcome {
  const outcome = classifyBotError(error);
  if (outcome.kind !== 'uncertain') return outcome;
  return { kind: 'transient', reason: 'The answer from Telegram was lost; asking again is harmless.' };
}
