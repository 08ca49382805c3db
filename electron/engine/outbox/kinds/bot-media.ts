import type { ActionKind } from '../action-kind';
import { sendByBot } from '../bot-send';
import { fileTooLarge, mediaPayload } from './message-payloads';

/** A bot's photo, video, voice or file; uncertain after a crash, like its text. */
export const botMedia: ActionKind<typeof mediaPayload._output> = {
  name: 'media',
  sender: 'bot',
  capAction: 'reply',
  payload: mediaPayload,
  chatKey: (p) => p.chatKey,
  refuse: (p, limits) => fileTooLarge(p, limits.uploadBytes, 'bot'),
  perform: (ctx, p) => sendByBot(ctx.bot!, p, ctx.signal),
  afterInterruption: 'uncertain',
};
