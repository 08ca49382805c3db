import type { BotApiServer } from '../telegram/sandbox/bot-api/server';
import type { SandboxMtproto } from '../telegram/sandbox/mtproto/index';
import type { PtsLog } from '../telegram/sandbox/mtproto/pts-log';
import { seededIds, type SeededWorld } from '../telegram/sandbox/people/seed-world';
import { encodeChat, encodeFile, encodeMessage, encodeUser } from '../telegram/sandbox/world/snapshot';
import type { SandboxMessage } from '../telegram/sandbox/world/types';
import type { SandboxWorld } from '../telegram/sandbox/world/world';
import type { WorldFile } from './world-file';

export interface WorldParts {
  world: SandboxWorld;
  seeded: SeededWorld;
  mtproto: SandboxMtproto;
  botApi: BotApiServer;
}

/**
 * Writes what changed in the sandbox to its file, in one transaction, synchronously: it runs
 * after every world event (the doors' own listeners first, so their pts and update queues are
 * in it) and before every answer a door gives, so nothing leaves the process before it is on
 * disk. It writes only rows that changed: the few users and chats are compared as JSON, messages
 * are the ones events named, and files, callback answers, started bots, pts log events and
 * pending bot updates only ever grow (or, for updates, are confirmed away).
 */
export function createWorldWriter(db: WorldFile, parts: WorldParts, options: { restored: boolean }) {
  const { world, mtproto, botApi } = parts;
  const upsert = db.prepare('INSERT INTO rows (kind, key, value) VALUES (?, ?, ?) ON CONFLICT (kind, key) DO UPDATE SET value = excluded.value');
  const remove = db.prepare('DELETE FROM rows WHERE kind = ? AND key = ?');
  const written = new Map<string, string>();
  const dirtyMessages = new Set<SandboxMessage>(options.restored ? [] : world.allMessages());
  const knownFiles = new Set(options.restored ? world.allFiles().map((f) => f.uniqueId) : []);
  const keptEntries = new Map<string, number>();
  const pendingUpdates = new Set<string>();
  let callbacksWritten = 0;
  let startedWritten = 0;
  if (options.restored) {
    const kept = world.bookkeeping();
    callbacksWritten = kept.callbackAnswers.size;
    startedWritten = kept.startedBots.size;
    const logs = mtproto.hub.logs();
    for (const [id, log] of logs.accounts) keptEntries.set(`a:${id}`, log.size);
    for (const [id, log] of logs.channels) keptEntries.set(`c:${id}`, log.size);
    for (const bot of botApi.snapshot()) for (const update of bot.pending) pendingUpdates.add(`${bot.botId}:${update.updateId}`);
  }

  /** Writes `value` unless the row already holds it. */
  const put = (kind: string, key: string | number, value: unknown) => {
    const json = JSON.stringify(value);
    const id = `${kind}\u0000${key}`;
    if (written.get(id) === json) return;
    upsert.run(kind, String(key), json);
    written.set(id, json);
  };

  const writeLogs = (prefix: 'a' | 'c', logs: ReadonlyMap<number, PtsLog>) => {
    for (const [id, log] of logs) {
      const logKey = `${prefix}:${id}`;
      const done = keptEntries.get(logKey);
      if (done === log.size) continue;
      if (done === undefined) put('ptsLog', logKey, { keptAfter: log.keptAfter });
      for (const entry of log.entriesFrom(done ?? 0)) {
        const update = Buffer.from(entry.update.getBytes()).toString('base64');
        put('ptsEntry', `${logKey}:${entry.pts}`, { pts: entry.pts, ptsCount: entry.ptsCount, update, userIds: entry.userIds, chatIds: entry.chatIds });
      }
      keptEntries.set(logKey, log.size);
    }
  };

  const writeBotApi = () => {
    const bots = botApi.snapshot();
    const stillPending = new Set<string>();
    for (const bot of bots) {
      for (const update of bot.pending) {
        const key = `${bot.botId}:${update.updateId}`;
        stillPending.add(key);
        if (!pendingUpdates.has(key)) put('botUpdate', key, { botId: bot.botId, ...update });
      }
    }
    for (const key of pendingUpdates) {
      if (stillPending.has(key)) continue;
      remove.run('botUpdate', key);
      written.delete(`botUpdate\u0000${key}`);
    }
    pendingUpdates.clear();
    for (const key of stillPending) pendingUpdates.add(key);
    put('meta', 'botAllowed', bots.map((bot) => [bot.botId, bot.allowed]));
  };

  const writeAll = db.transaction(() => {
    const kept = world.bookkeeping();
    put('meta', 'world', { counters: kept.counters, randomState: kept.randomState, botUpdateIds: [...kept.botUpdateIds] });
    put('meta', 'seeded', seededIds(parts.seeded));
    put('meta', 'mtproto', mtproto.snapshot());
    for (const user of world.allUsers()) put('user', user.id, encodeUser(user));
    for (const chat of world.allChats()) put('chat', chat.id, encodeChat(chat));
    for (const file of world.allFiles()) {
      if (knownFiles.has(file.uniqueId)) continue;
      upsert.run('file', file.uniqueId, JSON.stringify(encodeFile(file)));
      knownFiles.add(file.uniqueId);
    }
    for (const message of dirtyMessages) upsert.run('message', String(message.uid), JSON.stringify(encodeMessage(message)));
    dirtyMessages.clear();
    for (const [queryId, answer] of [...kept.callbackAnswers].slice(callbacksWritten)) upsert.run('callback', queryId, JSON.stringify(answer));
    callbacksWritten = kept.callbackAnswers.size;
    for (const key of [...kept.startedBots].slice(startedWritten)) upsert.run('started', key, 'true');
    startedWritten = kept.startedBots.size;
    const logs = mtproto.hub.logs();
    writeLogs('a', logs.accounts);
    writeLogs('c', logs.channels);
    writeBotApi();
  });

  return {
    /** A message that an event named: new, edited or deleted. */
    touched(messages: SandboxMessage[]): void {
      for (const message of messages) dirtyMessages.add(message);
    },
    flush(): void {
      writeAll();
    },
  };
}
