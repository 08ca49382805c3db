import { Api as BotApi } from 'grammy';
import pino from 'pino';
import { openDatabase } from '../../db/open-database';
import { systemClock } from '../../platform/clock';
import { TELEGRAM_KINDS } from '../kinds/index';
import { createOutbox } from '../outbox';
import { ipcTransport } from './ipc-transport';
import { CRASH_OPTIONS, type CrashDeskConfig } from './options';

/**
 * The desk side of the crash test, run in a child process the test kills with SIGKILL: the
 * outbox over the test's database, sending through MTProto bridged to the parent's sandbox and
 * through the parent's Bot API server over HTTP.
 */
const config = JSON.parse(process.argv[2]!) as CrashDeskConfig;
const db = openDatabase({ path: config.dbPath, backupsDir: config.backupsDir, now: () => Date.now(), keepBackups: 1 }).db;
const transport = ipcTransport();
const api = new BotApi(config.botToken, { apiRoot: config.apiRoot });
const outbox = createOutbox(
  { db, clock: systemClock, logger: pino({ level: 'silent' }), senders: { account: () => transport, bot: () => api }, kinds: TELEGRAM_KINDS },
  CRASH_OPTIONS,
);
void outbox.start().then(() => process.send!({ type: 'started' }));
