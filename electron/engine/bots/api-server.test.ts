import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLOUD_BOT_FILE_LIMITS, OWN_SERVER_BOT_FILE_LIMITS } from '../../../shared/domain/bot-endpoints';
import { createBotApiServer, type BotApiServer } from '../telegram/sandbox/bot-api/index';
import { useTempDirs } from '../test-support/temp-dir';
import type { BotsServiceWithWebhook } from './bots-service';
import { OPERATOR, startBotsWorld, waitFor, type BotsWorld } from './test/bots-harness';

const tempDir = useTempDirs();
let w: BotsWorld;
let db: Database;
let bots: BotsServiceWithWebhook;
/** The operator's own Bot API server (telegram-bot-api --local) in front of the same Telegram. */
let own: BotApiServer;
/** A web server that is not a Bot API server. */
let notBotApi: Server;
let notBotApiUrl: string;

beforeEach(async () => {
  w = await startBotsWorld(tempDir());
  db = w.openDb();
  bots = w.service(db);
  own = await createBotApiServer({ world: w.world, local: true, onInternalError: () => undefined });
  notBotApi = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>It works!</h1>'));
  await new Promise<void>((resolve) => notBotApi.listen(0, '127.0.0.1', resolve));
  notBotApiUrl = `http://127.0.0.1:${(notBotApi.address() as AddressInfo).port}`;
});
afterEach(async () => {
  await bots.stopAll();
  await Promise.all([w.server.close(), own.close(), new Promise((resolve) => notBotApi.close(resolve))]);
  db.close();
});

const storedTexts = () => db.prepare("SELECT text FROM messages WHERE source_kind = 'bot' ORDER BY id").pluck().all();
const endpoints = () => bots.handlers['bots.endpoints']({}, OPERATOR);

describe('bots: a Bot API server of the operator\'s own', () => {
  it('app-wide: refuses an address where getMe fails, and moves running bots to one where it works', async () => {
    const { id } = await bots.handlers['bots.add']({ token: w.deskBot.token, mode: 'polling' }, OPERATOR);
    await waitFor(() => (w.lastState(id)?.status === 'online' ? true : undefined));
    await expect(bots.handlers['bots.setEndpoints']({ apiServer: notBotApiUrl }, OPERATOR)).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining(`getMe for @desk_bot through ${notBotApiUrl} failed`),
    });
    expect(await endpoints()).toMatchObject({ apiServer: null });

    await bots.handlers['bots.setEndpoints']({ apiServer: own.url }, OPERATOR);
    expect(await endpoints()).toMatchObject({ apiServer: own.url });
    const [bot] = (await bots.handlers['bots.list']({}, OPERATOR)).bots;
    expect(bot!.fileLimits).toEqual(OWN_SERVER_BOT_FILE_LIMITS);
    // Telegram's own front door goes away: the bot keeps receiving through the operator's server.
    await w.server.close();
    await waitFor(() => (w.lastState(id)?.status === 'online' ? true : undefined));
    w.writes(w.deskBot, 'through my own server');
    await waitFor(() => (storedTexts().length === 1 ? true : undefined));
  });

  it('app-wide with no bot yet: refuses an address that does not answer like a Bot API server', async () => {
    await expect(bots.handlers['bots.setEndpoints']({ apiServer: notBotApiUrl }, OPERATOR)).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('answers like a Bot API server'),
    });
    await expect(bots.handlers['bots.setEndpoints']({ apiServer: own.url }, OPERATOR)).resolves.toMatchObject({ apiServer: own.url });
  });

  it('per bot: checked with getMe when adding and changing, and sets that bot\'s file limits', async () => {
    await expect(bots.handlers['bots.add']({ token: w.deskBot.token, mode: 'polling', apiServer: notBotApiUrl }, OPERATOR)).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining(`nothing at ${notBotApiUrl} answers like a Bot API server`),
    });
    expect((await bots.handlers['bots.list']({}, OPERATOR)).bots).toEqual([]);

    const added = await bots.handlers['bots.add']({ token: w.deskBot.token, mode: 'polling' }, OPERATOR);
    expect(added).toMatchObject({ apiServer: null, fileLimits: CLOUD_BOT_FILE_LIMITS });
    await expect(bots.handlers['bots.configure']({ id: added.id, apiServer: notBotApiUrl }, OPERATOR)).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await bots.handlers['bots.configure']({ id: added.id, apiServer: own.url }, OPERATOR)).toMatchObject({ apiServer: own.url, fileLimits: OWN_SERVER_BOT_FILE_LIMITS });
    expect(await bots.handlers['bots.configure']({ id: added.id, apiServer: null }, OPERATOR)).toMatchObject({ apiServer: null, fileLimits: CLOUD_BOT_FILE_LIMITS });
  });
});
