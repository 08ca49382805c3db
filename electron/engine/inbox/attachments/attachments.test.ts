import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UPLOAD_LIMITS } from '../../../../shared/domain/inbox';
import { useTempDirs } from '../../test-support/temp-dir';
import { inboxHarness, openInboxDb } from '../test/inbox-harness';
import { addBot, incoming, ingest } from '../test/messages';

const tempDir = useTempDirs();

async function setup() {
  const dir = tempDir();
  const db = openInboxDb(dir);
  addBot(db);
  const h = inboxHarness({ dir, db });
  ingest(db, [incoming(1, 'send me the file')]);
  const conversationId = (await h.call('inbox.conversations', { filter: {}, limit: 1, offset: 0 })).conversations[0]!.id;
  return { dir, h, conversationId };
}

describe('attachments', () => {
  it('assembles chunks into a file named by its hash and sends it as a pending reply', async () => {
    const { dir, h, conversationId } = await setup();
    const bytes = Buffer.concat([Buffer.from([0xff, 0xd8]), Buffer.alloc(700 * 1024, 7)]);
    const started = await h.call('inbox.attachmentStart', { conversationId, fileName: 'photo.jpg', mimeType: 'image/jpeg', size: bytes.length });
    expect(started.chunkBytes).toBe(512 * 1024);
    await expect(h.call('inbox.attachmentChunk', { attachmentId: started.attachmentId, index: 1, base64: 'AA==' })).rejects.toMatchObject({ code: 'invalid_input' });
    for (let i = 0; i * started.chunkBytes < bytes.length; i++) {
      const chunk = bytes.subarray(i * started.chunkBytes, (i + 1) * started.chunkBytes);
      await h.call('inbox.attachmentChunk', { attachmentId: started.attachmentId, index: i, base64: chunk.toString('base64') });
    }
    expect(await h.call('inbox.attachmentFinish', { attachmentId: started.attachmentId })).toEqual({ attachmentId: started.attachmentId, kind: 'photo' });
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    expect(readFileSync(join(dir, 'media', sha256)).equals(bytes)).toBe(true);
    expect(readdirSync(join(dir, 'media', 'tmp'))).toEqual([]);

    const sent = await h.call('inbox.reply', { conversationId, text: 'here', attachmentId: started.attachmentId });
    expect(sent.media).toMatchObject({ kind: 'photo', fileName: 'photo.jpg', size: bytes.length, download: 'done' });
    expect(h.enqueued[0]!.payload).toMatchObject({ kind: 'media', caption: 'here', attachment: { sha256, mediaKind: 'photo', path: join(dir, 'media', sha256) } });
    // An attachment is used once.
    await expect(h.call('inbox.reply', { conversationId, text: 'again', attachmentId: started.attachmentId })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses files larger than the sender may send, programs by name or type, and programs in disguise', async () => {
    const { h, conversationId } = await setup();
    await expect(h.call('inbox.attachmentStart', { conversationId, fileName: 'movie.mp4', mimeType: 'video/mp4', size: UPLOAD_LIMITS.bot + 1 })).rejects.toMatchObject({
      code: 'invalid_input',
      message: 'movie.mp4 is 50 MB; a bot can send at most 50 MB.',
    });
    for (const [fileName, mimeType] of [['setup.EXE', 'application/octet-stream'], ['run.bat', 'text/plain'], ['x.bin', 'application/x-msdownload']] as const) {
      await expect(h.call('inbox.attachmentStart', { conversationId, fileName, mimeType, size: 10 })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('program or script') });
    }
    const disguised = await h.call('inbox.attachmentStart', { conversationId, fileName: 'invoice.pdf', mimeType: 'application/pdf', size: 4 });
    await h.call('inbox.attachmentChunk', { attachmentId: disguised.attachmentId, index: 0, base64: Buffer.from('MZ\x90\x00', 'latin1').toString('base64') });
    await expect(h.call('inbox.attachmentFinish', { attachmentId: disguised.attachmentId })).rejects.toMatchObject({ message: expect.stringContaining('Windows program') });

    const short = await h.call('inbox.attachmentStart', { conversationId, fileName: 'a.txt', mimeType: 'text/plain', size: 10 });
    await h.call('inbox.attachmentChunk', { attachmentId: short.attachmentId, index: 0, base64: Buffer.from('abc').toString('base64') });
    await expect(h.call('inbox.attachmentFinish', { attachmentId: short.attachmentId })).rejects.toMatchObject({ message: expect.stringContaining('incomplete') });
    const long = await h.call('inbox.attachmentStart', { conversationId, fileName: 'b.txt', mimeType: 'text/plain', size: 2 });
    await expect(h.call('inbox.attachmentChunk', { attachmentId: long.attachmentId, index: 0, base64: Buffer.from('abc').toString('base64') })).rejects.toMatchObject({ message: expect.stringContaining('larger than announced') });
    await h.service.stop();
  });

  it('leaves no temporary file behind when the service stops mid-upload', async () => {
    const { dir, h, conversationId } = await setup();
    const started = await h.call('inbox.attachmentStart', { conversationId, fileName: 'voice.ogg', mimeType: 'audio/ogg', size: 10 });
    await h.call('inbox.attachmentChunk', { attachmentId: started.attachmentId, index: 0, base64: Buffer.from('OggS').toString('base64') });
    await h.service.stop();
    expect(readdirSync(join(dir, 'media', 'tmp'))).toEqual([]);
    expect(existsSync(join(dir, 'media'))).toBe(true);
  });
});
