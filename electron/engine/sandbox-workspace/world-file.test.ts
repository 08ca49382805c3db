import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Api } from 'telegram';
import { expect, it } from 'vitest';
import { createLogging } from '../logging/logger';
import { manualClock } from '../platform/clock';
import { collect, inputUser, signedIn, text } from '../telegram/sandbox/mtproto/test-support';
import { useTempDirs } from '../test-support/temp-dir';
import { startSandboxWorkspace } from './sandbox-workspace';

const tempDir = useTempDirs();
const start = (dir: string) => startSandboxWorkspace({ clock: manualClock(), logger: createLogging({ level: 'silent' }).logger, onActivity: () => {}, dir });

/** The folder as a kill -9 would leave it: the files as they are now, with no stop. */
function crashCopy(from: string, to: string): void {
  for (const name of ['sandbox-world.sqlite', 'sandbox-world.sqlite-wal', 'sandbox-world.ids.json']) {
    if (existsSync(join(from, name))) copyFileSync(join(from, name), join(to, name));
  }
}

it('after a crash, getDifference lists exactly the events an account missed, as Telegram keeps them', async () => {
  const live = tempDir();
  const ws = await start(live);
  const { secondAccount: account, people } = ws.seeded;
  const transport = await signedIn(ws.mtproto, account);
  const session = transport.exportSession();
  const seen = (await transport.invoke(new Api.updates.GetState())).pts;
  // The account is gone (its desk crashed) while people write and one message is edited.
  await transport.disconnect();
  const person = people[0]!;
  const sent = ws.world.sendMessage({ senderId: person.id, conversation: ws.world.privateConversation(person.id, account.id), text: 'while you were down' });
  ws.world.editMessage(sent.uid, person.id, { text: 'while you were down (edited)' });

  // The kill comes once this turn of the world is over: by then anyone could have heard of it.
  await new Promise((resolve) => setImmediate(resolve));
  const copy = tempDir();
  crashCopy(live, copy);
  const after = await start(copy);
  const back = after.mtproto.transport({ sessionKey: session });
  await back.connect();
  const difference = await back.invoke(new Api.updates.GetDifference({ pts: seen, date: 0, qts: 0 }));
  expect(difference).toBeInstanceOf(Api.updates.Difference);
  const listed = difference as Api.updates.Difference;
  // Each event as it was at the time: the message as sent, then its edit.
  expect(listed.newMessages.map((m) => (m as Api.Message).message)).toEqual(['while you were down']);
  expect(listed.otherUpdates.map((u) => (u as Api.UpdateEditMessage).message)).toMatchObject([{ message: 'while you were down (edited)' }]);
  expect(listed.state.pts).toBe(seen + 2);

  // The restored door goes on from there, and a reply by the account comes out after it.
  collect(back);
  const reply = await back.invoke(text(inputUser(person), 'back again', 77));
  expect((reply as Api.UpdateShortSentMessage).pts).toBe(seen + 3);
  await after.stop();
  await ws.stop();
});
