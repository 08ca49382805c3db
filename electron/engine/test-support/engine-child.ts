import type { SandboxStatus } from '../../../shared/domain/sandbox';
import { systemClock } from '../platform/clock';
import { TALLY, tallyDomain } from './tally-domain';
import { testEngine } from './test-engine';

/**
 * A whole desk engine in the sandbox workspace, in a child process that crash-loop.test.ts
 * kills with SIGKILL. On its first start it signs in the sandbox's account and adds its bot;
 * on every start it waits for both to be online and says so. With `traffic`, simulated people
 * then write to the account and the bot (through the sandbox console's own call) as fast as
 * the loop turns, reporting each write the sandbox accepted; without it, it only runs until
 * told to stop.
 */
export type EngineChildReport = { type: 'ready' } | { type: 'wrote'; count: number };
/** `tally` adds the throwaway domain (tally-domain.ts) and makes some of the bot's traffic its commands. */
export type EngineChildDomains = 'desk' | 'tally';
export type EngineChildCommand = { type: 'stop' };

// Dies with its runner: a test that failed or was killed leaves no desk behind.
process.on('disconnect', () => process.exit(1));
const [dataDir, run, mode, domains = 'desk'] = process.argv.slice(2) as [string, string, 'traffic' | 'quiet', EngineChildDomains?];
const withTally = domains === 'tally';
const { engine } = testEngine(dataDir, { clock: systemClock, logLevel: 'warn', extraDomains: withTally ? [tallyDomain] : [] });

async function call<T>(method: string, input: unknown): Promise<T> {
  const result = await engine.dispatch(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/** Resolves once the account and the bot are both online, looking again at each change the engine announces. */
function online(): Promise<void> {
  return new Promise((resolve, reject) => {
    const look = async () => {
      const { accounts } = await call<{ accounts: { state: { status: string } }[] }>('accounts.list', {});
      const { bots } = await call<{ bots: { state: { status: string } }[] }>('bots.list', {});
      if (accounts.length !== 1 || bots.length !== 1 || ![...accounts, ...bots].every((c) => c.state.status === 'online')) return;
      stopWatching();
      resolve();
    };
    const stopWatching = engine.subscribe((batch) => {
      if (batch.some((event) => event.type === 'accounts.changed' || event.type === 'bots.changed')) look().catch(reject);
    });
    look().catch(reject);
  });
}

await engine.start();
const status = await call<SandboxStatus>('sandbox.status', {});
const account = status.targets.find((t) => t.kind === 'account' && t.password === null)!;
const bot = status.targets.find((t) => t.kind === 'bot')!;
if ((await call<{ accounts: unknown[] }>('accounts.list', {})).accounts.length === 0) {
  const step = await call<{ flowId: string }>('accounts.startSignIn', { phone: account.phone });
  const code = (await call<SandboxStatus>('sandbox.status', {})).targets.find((t) => t.id === account.id)!.lastCode!;
  await call('accounts.submitCode', { flowId: step.flowId, code });
  const added = await call<{ id: number }>('bots.add', { token: bot.botToken });
  if (withTally) {
    await call('botFlows.setRoles', { botId: added.id, roles: ['inbox', TALLY] });
    const { accounts } = await call<{ accounts: { id: number }[] }>('accounts.list', {});
    await call('outbox.setDailyCap', { accountId: accounts[0]!.id, action: 'contact_import', cap: null });
  }
}
await online();
process.send!({ type: 'ready' } satisfies EngineChildReport);
process.on('message', (command: EngineChildCommand) => {
  if (command.type === 'stop') void engine.stop().then(() => process.exit(0));
});

if (mode === 'traffic') {
  let count = 0;
  for (;;) {
    const person = status.people[count % status.people.length]!;
    const targetId = count % 2 === 0 ? account.id : bot.id;
    const other = status.people[(count + 1) % status.people.length]!;
    const text =
      withTally && targetId === bot.id && count % 3 === 1 && other.phone ? `/tally r${run}m${count} ${other.phone}` : `run ${run}, message ${count} from ${person.name}`;
    await call('sandbox.act', { personId: person.id, action: 'write', targetId, text });
    process.send!({ type: 'wrote', count: ++count } satisfies EngineChildReport);
    await new Promise((resolve) => setImmediate(resolve));
  }
}
