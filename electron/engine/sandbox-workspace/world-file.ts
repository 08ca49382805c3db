import { chmodSync, existsSync, renameSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Api } from 'telegram';
import { BinaryReader } from 'telegram/extensions/index.js';
import { z } from 'zod';
import type { Clock } from '../platform/clock';
import { botApiSnapshotSchema, type BotApiSnapshot } from '../telegram/sandbox/bot-api/index';
import { mtprotoSnapshotSchema } from '../telegram/sandbox/mtproto/index';
import type { LoggedUpdate } from '../telegram/sandbox/mtproto/pts-log';
import type { KeptLogs } from '../telegram/sandbox/mtproto/updates-hub';
import { findSeeded, seededIdsSchema } from '../telegram/sandbox/people/seed-world';
import { parseSnapshot, SnapshotError, WORLD_SNAPSHOT_VERSION } from '../telegram/sandbox/world/snapshot';
import { SandboxWorld } from '../telegram/sandbox/world/world';
import type { RestoredSandbox } from './state-file';

/**
 * The sandbox workspace's simulated Telegram in a SQLite file of its own (`sandbox-world.sqlite`),
 * written in a transaction after each burst of changes, before anything about them leaves (see
 * world-writer.ts), so a kill -9 never takes back an id or a message the desk was told about.
 * Why not ids reserved in blocks alone: the world would still forget the messages, pending
 * updates and pts log events of its last moments, which the desk may have been told about.
 * One table of rows: a kind (user, chat, message, ...), a key within it, and the row's JSON in
 * the form snapshot.ts defines, which is also what checks it on the way back in.
 */
export const WORLD_FILE_FORMAT = 1;

export type WorldFile = Database.Database;

/** A restored sandbox, with the events of every pts log (the JSON file kept none). */
export type RestoredWorld = RestoredSandbox & { keptLogs: KeptLogs | null };

/** Opens (or creates) the file; a SnapshotError when it is not a sandbox world of this format. */
export function openWorldFile(path: string): WorldFile {
  let db: WorldFile | null = null;
  try {
    db = new Database(path);
    // Other local users have no business reading the sandbox's messages (SQLite gives its WAL the same mode).
    chmodSync(path, 0o600);
    // NORMAL is durable across a killed process (a commit is in the WAL file); only a power cut may take the last ones.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version === 0) {
      db.exec('CREATE TABLE IF NOT EXISTS rows (kind TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, UNIQUE (kind, key))');
      db.pragma(`user_version = ${WORLD_FILE_FORMAT}`);
    } else if (version !== WORLD_FILE_FORMAT) {
      throw new SnapshotError(`The sandbox world file has format ${version}; this desk reads format ${WORLD_FILE_FORMAT}.`);
    }
    const problems = (db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check);
    if (problems.join() !== 'ok') throw new SnapshotError(`The sandbox world file is damaged: ${problems.slice(0, 3).join('; ')}`);
    return db;
  } catch (error) {
    db?.close();
    if (error instanceof SnapshotError) throw error;
    throw new SnapshotError(`The sandbox world file cannot be opened: ${(error as Error).message}`);
  }
}

interface Row {
  kind: string;
  key: string;
  value: string;
}

const int = z.number().int();
const worldMetaSchema = z.object({ counters: z.unknown(), randomState: z.unknown(), botUpdateIds: z.unknown() });
const keptLogSchema = z.object({ keptAfter: int });
const entrySchema = z.object({ pts: int, ptsCount: int, update: z.base64(), userIds: z.array(int), chatIds: z.array(int) });
const botUpdateSchema = z.object({ botId: int, updateId: int, type: z.string(), payload: z.unknown(), createdAt: z.number() });
const botAllowedSchema = z.array(z.tuple([int, z.array(z.string()).nullable()]));

/** The sandbox the file holds; null when it holds none yet; a SnapshotError when it is unusable. */
export function readWorldFile(db: WorldFile, clock: Clock): RestoredWorld | null {
  let all: Row[];
  try {
    all = db.prepare('SELECT kind, key, value FROM rows ORDER BY rowid').all() as Row[];
  } catch (error) {
    throw new SnapshotError(`The sandbox world file cannot be read: ${(error as Error).message}`);
  }
  const byKind = new Map<string, Row[]>();
  for (const row of all) {
    let rows = byKind.get(row.kind);
    if (!rows) byKind.set(row.kind, (rows = []));
    rows.push(row);
  }
  const rows = (kind: string) => byKind.get(kind) ?? [];
  const meta = new Map(rows('meta').map((row) => [row.key, parse(row)]));
  if (!meta.has('world')) return null;

  const worldMeta = parseSnapshot(worldMetaSchema, meta.get('world'), 'sandbox world file');
  const world = SandboxWorld.restore(
    {
      version: WORLD_SNAPSHOT_VERSION,
      ...worldMeta,
      users: rows('user').map(parse),
      chats: rows('chat').map(parse),
      files: rows('file').map(parse),
      messages: rows('message').map(parse),
      callbackAnswers: rows('callback').map((row) => [row.key, parse(row)]),
      startedBots: rows('started').map((row) => row.key),
    },
    { clock },
  );
  const seeded = findSeeded(world, parseSnapshot(seededIdsSchema, meta.get('seeded'), 'sandbox world file (seeded cast)'));
  const mtproto = parseSnapshot(mtprotoSnapshotSchema, meta.get('mtproto'), 'sandbox world file (MTProto)');
  return { world, seeded, mtproto, botApi: readBotApi(rows('botUpdate'), meta.get('botAllowed')), keptLogs: readLogs(rows('ptsLog'), rows('ptsEntry'), mtproto) };
}

function parse(row: Row): unknown {
  try {
    return JSON.parse(row.value);
  } catch {
    throw new SnapshotError(`The sandbox world file is broken: its ${row.kind} ${row.key} is not JSON.`);
  }
}

function readBotApi(updateRows: Row[], allowedValue: unknown): BotApiSnapshot {
  const allowed = new Map(parseSnapshot(botAllowedSchema, allowedValue ?? [], 'sandbox world file (allowed updates)'));
  const pending = new Map<number, z.output<typeof botUpdateSchema>[]>();
  for (const row of updateRows) {
    const update = parseSnapshot(botUpdateSchema, parse(row), 'sandbox world file (bot update)');
    let list = pending.get(update.botId);
    if (!list) pending.set(update.botId, (list = []));
    list.push(update);
  }
  const botIds = new Set([...allowed.keys(), ...pending.keys()]);
  return parseSnapshot(
    botApiSnapshotSchema,
    [...botIds].map((botId) => ({
      botId,
      pending: (pending.get(botId) ?? []).sort((a, b) => a.updateId - b.updateId).map(({ updateId, type, payload, createdAt }) => ({ updateId, type, payload, createdAt })),
      allowed: allowed.get(botId) ?? null,
    })),
    'sandbox world file (Bot API)',
  );
}

/** Log keys are `a:<userId>` (an account's) and `c:<chatId>` (a channel's); an entry's key adds `:<pts>`. */
function readLogs(logRows: Row[], entryRows: Row[], mtproto: z.output<typeof mtprotoSnapshotSchema>): KeptLogs {
  const entries = new Map<string, LoggedUpdate[]>();
  for (const row of entryRows) {
    const entry = parseSnapshot(entrySchema, parse(row), 'sandbox world file (pts log)');
    const logKey = row.key.slice(0, row.key.lastIndexOf(':'));
    let list = entries.get(logKey);
    if (!list) entries.set(logKey, (list = []));
    list.push({ ...entry, update: readUpdate(entry.update, row.key) });
  }
  const pts = new Map([...mtproto.accountPts.map(([id, p]): [string, number] => [`a:${id}`, p]), ...mtproto.channelPts.map(([id, p]): [string, number] => [`c:${id}`, p])]);
  const kept: KeptLogs = { accounts: new Map(), channels: new Map() };
  for (const row of logRows) {
    const current = pts.get(row.key);
    if (current === undefined) continue;
    const { keptAfter } = parseSnapshot(keptLogSchema, parse(row), 'sandbox world file (pts log)');
    const log = { pts: current, keptAfter, entries: (entries.get(row.key) ?? []).sort((a, b) => a.pts - b.pts) };
    (row.key.startsWith('a:') ? kept.accounts : kept.channels).set(Number(row.key.slice(2)), log);
  }
  return kept;
}

function readUpdate(base64: string, key: string): Api.TypeUpdate {
  try {
    return new BinaryReader(Buffer.from(base64, 'base64')).tgReadObject() as Api.TypeUpdate;
  } catch (error) {
    throw new SnapshotError(`The sandbox world file is broken: its pts log entry ${key} is not a Telegram update (${(error as Error).message}).`);
  }
}

/** Moves an unusable file (and its WAL) out of the way, kept for a look; returns where it went. */
export function setWorldFileAside(path: string, now: number): string {
  const aside = `${path}.broken-${new Date(now).toISOString().replace(/[:.]/g, '-')}`;
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(path + suffix)) renameSync(path + suffix, aside + suffix);
  return aside;
}
