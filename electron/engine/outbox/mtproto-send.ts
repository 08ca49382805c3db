import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import bigInt from 'big-integer';
import type { Database } from 'better-sqlite3';
import { Api } from 'telegram';
import { ATTACHMENT_CHUNK_BYTES } from '../../../shared/domain/inbox';
import { findAccountEntity } from '../telegram/entities/account-entities';
import type { MtprotoTransport } from '../telegram/mtproto/transport';
import { Refusal } from './failures';
import type { OutboxAttachment, OutboxPayload } from './outbox-port';

export interface Sent {
  messageId: number;
  /** Epoch ms, as Telegram stamped it. */
  date: number;
}

/** Files above this go up as "big" files (Telegram's rule). */
const BIG_FILE_BYTES = 10 * 1024 * 1024;

/** A fresh signed 64-bit random_id, stored as text (SQLite integers would do, JSON numbers would not). */
export function newRandomId(): string {
  return randomBytes(8).readBigInt64BE().toString();
}

/** The account's peer for a chat key, from what the account itself saw (access hash included). */
export function inputPeer(db: Database, accountId: number, chatKey: string): Api.TypeInputPeer {
  const [type, idText] = chatKey.split(':');
  const peerId = Number(idText);
  if ((type !== 'user' && type !== 'chat' && type !== 'channel') || !Number.isSafeInteger(peerId)) throw new Refusal(`Unknown chat ${chatKey}.`);
  if (type === 'chat') return new Api.InputPeerChat({ chatId: bigInt(peerId) });
  const entity = findAccountEntity(db, accountId, type, peerId);
  if (!entity?.accessHash) throw new Refusal('Chat not found: this account has not seen this chat yet.');
  const accessHash = bigInt(entity.accessHash);
  return type === 'user' ? new Api.InputPeerUser({ userId: bigInt(peerId), accessHash }) : new Api.InputPeerChannel({ channelId: bigInt(peerId), accessHash });
}

/**
 * One try of an account send. The same `randomId` on every try makes Telegram answer a repeat
 * with the message it already made, so a lost answer or a crash never sends twice.
 */
export async function sendByAccount(transport: MtprotoTransport, peer: Api.TypeInputPeer, payload: OutboxPayload, randomId: string): Promise<Sent> {
  const replyTo = payload.replyToTelegramId === undefined ? undefined : new Api.InputReplyToMessage({ replyToMsgId: payload.replyToTelegramId });
  const id = bigInt(randomId);
  if (payload.kind === 'text') {
    return readSent(await transport.invoke(new Api.messages.SendMessage({ peer, message: payload.text, randomId: id, replyTo })), randomId);
  }
  // Uploaded parts live only in this connection's session, so each try uploads again.
  const file = await upload(transport, payload.attachment);
  const media = inputMedia(file, payload.attachment);
  return readSent(await transport.invoke(new Api.messages.SendMedia({ peer, media, message: payload.caption ?? '', randomId: id, replyTo })), randomId);
}

async function upload(transport: MtprotoTransport, attachment: OutboxAttachment): Promise<Api.TypeInputFile> {
  let bytes: Buffer;
  try {
    bytes = await readFile(attachment.path);
  } catch {
    throw new Refusal('The attached file is no longer on disk; attach it again.');
  }
  const fileId = bigInt(newRandomId());
  const parts = Math.max(1, Math.ceil(bytes.length / ATTACHMENT_CHUNK_BYTES));
  const big = bytes.length > BIG_FILE_BYTES;
  for (let part = 0; part < parts; part++) {
    const chunk = bytes.subarray(part * ATTACHMENT_CHUNK_BYTES, (part + 1) * ATTACHMENT_CHUNK_BYTES);
    await transport.invoke(
      big
        ? new Api.upload.SaveBigFilePart({ fileId, filePart: part, fileTotalParts: parts, bytes: chunk })
        : new Api.upload.SaveFilePart({ fileId, filePart: part, bytes: chunk }),
    );
  }
  const name = attachment.fileName;
  return big ? new Api.InputFileBig({ id: fileId, parts, name }) : new Api.InputFile({ id: fileId, parts, name, md5Checksum: '' });
}

function inputMedia(file: Api.TypeInputFile, attachment: OutboxAttachment): Api.TypeInputMedia {
  if (attachment.mediaKind === 'photo') return new Api.InputMediaUploadedPhoto({ file });
  const attributes: Api.TypeDocumentAttribute[] = [new Api.DocumentAttributeFilename({ fileName: attachment.fileName })];
  if (attachment.mediaKind === 'video') attributes.push(new Api.DocumentAttributeVideo({ duration: 0, w: 0, h: 0 }));
  if (attachment.mediaKind === 'voice') attributes.push(new Api.DocumentAttributeAudio({ voice: true, duration: 0 }));
  return new Api.InputMediaUploadedDocument({ file, mimeType: attachment.mimeType, attributes });
}

/** The new message's id and date from whichever form Telegram answered in. */
function readSent(result: Api.TypeUpdates, randomId: string): Sent {
  if (result instanceof Api.UpdateShortSentMessage) return { messageId: result.id, date: result.date * 1000 };
  if (result instanceof Api.Updates || result instanceof Api.UpdatesCombined) {
    const idUpdate = result.updates.find((u): u is Api.UpdateMessageID => u instanceof Api.UpdateMessageID && u.randomId?.toString() === randomId);
    const message = result.updates
      .map((u) => (u instanceof Api.UpdateNewMessage || u instanceof Api.UpdateNewChannelMessage ? u.message : null))
      .find((m): m is Api.Message => m instanceof Api.Message && (idUpdate === undefined || m.id === idUpdate.id));
    const messageId = idUpdate?.id ?? message?.id;
    if (messageId !== undefined) return { messageId, date: (message?.date ?? result.date) * 1000 };
  }
  throw new Error(`Telegram answered a send with ${result.className}, which names no message.`);
}
