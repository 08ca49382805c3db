import { Api, InputFile } from 'grammy';
import { deflateSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scaleLimits, TELEGRAM_BOT_LIMITS } from './limits/rate-limits';
import { createBotApiServer } from './server';
import { startSandbox, type Sandbox } from './test/harness';

let s: Sandbox;
beforeEach(async () => {
  // These tests send several files to one person; the rate limits have their own tests.
  s = await startSandbox({ limits: scaleLimits(TELEGRAM_BOT_LIMITS, 100) });
  s.aliceWrites('send me things');
});
afterEach(async () => {
  await s.server.close();
});

/** A real PNG (solid colour) so the photo has true dimensions. */
function png(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (data: Buffer) => {
    let c = 0xffffffff;
    for (const byte of data) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  const rows = Buffer.concat(Array.from({ length: height }, () => Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x7f)])));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

describe('Bot API front door: media', () => {
  it('uploads a photo, sends it again by file_id, and downloads the same bytes', async () => {
    const bytes = png(1000, 500);
    const first = await s.bot.api.sendPhoto(s.alice.id, new InputFile(bytes, 'shot.png'), { caption: 'look' });
    expect(first.caption).toBe('look');
    const largest = first.photo!.at(-1)!;
    expect(largest).toMatchObject({ width: 1000, height: 500, file_size: bytes.length });
    expect(first.photo!.map((p) => p.width)).toEqual([90, 320, 800, 1000]);

    const again = await s.bot.api.sendPhoto(s.alice.id, largest.file_id);
    expect(again.photo!.at(-1)!.file_unique_id).toBe(largest.file_unique_id);
    const [a, b] = s.world.receivedBy(s.alice.id).filter((m) => m.media);
    expect(a!.media).toBe(b!.media);

    const file = await s.bot.api.getFile(largest.file_id);
    expect(file.file_path).toMatch(/^photos\//);
    const download = await fetch(`${s.server.url}/file/bot${s.botUser.token}/${file.file_path}`);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('sends documents, videos and voice notes, and refuses a file_id of another type', async () => {
    const doc = await s.bot.api.sendDocument(s.alice.id, new InputFile(Buffer.from('report body'), 'report.txt'));
    expect(doc.document).toMatchObject({ file_name: 'report.txt', file_size: 11 });
    const voice = await s.bot.api.sendVoice(s.alice.id, new InputFile(Buffer.from('OggS voice'), 'note.ogg'), { duration: 3 });
    expect(voice.voice).toMatchObject({ duration: 3, mime_type: 'audio/ogg' });
    const video = await s.bot.api.sendVideo(s.alice.id, new InputFile(Buffer.from('video bytes'), 'clip.mp4'));
    expect(video.video?.mime_type).toBe('video/mp4');
    await expect(s.bot.api.sendPhoto(s.alice.id, doc.document!.file_id)).rejects.toMatchObject({ description: 'Bad Request: type of file mismatch' });
  });

  it('refuses an upload over 50 MB with 413 and a download over 20 MB', async () => {
    await expect(s.bot.api.sendDocument(s.alice.id, new InputFile(Buffer.alloc(50 * 1024 * 1024 + 1, 1), 'big.bin'))).rejects.toMatchObject({
      error_code: 413,
      description: 'Request Entity Too Large',
    });
    const doc = await s.bot.api.sendDocument(s.alice.id, new InputFile(Buffer.alloc(20 * 1024 * 1024 + 1, 2), 'medium.bin'));
    await expect(s.bot.api.getFile(doc.document!.file_id)).rejects.toMatchObject({ description: 'Bad Request: file is too big' });
  });

  it('as a local Bot API server (telegram-bot-api --local) takes uploads over 50 MB and hands out files over 20 MB', async () => {
    const local = await createBotApiServer({ world: s.world, limits: scaleLimits(TELEGRAM_BOT_LIMITS, 100), local: true });
    try {
      const api = new Api(s.botUser.token, { apiRoot: local.url });
      const big = await api.sendDocument(s.alice.id, new InputFile(Buffer.alloc(50 * 1024 * 1024 + 1, 3), 'big.bin'));
      const file = await api.getFile(big.document!.file_id);
      expect(file.file_size).toBe(50 * 1024 * 1024 + 1);
      const bytes = Buffer.from(await (await fetch(`${local.url}/file/bot${s.botUser.token}/${file.file_path}`)).arrayBuffer());
      expect(bytes.length).toBe(50 * 1024 * 1024 + 1);
    } finally {
      await local.close();
    }
  });

  it('answers 404 for a file path that does not exist', async () => {
    const response = await fetch(`${s.server.url}/file/bot${s.botUser.token}/photos/file_nothing.jpg`);
    expect(response.status).toBe(404);
  });
});
