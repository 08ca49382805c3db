import type { ActionKind } from '../action-kind';
import { sendByBot } from '../bot-send';
import { textPayload } from './message-payloads';

/** A bot's text message. The Bot API has no idempotency key, so one in flight at a crash is uncertain. */
export const botText: ActionKind<typeof textPayload._output> = {
  name: 'text',
  sender: 'bot',
  capAction: 'reply',
  payload: textPayload,
  chatKey: (p) => p.chatKey,
  perform: (ctx, p) => sendByBot(ctx.bot!, p, ctx.signal),
  afterInterruption: 'uncertain',
};
