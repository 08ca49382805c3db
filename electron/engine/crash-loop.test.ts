import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { systemClock } from './platform/clock';
import { openWorldFile, readWorldFile } from './sandbox-workspace/world-file';
import { waitFor } from './telegram/sandbox/bot-api/test/harness';
import type { EngineChildCommand, EngineChildReport } from './test-support/engine-child';
import { useTempDirs } from './test-support/temp-dir';

const tempDir = useTempDirs();
const children: ChildProcess[] = [];
afterEach(() => {
  // A failed run leaves no child behind.
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});
const CHILD = fileURLToPath(new URL('./test-support/engine-child.ts', import.meta.url));
const KILLS = 10;

interface DeskRow {
  source_kind: 'account' | 'bot';
  telegram_message_id: number;
  text: string;
}

function startDesk(dataDir: string, run: number, mode: 'traffic' | 'quiet') {
  const child = fork(CHILD, [dataDir, String(run), mode], { execArgv: ['--import', 'jiti/register'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  children.push(child);
  const state = { ready: false, wrote: 0 };
  child.on('message', (report: EngineChildReport) => {
    if (report.type === 'ready') state.ready = true;
    else state.wrote = report.count;
  });
  return { child, state, exited: once(child, 'exit') };
}

/** Reads with its own connection and closes it: the desk (or the sandbox) may be writing meanwhile. */
function readOnly<T>(path: string, read: (db: Database.Database) => T): T {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

it('10 kill -9s of a desk engine under sandbox traffic lose, drop or duplicate no incoming message', async () => {
  const dataDir = tempDir();
  const deskFile = join(dataDir, 'sandbox', 'desk.sqlite');
  const worldFile = join(dataDir, 'sandbox', 'sandbox-world.sqlite');
  const written: number[] = [];

  for (let run = 0; run < KILLS; run++) {
    const desk = startDesk(dataDir, run, 'traffic');
    await waitFor(() => (desk.state.ready || desk.child.exitCode !== null ? true : undefined), 30_000);
    expect(desk.child.exitCode).toBeNull();
    // A moment drawn afresh each run: after some writes the sandbox accepted, mid-traffic.
    const killAfter = 1 + Math.floor(Math.random() * 30);
    await waitFor(() => (desk.state.wrote >= killAfter ? true : undefined), 20_000);
    desk.child.kill('SIGKILL');
    await desk.exited;
    written.push(desk.state.wrote);
  }

  // The last start: no traffic; the desk catches up on what it missed, then stops cleanly.
  const desk = startDesk(dataDir, KILLS, 'quiet');
  await waitFor(() => (desk.state.ready ? true : undefined), 30_000);
  const trafficTexts = (db: Database.Database) => db.prepare("SELECT value FROM rows WHERE kind = 'message' AND value LIKE '%\"text\":\"run %'").all().length;
  const deskTexts = (db: Database.Database) => db.prepare("SELECT COUNT(DISTINCT text) FROM messages WHERE outgoing = 0 AND text LIKE 'run %'").pluck().get() as number;
  // Past the wait, the comparison below names what is missing.
  await waitFor(() => (readOnly(deskFile, deskTexts) >= readOnly(worldFile, trafficTexts) ? true : undefined), 20_000).catch(() => undefined);
  desk.child.send({ type: 'stop' } satisfies EngineChildCommand);
  await desk.exited;

  // The sandbox's own record: every message people wrote, and the id its recipient saw it by.
  const file = openWorldFile(worldFile);
  const restored = readWorldFile(file, systemClock)!;
  file.close();
  const world = restored.world;
  const sent = world.allMessages().filter((m) => m.text.startsWith('run ') && m.conversation.kind === 'private');
  const rows = readOnly(deskFile, (db) => db.prepare("SELECT source_kind, telegram_message_id, text FROM messages WHERE outgoing = 0 AND text LIKE 'run %'").all() as DeskRow[]);

  expect(sent.length).toBeGreaterThanOrEqual(written.reduce((a, b) => a + b, 0));
  const problems: string[] = [];
  for (const message of sent) {
    const recipient = message.conversation.kind === 'private' ? message.conversation.userIds.find((id) => id !== message.senderId)! : 0;
    const expected = { source_kind: world.user(recipient).isBot ? 'bot' : 'account', telegram_message_id: message.boxIds.get(recipient), text: message.text };
    const copies = rows.filter((row) => row.text === message.text);
    if (copies.length === 0) problems.push(`lost: "${message.text}"`);
    else if (copies.length > 1) problems.push(`duplicated ${copies.length} times: "${message.text}"`);
    else if (copies[0]!.source_kind !== expected.source_kind || copies[0]!.telegram_message_id !== expected.telegram_message_id) {
      problems.push(`stored as ${JSON.stringify(copies[0])}, sent as ${JSON.stringify(expected)}`);
    }
  }
  const known = new Set(sent.map((m) => m.text));
  for (const row of rows) if (!known.has(row.text)) problems.push(`stored, but the sandbox never sent it: "${row.text}"`);
  expect(problems).toEqual([]);
}, 120_000);
