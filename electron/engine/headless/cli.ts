import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createEngine } from '../engine';
import { logProcessFaults } from '../logging/process-faults';
import { systemClock } from '../platform/clock';
import { defaultDataDir } from '../platform/default-data-dir';
import { silentNotifier } from '../platform/notifier';
import { restrictNewFilesToOwner } from '../platform/private-files';
import { fileSecretKeyProvider, HEADLESS_KEY_FILE } from '../secrets/secret-key';
import { jsonFileSettingsStore } from '../settings/json-file-settings';
import { DESK_VERSION } from '../version';
import { isLoopback, startHeadlessServer } from './server';

const USAGE = `Usage: npm run headless -- [--data-dir DIR] [--port N] [--host ADDRESS] [--allow-remote]
  --data-dir DIR   where the database, logs and backups live (default: ${defaultDataDir()}; env DESK_DATA_DIR)
  --port N         port to listen on, 0 for any free port (default 47800; env DESK_PORT)
  --host ADDRESS   address to bind (default 127.0.0.1); anything but loopback needs --allow-remote
  --exit-with-stdin  stop when standard input closes (for a program that starts the desk, so it ends with it)`;

/** Headless mode: the engine and the built window served on loopback, no Electron involved. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      'allow-remote': { type: 'boolean', default: false },
      'exit-with-stdin': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return void console.log(USAGE);
  // better-sqlite3's prebuilt engine needs Node 22+; under older Node it crashes outright.
  if (Number(process.versions.node.split('.')[0]) < 22) {
    throw new Error(
      `Node ${process.version} is too old for the database engine (Node 22 or newer is needed). Start it with "npm run headless", which uses the Node 22 installed with the project.`,
    );
  }

  restrictNewFilesToOwner();
  const dataDir = values['data-dir'] ?? process.env.DESK_DATA_DIR ?? defaultDataDir();
  const port = Number(values.port ?? process.env.DESK_PORT ?? 47800);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a number from 0 to 65535, not "${values.port}".`);

  const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url));
  const engine = createEngine({
    dataDir,
    secretKeys: fileSecretKeyProvider(join(dataDir, HEADLESS_KEY_FILE)),
    clock: systemClock,
    notifier: silentNotifier,
    settingsStore: jsonFileSettingsStore(join(dataDir, 'settings.json'), (problem) => console.error(problem)),
    mode: 'headless',
    version: DESK_VERSION,
    logToConsole: true,
    rendererDir,
  });
  logProcessFaults(engine.logger);
  await engine.start();

  const server = await startHeadlessServer({
    engine,
    logger: engine.logger,
    rendererDir,
    host: values.host,
    port,
    allowRemote: values['allow-remote'],
  }).catch(async (error: unknown) => {
    await engine.stop();
    throw error;
  });

  const input = createInterface({ input: process.stdin });
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Stopping (${signal})…`);
    input.close();
    await server.close();
    await engine.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  if (!isLoopback(values.host)) {
    const bar = '!'.repeat(78);
    console.error(`${bar}\n!! WARNING: headless mode is listening on ${server.origin}, reachable from the network.\n!! Anyone with a sign-in link can operate every account and bot of this desk.\n${bar}`);
  }
  console.log(`Telegram Operator Desk ${DESK_VERSION} (headless), data in ${dataDir}`);
  console.log(`Open ${server.issueLoginUrl()}`);
  console.log('That link works once. Press Enter here for a new one; Ctrl+C to stop.');

  input.on('line', () => console.log(`Open ${server.issueLoginUrl()}`));
  // Closed standard input means whoever started us is gone (even killed outright): stop with it.
  if (values['exit-with-stdin']) input.on('close', () => void shutdown('standard input closed'));
}

main().catch((error: unknown) => {
  console.error(`Telegram Operator Desk cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
