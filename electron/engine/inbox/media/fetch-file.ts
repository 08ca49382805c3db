import bigInt from 'big-integer';
import { Api } from 'telegram';
import type { Database } from 'better-sqlite3';
import { findBot } from '../../bots/store/bot-repo';
import type { SecretBox } from '../../secrets/secret-box';
import { classifyBotApiError, createBotApi } from '../../telegram/bots/bot-api';
import type { MtprotoTransport } from '../../telegram/mtproto/transport';
import type { RemoteFileRef } from '../../telegram/inbound/types';

/** Telegram refused the file for its size (a bot may download 20 MB at most). */
export class FileTooLarge extends Error {}

/** upload.getFile reads at most 1 MiB at a time, at offsets that are multiples of the limit. */
const PART = 512 * 1024;

export type Progress = (done: number) => void;

/** An account's photo or document through upload.getFile, part by part. */
export async function fetchMtprotoFile(transport: MtprotoTransport, ref: Extract<RemoteFileRef, { via: 'mtproto' }>, onProgress: Progress): Promise<Buffer> {
  const common = { id: bigInt(ref.id), accessHash: bigInt(ref.accessHash), fileReference: Buffer.from(ref.fileReference, 'base64') };
  const location =
    ref.type === 'photo' ? new Api.InputPhotoFileLocation({ ...common, thumbSize: ref.thumbSize }) : new Api.InputDocumentFileLocation({ ...common, thumbSize: '' });
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const answer = await transport.invoke(new Api.upload.GetFile({ location, offset: bigInt(offset), limit: PART }));
    if (!(answer instanceof Api.upload.File)) throw new Error('Telegram moved this file to a CDN, which the desk does not read yet.');
    parts.push(Buffer.from(answer.bytes));
    offset += answer.bytes.length;
    onProgress(offset);
    if (answer.bytes.length < PART) return Buffer.concat(parts);
  }
}

/** A bot's file: getFile names its path, then the file server hands out the bytes. */
export async function fetchBotFile(input: {
  db: Database;
  secrets: SecretBox;
  apiRoot: string | undefined;
  /** What the bot's Bot API server hands out at most; null: no limit (a local server). */
  downloadLimit: number | null;
  botId: number;
  fileId: string;
}): Promise<Buffer> {
  const bot = findBot(input.db, input.botId);
  if (!bot) throw new Error('The bot that received this file was removed.');
  const token = input.secrets.decrypt(bot.tokenEnc);
  let path: string | undefined;
  try {
    path = (await createBotApi(token, input.apiRoot).getFile(input.fileId)).file_path;
  } catch (error) {
    const failure = classifyBotApiError(error);
    if (failure.kind === 'rejected' && /too big/i.test(failure.reason)) throw new FileTooLarge(failure.reason);
    // The classified reason only, and no cause: grammY's errors quote the URL, and the URL holds the token.
    // eslint-disable-next-line preserve-caught-error
    throw new Error('reason' in failure ? failure.reason : `Telegram answered ${failure.kind}`);
  }
  if (!path) throw new Error('Telegram gave no path for this file.');
  // No cause attached here either: a fetch error quotes the URL with the token.
  const response = await fetch(`${input.apiRoot ?? 'https://api.telegram.org'}/file/bot${token}/${path}`).catch(() => null);
  if (!response) throw new Error('The Bot API file server could not be reached.');
  if (!response.ok) throw new Error(`The Bot API file server answered ${response.status}.`);
  const bytes = Buffer.from(await response.arrayBuffer());
  if (input.downloadLimit !== null && bytes.length > input.downloadLimit) throw new FileTooLarge('larger than a bot may download');
  return bytes;
}
