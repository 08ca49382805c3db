import type { ActionKind } from '../action-kind';
import { sendByAccount } from '../mtproto-send';
import { textPayload } from './message-payloads';

/** An account's text message. Exactly once: the stored random_id makes Telegram answer a resend with the first message. */
export const accountText: ActionKind<typeof textPayload._output> = {
  name: 'text',
  sender: 'account',
  capAction: 'reply',
  payload: textPayload,
  chatKey: (p) => p.chatKey,
  perform: (ctx, p) => sendByAccount(ctx.transport!, ctx.inputPeer(p.chatKey), p, ctx.randomId!),
  afterInterruption: 'resend',
};
