import { describe, expect, it } from 'vitest';
import type { SandboxStatus } from '../../shared/domain/sandbox';
import type { Engine } from './engine';
import { systemClock } from './platform/clock';
import { useTempDirs } from './test-support/temp-dir';
import { until } from './test-support/until';
import { testEngine } from './test-support/test-engine';

const tempDir = useTempDirs();

async function value<T>(engine: Engine, method: string, input: unknown): Promise<T> {
  const result = await engine.dispatch(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/** Probes until it finds something (not undefined), through the tests' one wait. */
const found = <T>(probe: () => Promise<T | undefined>, what: string): Promise<T> =>
  until(probe, (value) => value !== undefined, what, 5_000) as Promise<T>;

const statusOf = (engine: Engine) => value<SandboxStatus>(engine, 'sandbox.status', {});

describe('the engine across a restart, in the sandbox workspace', () => {
  it('brings accounts and bots back from encrypted storage, and messages keep arriving once each', async () => {
    const dir = tempDir();
    // Real time: the sandbox world, its Bot API and the account runtimes run on it here.
    const { engine } = testEngine(dir, { clock: systemClock });
    await engine.start();

    const sandbox = await statusOf(engine);
    const support = sandbox.targets.find((t) => t.kind === 'account' && t.password === null)!;
    const bot = sandbox.targets.find((t) => t.kind === 'bot')!;
    const step = await value<{ flowId: string }>(engine, 'accounts.startSignIn', { phone: support.phone });
    const code = (await statusOf(engine)).targets.find((t) => t.id === support.id)!.lastCode!;
    await value(engine, 'accounts.submitCode', { flowId: step.flowId, code });
    await value(engine, 'bots.add', { token: bot.botToken });

    const online = (engine: Engine) =>
      found(async () => {
        const accounts = await value<{ accounts: { state: { status: string } }[] }>(engine, 'accounts.list', {});
        const bots = await value<{ bots: { state: { status: string } }[] }>(engine, 'bots.list', {});
        const all = [...accounts.accounts, ...bots.bots];
        return all.length === 2 && all.every((c) => c.state.status === 'online') ? true : undefined;
      }, 'the account and the bot online');
    await online(engine);

    const person = sandbox.people[0]!;
    const write = (targetId: number, text: string) => value(engine, 'sandbox.act', { personId: person.id, action: 'write', targetId, text });
    await write(support.id, 'before restart, to the account');
    await write(bot.id, 'before restart, to the bot');
    await found(async () => ((await value<{ messages: unknown[] }>(engine, 'messages.recent', {})).messages.length >= 2 ? true : undefined), 'two messages');

    await engine.stop();
    await engine.start();
    await online(engine);
    await write(support.id, 'after restart, to the account');
    await write(bot.id, 'after restart, to the bot');

    const texts = await found(async () => {
      const { messages } = await value<{ messages: { text: string }[] }>(engine, 'messages.recent', {});
      return messages.length >= 4 ? messages.map((m) => m.text).sort() : undefined;
    }, 'four messages');
    expect(texts).toEqual(['after restart, to the account', 'after restart, to the bot', 'before restart, to the account', 'before restart, to the bot']);
    await engine.stop();
  }, 30_000);
});
