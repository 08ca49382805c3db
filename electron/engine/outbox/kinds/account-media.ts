import type { ActionKind } from '../action-kind';
import { sendByAccount } from '../mtproto-send';
import { fileTooLarge, mediaPayload } from './message-payloads';

/** An account's photo, video, voice or file. Exactly once: the stored random_id, as for text (each try uploads again). */
export const accountMedia: ActionKind<typeof mediaPayload._output> = {
  name: 'media',
  sender: 'account',
  capAction: 'reply',
  payload: mediaPayload,
  chatKey: (p) => p.chatKey,
  refuse: (p, limits) => fileTooLarge(p, limits.uploadBytes, 'account'),
  perform: (ctx, p) => sendByAccount(ctx.transport!, ctx.inputPeer(p.chatKey), p, ctx.randomId!),
  afterInterruption: 'resend',
};
