import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { systemClock } from './platform/clock';
import { openWorldFile, readWorldFile } from './sandbox-workspace/world-file';
import { waitFor } from './telegram/sandbox/bot-api/test/harness';
import { readOnly, useDeskChildren } from './test-support/desk-child';
import type { EngineChildCommand } from './test-support/engine-child';
import { useTempDirs } from './test-support/temp-dir';

const tempDir = useTempDirs();
const { startDesk, killUnderTraffic } = useDeskChildren();
const KILLS = 10;

interface DeskRow {
  source_kind: 'account' | 'bot';
  telegram_message_id: number;
  text: string;
}

it('10 kill -9s of a desk engine under sandbox traffic lose, drop or duplicate no incoming message', async () => {
  const dataDir = tempDir();
  const deskFile = join(dataDir, 'sandbox', 'desk.sqlite');
  const worldFile = join(dataDir, 'sandbox', 'sandbox-world.sqlite');

  const written = await killUnderTraffic(dataDir, KILLS);

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

  // Queueing commits with the message that caused it: no chat a person wrote to is left out of every queue and every hand.
  const unqueued = readOnly(deskFile, (db) =>
    db
      .prepare("SELECT title FROM conversations c WHERE assignee_id IS NULL AND queued_at IS NULL AND EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.outgoing = 0 AND m.text LIKE 'run %')")
      .pluck()
      .all(),
  );
  expect(unqueued).toEqual([]);
}, 120_000);
