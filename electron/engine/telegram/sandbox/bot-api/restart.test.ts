import { Bot } from 'grammy';
import { afterEach, describe, expect, it } from 'vitest';
import { SandboxWorld } from '../world/world';
import { createBotApiServer, type BotApiServer } from './server';
import { startSandbox } from './test/harness';

const servers: BotApiServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** What the sandbox workspace does across a desk restart: snapshot, close, restore, reopen. */
async function restart(world: SandboxWorld, server: BotApiServer) {
  const saved = JSON.parse(JSON.stringify({ world: world.snapshot(), botApi: server.snapshot() })) as { world: unknown; botApi: ReturnType<BotApiServer['snapshot']> };
  await server.close();
  const restored = SandboxWorld.restore(saved.world, { clock: world.clock });
  const reopened = await createBotApiServer({ world: restored, restored: saved.botApi });
  servers.push(reopened);
  return { world: restored, server: reopened };
}

describe('Bot API front door across a restart', () => {
  it('never reuses an update_id: a bot that confirmed offset N gets the new updates after N', async () => {
    const s = await startSandbox();
    servers.push(s.server);
    for (const text of ['one', 'two', 'three']) s.aliceWrites(text);
    const seen = await s.bot.api.getUpdates({ allowed_updates: ['message'] });
    const committed = seen.at(-1)!.update_id + 1;
    await s.bot.api.getUpdates({ offset: committed, timeout: 0 });
    expect(s.server.pendingUpdateCount(s.botUser.id)).toBe(0);

    const after = await restart(s.world, s.server);
    const bot = new Bot(s.botUser.token, { client: { apiRoot: after.server.url } });
    after.world.sendMessage({ senderId: s.alice.id, conversation: after.world.privateConversation(s.alice.id, s.botUser.id), text: 'four' });
    const next = await bot.api.getUpdates({ offset: committed, timeout: 0 });
    expect(next.map((u) => [u.update_id, u.message?.text])).toEqual([[committed, 'four']]);
    // allowed_updates is remembered, as Telegram remembers it.
    after.world.editMessage(after.world.allMessages().at(-1)!.uid, s.alice.id, { text: 'four!' });
    expect(await bot.api.getUpdates({ offset: committed + 1, timeout: 0 })).toEqual([]);
  });

  it('keeps unconfirmed updates, with their ids, for the bot to fetch after the restart', async () => {
    const s = await startSandbox();
    servers.push(s.server);
    s.aliceWrites('waiting');
    const [pending] = await s.bot.api.getUpdates({ timeout: 0 });

    const after = await restart(s.world, s.server);
    const bot = new Bot(s.botUser.token, { client: { apiRoot: after.server.url } });
    const again = await bot.api.getUpdates({ timeout: 0 });
    expect(again).toEqual([pending]);
  });
});
