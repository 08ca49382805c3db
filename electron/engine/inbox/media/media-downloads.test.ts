import { join } from 'node:path';
import { Writable } from 'node:stream';
import Database from 'better-sqlite3';
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { settle } from '../../accounts/test/harness';
import { openDatabase } from '../../db/open-database';
import { useTempDirs } from '../../test-support/temp-dir';
import { collectUnhandledRejections } from '../../test-support/unhandled-rejections';
import { MediaDownloads, mediaRow } from './media-downloads';
import { DEFAULT_MEDIA_POLICY } from './media-policy';
import { MediaStore } from './media-store';

const tempDir = useTempDirs();
const unhandled = collectUnhandledRejections();
afterEach(() => {
  vi.restoreAllMocks();
});

/** A real SQLite file whose media state writes fail, while `disk.full`, as SQLite fails on a full disk. */
function mediaWorld(dir: string) {
  const db = openDatabase({ path: join(dir, 'desk.sqlite'), backupsDir: join(dir, 'backups'), now: () => 1, keepBackups: 1 }).db;
  const disk = { full: false };
  const prepare = db.prepare.bind(db);
  vi.spyOn(db, 'prepare').mockImplementation(((sql: string) => {
    const statement = prepare(sql);
    if (!sql.startsWith('UPDATE message_media')) return statement;
    return new Proxy(statement, {
      get: (target, key) =>
        key === 'run'
          ? (...args: unknown[]) => {
              if (disk.full) throw new Database.SqliteError('database or disk is full', 'SQLITE_FULL');
              return target.run(...args);
            }
          : (Reflect.get(target, key) as unknown),
    });
  }) as typeof db.prepare);
  const logLines: { msg: string; messageId?: number }[] = [];
  const logger = pino({ level: 'debug' }, new Writable({ write: (chunk: Buffer, _enc, done) => (logLines.push(JSON.parse(chunk.toString())), done()) }));
  const message = (telegramId: number) => {
    const id = Number(
      prepare(
        `INSERT INTO messages (source_kind, source_id, chat_key, chat_title, telegram_message_id, sender_name, date, text, media_kind, outgoing, received_at)
         VALUES ('bot', 1, 'user:5', 'Person', ?, 'Person', 1, '', 'photo', 0, 1)`,
      ).run(telegramId).lastInsertRowid,
    );
    prepare(`INSERT INTO message_media (message_id, kind, size, remote_ref) VALUES (?, 'photo', 3, '{"via":"bot","fileId":"f"}')`).run(id);
    return id;
  };
  let release: (bytes: Buffer) => void = () => undefined;
  const downloads = () =>
    new MediaDownloads({
      db,
      store: new MediaStore(dir),
      policy: DEFAULT_MEDIA_POLICY,
      logger,
      fetch: () => new Promise<Buffer>((resolve) => (release = resolve)),
      downloadLimit: () => null,
      changed: () => undefined,
    });
  return { db, disk, logLines, message, downloads, release: (bytes: Buffer) => release(bytes) };
}

describe('media downloads on a full disk', () => {
  it('a message that cannot be queued stays not downloaded, said once, and nothing throws', async () => {
    const w = mediaWorld(tempDir());
    const downloads = w.downloads();
    const id = w.message(1);
    w.disk.full = true;
    expect(() => downloads.consider([id])).not.toThrow();
    expect(mediaRow(w.db, id)!.download).toBe('none');
    expect(w.logLines.filter((l) => l.messageId === id)).toHaveLength(1);
    await downloads.stop();
    w.db.close();
  });

  it('a download whose outcome cannot be written rejects nothing unhandled and shows as failed after a restart, to be fetched again', async () => {
    const w = mediaWorld(tempDir());
    const first = w.downloads();
    const id = w.message(1);
    first.consider([id]);
    await settle();
    expect(mediaRow(w.db, id)!.download).toBe('downloading');
    w.disk.full = true;
    w.release(Buffer.from('abc'));
    await settle();
    expect(unhandled).toEqual([]);
    expect(w.logLines.filter((l) => l.messageId === id)).toHaveLength(1);
    await first.stop();

    w.disk.full = false;
    const restarted = w.downloads();
    expect(mediaRow(w.db, id)!.download).toBe('failed');
    await restarted.stop();
    w.db.close();
  });
});
