import { parseArgs } from 'node:util';
import { systemClock } from '../../platform/clock';
import { createBotApiServer, scaleLimits, TELEGRAM_BOT_LIMITS } from './bot-api/index';
import { createScriptedPeople } from './people/scripted-people';
import { seedSandboxWorld } from './people/seed-world';
import { SandboxWorld } from './world/world';

const USAGE = `Usage: npm run sandbox -- [--port N] [--seed N] [--people-every SECONDS] [--limits-factor F]
  Starts the Telegram sandbox alone and prints its Bot API address and a bot token.
  --port N            Bot API port (default 8081; 0 for any free port)
  --seed N            seed of the simulated world (default 20261121)
  --people-every S    simulated people act every S seconds (default: they stay quiet)
  --limits-factor F   multiply Telegram's rate limits by F (default 1)
  --forward PUBLIC=LOCAL
                      webhooks set on the https address PUBLIC are delivered to LOCAL, as a
                      reverse proxy would (repeatable), e.g. https://bot.example.org=http://127.0.0.1:3000`;

/** `npm run sandbox`: the simulated Telegram on its own, for trying any bot against it. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8081' },
      seed: { type: 'string', default: '20261121' },
      'people-every': { type: 'string' },
      'limits-factor': { type: 'string', default: '1' },
      forward: { type: 'string', multiple: true, default: [] },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return void console.log(USAGE);
  const number = (name: string, text: string) => {
    const value = Number(text);
    if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a non-negative number, not "${text}".`);
    return value;
  };

  const world = new SandboxWorld({ clock: systemClock, seed: number('seed', values.seed) });
  const seeded = seedSandboxWorld(world);
  const server = await createBotApiServer({
    world,
    port: number('port', values.port),
    limits: scaleLimits(TELEGRAM_BOT_LIMITS, number('limits-factor', values['limits-factor'])),
  });
  for (const pair of values.forward) {
    const [publicBase, localBase] = pair.split('=');
    if (!publicBase || !localBase || !URL.canParse(publicBase) || !URL.canParse(localBase)) {
      throw new Error(`--forward takes PUBLIC=LOCAL, two URLs, not "${pair}".`);
    }
    server.forwardWebhooks(publicBase, localBase);
  }
  const people = createScriptedPeople(world, seeded);
  if (values['people-every']) {
    people.start(number('people-every', values['people-every']) * 1000, (action) =>
      console.log(`  ${world.user(action.personId).firstName}: ${action.kind} ${action.detail}`),
    );
  }

  console.log(`Telegram sandbox (simulated; nothing reaches real Telegram)
Bot API:   ${server.url}   (grammY: new Bot(token, { client: { apiRoot: '${server.url}' } }))
Bot:       @${seeded.bot.username}  token ${seeded.bot.token}
Accounts:  +${seeded.account.phone} (2FA password "${seeded.account.twoFactor?.password}"), +${seeded.secondAccount.phone}
People:    ${seeded.people.length}, e.g. ${seeded.people.slice(0, 3).map((p) => `${p.firstName} (id ${p.id})`).join(', ')}
Ctrl+C to stop.`);

  const stop = async () => {
    people.stop();
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(`The Telegram sandbox cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
