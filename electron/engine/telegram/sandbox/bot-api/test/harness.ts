import { Bot } from 'grammy';
import { manualClock } from '../../../../platform/clock';
import { SandboxWorld } from '../../world/world';
import { createBotApiServer, type BotApiServer, type BotApiServerOptions } from '../server';

/** A world with one person and one bot, a running front door, and a grammY bot pointed at it. */
export async function startSandbox(options: Omit<BotApiServerOptions, 'world'> = {}) {
  const clock = manualClock();
  const world = new SandboxWorld({ clock, seed: 7 });
  const alice = world.addUser({ firstName: 'Alice', lastName: 'Doe', username: 'alice' });
  const botUser = world.addBot({ username: 'desk_bot', firstName: 'Desk' });
  const server: BotApiServer = await createBotApiServer({ world, webhookRetry: { firstDelayMs: 20, maxDelayMs: 100 }, ...options });
  const bot = new Bot(botUser.token, { client: { apiRoot: server.url } });
  /** Alice writes to the bot first, so it may answer (Telegram's "press Start"). */
  const aliceWrites = (text: string) => world.sendMessage({ senderId: alice.id, conversation: world.privateConversation(alice.id, botUser.id), text });
  return { clock, world, alice, botUser, server, bot, aliceWrites };
}

export type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

/** Resolves on the first value the predicate accepts, polling briefly; fails after `ms`. */
export async function waitFor<T>(read: () => T | undefined | Promise<T | undefined>, ms = 2_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('waitFor: timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
