import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Bot } from 'grammy';
import { describe, expect, it, vi } from 'vitest';
import { createLogging } from '../logging/logger';
import { manualClock } from '../platform/clock';
import { seedSandboxWorld } from '../telegram/sandbox/people/seed-world';
import { SandboxWorld } from '../telegram/sandbox/world/world';
import { useTempDirs } from '../test-support/temp-dir';
import { SANDBOX_SEED, startSandboxWorkspace, type SandboxWorkspace } from './sandbox-workspace';

const tempDir = useTempDirs();

function start(dir: string) {
  const logging = createLogging({ level: 'info' });
  const lines: string[] = [];
  logging.addSink((_entry, line) => lines.push(line));
  const stateFile = join(dir, 'sandbox-world.json');
  const workspace = startSandboxWorkspace({ clock: manualClock(), logger: logging.logger, onActivity: () => {}, stateFile });
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

  it('saves a moment after a change, without waiting for stop, and leaves no timer behind', async () => {
    const dir = tempDir();
    const timersBefore = timers();
    const { workspace, stateFile } = start(dir);
    const ws = await workspace;
    ws.act({ personId: ws.seeded.people[0]!.id, action: 'write', targetId: ws.seeded.account.id, text: 'kept without a stop' });
    await vi.waitFor(() => expect(readFileSync(stateFile, 'utf8')).toContain('kept without a stop'), { timeout: 10_000, interval: 50 });
    ws.act({ personId: ws.seeded.people[0]!.id, action: 'write', targetId: ws.seeded.account.id, text: 'just before stop' });
    await ws.stop();
    expect(timers()).toBeLessThanOrEqual(timersBefore);
    expect(readFileSync(stateFile, 'utf8')).toContain('just before stop');
  });

  it.each([
    ['not JSON', '{"version": 1, "world": '],
    ['of another version', JSON.stringify({ version: 99 })],
  ])('starts a fresh world when the saved one is %s, keeping the file aside', async (_case, content) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'sandbox-world.json'), content);
    const { workspace, lines, stateFile } = start(dir);
    const ws = await workspace;

    const fresh = new SandboxWorld({ clock: manualClock(), seed: SANDBOX_SEED });
    seedSandboxWorld(fresh);
    expect(ws.world.allMessages()).toHaveLength(fresh.allMessages().length);
    const aside = readdirSync(dir).filter((name) => name.startsWith('sandbox-world.json.broken-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0]!), 'utf8')).toBe(content);
    expect(lines.some((line) => line.includes('could not be read') && line.includes(aside[0]!))).toBe(true);
    await ws.stop();

    expect(existsSync(stateFile)).toBe(true);
    const again = start(dir);
    await (await again.workspace).stop();
    expect(again.lines.some((line) => line.includes('sandbox world restored'))).toBe(true);
  });
});
