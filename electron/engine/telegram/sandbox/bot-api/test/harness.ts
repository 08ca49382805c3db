import { Bot } from 'grammy';
import { manualClock } from '../../../../platform/clock';
import { SandboxWorld } from '../../world/world';
import { createBotApiServer, type BotApiServer, type BotApiServerOptions } from '../server';
import { until } from '../../../../test-support/until';

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

/** Resolves on the first value that is not undefined; fails after `ms` (through the tests' one wait). */
export function waitFor<T>(read: () => T | undefined | Promise<T | undefined>, ms = 2_000): Promise<T> {
  return until(read, (value) => value !== undefined, 'waitFor', ms) as Promise<T>;
}
