import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Bot } from 'grammy';
import { describe, expect, it } from 'vitest';
import { createLogging } from '../logging/logger';
import { manualClock } from '../platform/clock';
import { SandboxMtproto } from '../telegram/sandbox/mtproto/index';
import { seededIds, seedSandboxWorld } from '../telegram/sandbox/people/seed-world';
import { SandboxWorld } from '../telegram/sandbox/world/world';
import { useTempDirs } from '../test-support/temp-dir';
import { SANDBOX_SEED, startSandboxWorkspace, type SandboxWorkspace } from './sandbox-workspace';

const tempDir = useTempDirs();

function start(dir: string) {
  const logging = createLogging({ level: 'info' });
  const lines: string[] = [];
  logging.addSink((_entry, line) => lines.push(line));
  const stateFile = join(dir, 'sandbox-world.sqlite');
  const workspace = startSandboxWorkspace({ clock: manualClock(), logger: logging.logger, onActivity: () => {}, dir });
  return { workspace, lines, stateFile };
}

function botOf(workspace: SandboxWorkspace): Bot {
  return new Bot(workspace.seeded.bot.token, { client: { apiRoot: workspace.telegram().botApiRoot! } });
}

const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

describe('sandbox workspace persistence', () => {
  it('continues the same world after a stop and start from the same folder', async () => {
    const dir = tempDir();
    const first = await start(dir).workspace;
    const { account, bot, people } = first.seeded;
    first.act({ personId: people[0]!.id, action: 'write', targetId: account.id, text: 'before' });
    first.act({ personId: people[1]!.id, action: 'write', targetId: bot.id, text: '/start' });
    first.act({ personId: people[6]!.id, action: 'join', targetId: first.seeded.channel.id });
    first.act({ personId: people[2]!.id, action: 'block', targetId: bot.id });
    const before = first.world.allMessages().find((m) => m.text === 'before')!;
    const [pending] = await botOf(first).api.getUpdates({ timeout: 0 });
    await first.stop();

    const second = await start(dir).workspace;
    expect(second.seeded.account.id).toBe(account.id);
    const people2 = second.status().people;
    expect(people2.find((p) => p.id === people[6]!.id)).toMatchObject({ inChannel: true });
    expect(people2.find((p) => p.id === people[2]!.id)).toMatchObject({ blockedBot: true });
    expect(second.world.history(account.id, second.world.privateConversation(people[0]!.id, account.id))[0]?.text).toBe('before');

    second.act({ personId: people[0]!.id, action: 'write', targetId: account.id, text: 'after' });
    const after = second.world.allMessages().at(-1)!;
    expect(after.uid).toBe(first.world.allMessages().at(-1)!.uid + 1);
    expect(second.world.viewId(after, account.id)).toBe(second.world.viewId(before, account.id)! + 1);
    second.act({ personId: people[1]!.id, action: 'write', targetId: bot.id, text: 'again' });
    const updates = await botOf(second).api.getUpdates({ timeout: 0 });
    // Unconfirmed updates survive with their ids (the block is a my_chat_member), new ones go on after them.
    expect(updates.map((u) => [u.update_id, u.message?.text ?? Object.keys(u)[1]])).toEqual([
      [pending!.update_id, '/start'],
      [pending!.update_id + 1, 'my_chat_member'],
      [pending!.update_id + 2, 'again'],
    ]);
    await second.stop();
  });

  it('has every change on disk before anything about it leaves, with no timer, and leaves none behind', async () => {
    const dir = tempDir();
    const timersBefore = timers();
    const { workspace, stateFile } = start(dir);
    const ws = await workspace;
    const savedTexts = () => {
      const reader = new Database(stateFile, { readonly: true });
      const texts = reader.prepare("SELECT value FROM rows WHERE kind = 'message'").pluck().all().map((value) => (JSON.parse(value as string) as { text: string }).text);
      reader.close();
      return texts;
    };
    // What the bot is told, by an update or by the answer to its own send, is already saved when it hears it.
    ws.act({ personId: ws.seeded.people[0]!.id, action: 'write', targetId: ws.seeded.bot.id, text: 'to the bot' });
    const [update] = await botOf(ws).api.getUpdates({ timeout: 0 });
    expect(update?.message?.text).toBe('to the bot');
    expect(savedTexts()).toContain('to the bot');
    await botOf(ws).api.sendMessage(ws.seeded.people[0]!.id, 'from the bot');
    expect(savedTexts()).toContain('from the bot');
    await ws.stop();
    expect(timers()).toBeLessThanOrEqual(timersBefore);
    for (const name of ['sandbox-world.sqlite', 'sandbox-world.ids.json']) expect(statSync(join(dir, name)).mode & 0o777).toBe(0o600);
  });

  it('replaces a damaged world file with a fresh world whose ids all come after the old one\'s, keeping the file aside', async () => {
    const dir = tempDir();
    const first = await start(dir).workspace;
    const { account, people } = first.seeded;
    first.act({ personId: people[0]!.id, action: 'write', targetId: account.id, text: 'before the damage' });
    const old = idsOf(first);
    await first.stop();
    const garbage = 'this is not a database, whatever it once was'.repeat(200);
    writeFileSync(join(dir, 'sandbox-world.sqlite'), garbage);
    rmSync(join(dir, 'sandbox-world.sqlite-wal'), { force: true });

    const { workspace, lines } = start(dir);
    const second = await workspace;
    const aside = readdirSync(dir).filter((name) => name.startsWith('sandbox-world.sqlite.broken-') && !/-(wal|shm)$/.test(name));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0]!), 'utf8')).toBe(garbage);
    expect(lines.some((line) => line.includes('could not be read') && line.includes('after its ids'))).toBe(true);
    second.act({ personId: second.seeded.people[0]!.id, action: 'write', targetId: second.seeded.account.id, text: 'after the damage' });
    const fresh = idsOf(second);
    expect(Math.min(...fresh.users)).toBeGreaterThan(Math.max(...old.users));
    expect(Math.min(...fresh.bots)).toBeGreaterThan(Math.max(...old.bots));
    expect(Math.min(...fresh.groups)).toBeGreaterThan(Math.max(...old.groups));
    expect(Math.min(...fresh.channels)).toBeGreaterThan(Math.max(...old.channels));
    expect(Math.min(...fresh.uids)).toBeGreaterThan(Math.max(...old.uids));
    await second.stop();

    const third = start(dir);
    await (await third.workspace).stop();
    expect(third.lines.some((line) => line.includes('sandbox world restored'))).toBe(true);
  });

  it('replaces a world file with a broken row the same way', async () => {
    const dir = tempDir();
    const first = await start(dir).workspace;
    const old = idsOf(first);
    await first.stop();
    const db = new Database(join(dir, 'sandbox-world.sqlite'));
    db.prepare("UPDATE rows SET value = '{\"id\": \"not a number\"}' WHERE kind = 'user' AND key = ?").run(String(old.users[0]));
    db.close();

    const second = await start(dir).workspace;
    expect(Math.min(...idsOf(second).users)).toBeGreaterThan(Math.max(...old.users));
    await second.stop();
  });

  it.each([
    ['the world file is damaged', (dir: string) => writeFileSync(join(dir, 'sandbox-world.sqlite'), 'not a database'.repeat(100))],
    ['a world file of a desk before the SQLite one is not JSON', (dir: string) => writeFileSync(join(dir, 'sandbox-world.json'), '{"version": 1, "world": ')],
    ['a world file of a desk before the SQLite one is of another version', (dir: string) => writeFileSync(join(dir, 'sandbox-world.json'), JSON.stringify({ version: 99 }))],
  ])('refuses to start, naming the files and what to do, when %s and no id floors are kept', async (_case, damage) => {
    const dir = tempDir();
    damage(dir);
    await expect(start(dir).workspace).rejects.toThrow(/cannot be read .*sandbox-world\.ids\.json.* is missing or unreadable too\. Move the folder .* away to start a fresh sandbox/);
  });

  it('carries over the world a desk before the SQLite file kept, once', async () => {
    const dir = tempDir();
    const clock = manualClock();
    const world = new SandboxWorld({ clock, seed: SANDBOX_SEED });
    const seeded = seedSandboxWorld(world);
    world.sendMessage({ senderId: seeded.people[0]!.id, conversation: world.privateConversation(seeded.people[0]!.id, seeded.account.id), text: 'from the JSON days' });
    const mtproto = new SandboxMtproto({ world });
    writeFileSync(join(dir, 'sandbox-world.json'), JSON.stringify({ version: 1, savedAt: 0, world: world.snapshot(), mtproto: mtproto.snapshot(), botApi: [], seeded: seededIds(seeded) }));

    const first = await start(dir).workspace;
    expect(first.world.allMessages().some((m) => m.text === 'from the JSON days')).toBe(true);
    await first.stop();
    expect(existsSync(join(dir, 'sandbox-world.json'))).toBe(false);
    expect(existsSync(join(dir, 'sandbox-world.json.imported'))).toBe(true);
    const second = await start(dir).workspace;
    expect(second.world.allMessages().some((m) => m.text === 'from the JSON days')).toBe(true);
    await second.stop();
  });
});

/** Every world-wide id a workspace's world has handed out, by kind. */
function idsOf(workspace: SandboxWorkspace) {
  const users = workspace.world.allUsers();
  const chats = workspace.world.allChats();
  return {
    users: users.filter((u) => !u.isBot).map((u) => u.id),
    bots: users.filter((u) => u.isBot).map((u) => u.id),
    groups: chats.filter((c) => c.kind === 'group').map((c) => c.id),
    channels: chats.filter((c) => c.kind !== 'group').map((c) => c.id),
    uids: workspace.world.allMessages().map((m) => m.uid),
  };
}
