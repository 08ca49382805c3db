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
 * Writes what changed in the sandbox to its file, in one transaction, synchronously. The
 * workspace calls it once per burst of world events (after the doors' own listeners, so their
 * pts logs and update queues are in it) and before every answer a door gives, so nothing leaves
 * the process before it is on disk. It writes only rows that changed: users are the ones events named (all of them, compared
 * as JSON, when asked), the few chats are compared as JSON, messages are the ones events named,
 * and files, callback answers, started bots, pts log events and pending bot updates only ever
 * grow (or, for updates, are confirmed away).
 */
export function createWorldWriter(db: WorldFile, parts: WorldParts, options: { restored: boolean }) {
  const { world, mtproto, botApi } = parts;
  const upsert = db.prepare('INSERT INTO rows (kind, key, value) VALUES (?, ?, ?) ON CONFLICT (kind, key) DO UPDATE SET value = excluded.value');
  const remove = db.prepare('DELETE FROM rows WHERE kind = ? AND key = ?');
  const written = new Map<string, string>();
  const dirtyMessages = new Set<SandboxMessage>(options.restored ? [] : world.allMessages());
  const dirtyUsers = new Set<number>();
  let usersWritten = 0;
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

  /** Writes `value` unless the row already holds it (for rows that change in place; the rest are only added). */
  const put = (kind: string, key: string | number, value: unknown) => {
    const json = JSON.stringify(value);
    const id = `${kind}\u0000${key}`;
    if (written.get(id) === json) return;
    upsert.run(kind, String(key), json);
    written.set(id, json);
  };

  const writeLogs = (prefix: 'a' | 'c', logs: ReadonlyMap<number, PtsLog>) => {
    for (const [id, log] of logs) {
      // Only someone who can sign in (by phone) ever asks for their difference; a crowd member's
      // events would cost a write each for nothing. Their pts alone is kept, in the MTProto row.
      if (prefix === 'a' && !world.findUser(id)?.phone) continue;
      const logKey = `${prefix}:${id}`;
      const done = keptEntries.get(logKey);
      if (done === log.size) continue;
      if (done === undefined) put('ptsLog', logKey, { keptAfter: log.keptAfter });
      for (const entry of log.entriesFrom(done ?? 0)) {
        const update = Buffer.from(entry.update.getBytes()).toString('base64');
        upsert.run('ptsEntry', `${logKey}:${entry.pts}`, JSON.stringify({ pts: entry.pts, ptsCount: entry.ptsCount, update, userIds: entry.userIds, chatIds: entry.chatIds }));
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
        if (!pendingUpdates.has(key)) upsert.run('botUpdate', key, JSON.stringify({ botId: bot.botId, ...update }));
      }
    }
    for (const key of pendingUpdates) {
      if (stillPending.has(key)) continue;
      remove.run('botUpdate', key);
    }
    pendingUpdates.clear();
    for (const key of stillPending) pendingUpdates.add(key);
    put('meta', 'botAllowed', bots.map((bot) => [bot.botId, bot.allowed]));
  };

  const writeUsers = (everyone: boolean) => {
    const users = world.allUsers();
    // New users are always at the end (the world keeps them in the order they came).
    for (const user of users.slice(usersWritten)) dirtyUsers.add(user.id);
    usersWritten = users.length;
    if (everyone) for (const user of users) put('user', user.id, encodeUser(user));
    else for (const id of dirtyUsers) put('user', id, encodeUser(world.user(id)));
    dirtyUsers.clear();
  };

  const writeAll = db.transaction((everyone: boolean) => {
    const kept = world.bookkeeping();
    put('meta', 'world', { counters: kept.counters, randomState: kept.randomState, botUpdateIds: [...kept.botUpdateIds] });
    put('meta', 'seeded', seededIds(parts.seeded));
    put('meta', 'mtproto', mtproto.snapshot());
    writeUsers(everyone);
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
    /** What events named: messages new, edited or deleted, and the people they changed. */
    touched(changed: { messages: SandboxMessage[]; userIds: number[] }): void {
      for (const message of changed.messages) dirtyMessages.add(message);
      for (const id of changed.userIds) dirtyUsers.add(id);
    },
    /**
     * `everyone`: compares every user with what is written, for changes no event names (a
     * contact saved, a bot's commands); otherwise only the users events named, and new ones.
     */
    flush(everyone: boolean): void {
      writeAll(everyone);
    },
  };
}
