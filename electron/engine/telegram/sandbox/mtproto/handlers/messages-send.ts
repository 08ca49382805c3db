import { Api } from 'telegram';
import type { Conversation, SandboxFile, SandboxMessage } from '../../world/types';
import { conversationKey } from '../../world/world';
import type { AccountService } from '../account-service';
import { fromLong, toLong } from '../long';
import type { Target } from '../peers';
import { userRoute } from '../route';
import { fail } from '../rpc-error';

interface Content {
  text?: string;
  media?: SandboxFile;
  caption?: string;
}

/** Telegram remembers a sender's random_id per peer: asking again gives the first message back. */
function sentBefore(account: AccountService, conversation: Conversation, randomId: bigint): SandboxMessage | undefined {
  const key = conversationKey(conversation);
  return account.world.allMessages().find((m) => m.senderId === account.me.id && m.randomId === randomId && conversationKey(m.conversation) === key && !m.deleted);
}

/** Someone the account has no tie to: not a contact and never wrote to it. */
function isStranger(account: AccountService, target: Target, conversation: Conversation): boolean {
  if (target.kind !== 'user' || target.user.id === account.me.id || target.user.isBot) return false;
  if (account.me.contacts.has(target.user.id)) return false;
  return !account.world.history(account.me.id, conversation).some((m) => m.senderId === target.user.id);
}

function send(account: AccountService, request: Api.messages.SendMessage | Api.messages.SendMedia, content: () => Content): Api.TypeUpdates {
  const { target, conversation } = account.peer(request.peer);
  const randomId = fromLong(request.randomId);
  const original = randomId === null ? undefined : sentBefore(account, conversation, randomId);
  if (original) return sendResult(account, original, randomId);
  if (isStranger(account, target, conversation)) account.server.antiSpam.stranger(account.me.id, 'message');
  const replyToMsgId = request.replyTo instanceof Api.InputReplyToMessage ? request.replyTo.replyToMsgId : null;
  const replyToUid = replyToMsgId === null ? null : (account.world.messageByViewId(account.me.id, conversation, replyToMsgId)?.uid ?? fail('REPLY_TO_INVALID'));
  const { text, media, caption } = content();
  const message = account.act(() => account.world.sendMessage({ senderId: account.me.id, conversation, text, media, caption, replyToUid, randomId }));
  return sendResult(account, message, randomId);
}

function sendResult(account: AccountService, message: SandboxMessage, randomId: bigint | null): Api.TypeUpdates {
  const entry = account.server.hub.newMessageEntry(account.me.id, message) ?? fail('INTERNAL');
  const id = account.world.viewId(message, account.me.id) ?? 0;
  // For a plain private text Telegram answers with the short form; the client already has the text.
  if (message.conversation.kind === 'private' && !message.media) {
    return new Api.UpdateShortSentMessage({ out: true, id, pts: entry.pts, ptsCount: entry.ptsCount, date: message.date });
  }
  const update = entry.update instanceof Api.UpdateNewChannelMessage ? new Api.UpdateNewChannelMessage({ message: account.view(message), pts: entry.pts, ptsCount: 1 }) : entry.update;
  return new Api.Updates({
    updates: [new Api.UpdateMessageID({ id, randomId: randomId === null ? undefined : toLong(randomId) }), update],
    ...account.entitiesOf([message]),
    date: account.world.now(),
    seq: 0,
  });
}

function uploadName(file: Api.TypeInputFile): string | null {
  return file instanceof Api.InputFile || file instanceof Api.InputFileBig ? file.name : null;
}

function uploadedMedia(account: AccountService, media: Api.TypeInputMedia): SandboxFile {
  const world = account.world;
  const files = account.server.files;
  if (media instanceof Api.InputMediaUploadedPhoto) {
    const bytes = files.assemble(account.session.uploads, media.file);
    return world.storeFile({ kind: 'photo', bytes, mimeType: 'image/jpeg', uploadedBy: account.me.id, fileName: uploadName(media.file) });
  }
  if (media instanceof Api.InputMediaUploadedDocument) {
    const bytes = files.assemble(account.session.uploads, media.file);
    const named = media.attributes.find((a) => a instanceof Api.DocumentAttributeFilename);
    const video = media.attributes.find((a) => a instanceof Api.DocumentAttributeVideo);
    const audio = media.attributes.find((a) => a instanceof Api.DocumentAttributeAudio);
    return world.storeFile({
      kind: audio?.voice ? 'voice' : video ? 'video' : 'document',
      bytes,
      mimeType: media.mimeType,
      uploadedBy: account.me.id,
      fileName: named?.fileName ?? uploadName(media.file),
      width: video?.w ?? null,
      height: video?.h ?? null,
      duration: video?.duration ?? audio?.duration ?? null,
    });
  }
  if (media instanceof Api.InputMediaPhoto && media.id instanceof Api.InputPhoto) return files.find(media.id.id, media.id.accessHash, 'PHOTO_INVALID');
  if (media instanceof Api.InputMediaDocument && media.id instanceof Api.InputDocument) return files.find(media.id.id, media.id.accessHash, 'DOCUMENT_INVALID');
  fail('MEDIA_INVALID');
}

export const sendRoutes = [
  userRoute(Api.messages.SendMessage, (account, request) => send(account, request, () => ({ text: request.message }))),
  userRoute(Api.messages.SendMedia, (account, request) =>
    send(account, request, () => ({ media: uploadedMedia(account, request.media), caption: request.message || undefined })),
  ),
];
