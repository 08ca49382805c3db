import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir';
import { createDiskGuard } from '../platform/disk-guard';
import { createLogging } from './logger';

const tempDir = useTempDirs();

// Shaped like the real things, made up for the test.
const BOT_TOKEN = '7012345678:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw4'; // fake, test-only
const API_HASH = '0123456789abcdef0123456789abcdef'; // fake, test-only
const SESSION = `1${'BAABcdEfGhIjKlMnOpQrStUvWxYz0123456789+/'.repeat(8)}=`;
const PASSWORD = 'correct horse battery staple';

afterEach(() => vi.restoreAllMocks());

describe('logger redaction', () => {
  it('lets no bot token, session string, api hash or password out of any sink', async () => {
    const dir = tempDir();
    const printed: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (printed.push(String(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (printed.push(String(chunk)), true));

    const logging = createLogging({ console: true, level: 'debug' });
    const closeFile = logging.openFile(dir, createDiskGuard({ folder: dir }));
    const sunk: string[] = [];
    logging.addSink((entry, line) => sunk.push(line, JSON.stringify(entry)));

    const log = logging.logger.child({ scope: 'accounts' });
    log.info(`bot ${BOT_TOKEN} connected with hash ${API_HASH}`);
    log.warn({ session: SESSION, apiHash: API_HASH, password: PASSWORD }, 'sign-in details');
    log.info({ nested: { config: { botToken: BOT_TOKEN }, list: [`url https://api.telegram.org/bot${BOT_TOKEN}/getMe`] } }, 'request');
    log.error({ err: new Error(`auth failed for session ${SESSION}`) }, 'failure');
    log.debug(`raw ${SESSION}`);
    closeFile();

    const everything = [readFileSync(join(dir, 'desk.log'), 'utf8'), ...sunk, ...printed].join('\n');
    expect(everything).toContain('sign-in details'); // the lines themselves did get through
    expect(everything).toContain('[redacted');
    for (const secret of [BOT_TOKEN, API_HASH, SESSION, PASSWORD, BOT_TOKEN.split(':')[1]!, SESSION.slice(0, 60)]) {
      expect(everything).not.toContain(secret);
    }
  });

  it('masks a remembered secret by exact value, whatever its shape', async () => {
    const logging = createLogging({});
    const lines: string[] = [];
    logging.addSink((_e, line) => lines.push(line));
    logging.redactor.remember('plain-looking-secret');
    logging.logger.info('the value is plain-looking-secret, really');
    expect(lines.join()).not.toContain('plain-looking-secret');
  });
});
