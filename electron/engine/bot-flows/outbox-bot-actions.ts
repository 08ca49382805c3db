import type { Outbox } from '../outbox/outbox-port';
import type { BotActions } from './bot-actions';

/**
 * Flows' replies as outbox rows of the bot kinds, written in the caller's transaction (the one
 * that commits the update's offset). They go before bulk work: a person is waiting for them.
 */
export function outboxBotActions(outbox: Pick<Outbox, 'enqueue'>): BotActions {
  return {
    message({ botId, chatKey, text, keyboard, origin }) {
      outbox.enqueue(
        keyboard
          ? { sender: { kind: 'bot', id: botId }, kind: 'bot.message', payload: { chatKey, text, keyboard }, origin, priority: 'operator' }
          : { sender: { kind: 'bot', id: botId }, payload: { kind: 'text', chatKey, text }, origin, priority: 'operator' },
      );
    },
    edit({ botId, chatKey, telegramMessageId, text, keyboard, origin }) {
      const payload = { chatKey, messageId: telegramMessageId, text, ...(keyboard ? { keyboard } : {}) };
      outbox.enqueue({ sender: { kind: 'bot', id: botId }, kind: 'bot.edit', payload, origin, priority: 'operator' });
    },
    answerCallback({ botId, callbackQueryId, text, alert, origin }) {
      const payload = { callbackQueryId, showAlert: alert, ...(text === null ? {} : { text }) };
      outbox.enqueue({ sender: { kind: 'bot', id: botId }, kind: 'bot.answerCallback', payload, origin, priority: 'operator' });
    },
  };
}
