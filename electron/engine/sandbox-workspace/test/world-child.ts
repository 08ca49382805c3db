import { createLogging } from '../../logging/logger';
import { systemClock } from '../../platform/clock';
import { startSandboxWorkspace } from '../sandbox-workspace';

/**
 * The sandbox workspace in a child process that world-crash.test.ts kills with SIGKILL: people
 * (now and then someone new) write to the seeded account and bot as fast as the loop turns, and
 * every message the world placed is reported to the parent with the ids it was given (its own,
 * each box's, its sender's), the way a front door hands them out. `run` tells this start's
 * messages apart from the others'.
 */
export type WorldChildReport =
  | { type: 'ready'; botToken: string; botApiRoot: string; accountId: number; botId: number }
  | { type: 'message'; text: string; uid: number; boxIds: [number, number][]; sender: { id: number; name: string } };

// Dies with its runner: a test that failed or was killed leaves no desk behind.
process.on('disconnect', () => process.exit(1));
const [dir, run] = process.argv.slice(2) as [string, string];
const workspace = await startSandboxWorkspace({ clock: systemClock, logger: createLogging({ level: 'silent' }).logger, onActivity: () => {}, dir });
const { world, seeded } = workspace;
world.subscribe((event) => {
  if (event.type !== 'message.new' || event.message.action) return;
  const { text, uid, boxIds, senderId } = event.message;
  const sender = { id: senderId, name: world.user(senderId).lastName };
  // Told as the front doors tell their clients: once the world's current turn is over.
  queueMicrotask(() => process.send!({ type: 'message', text, uid, boxIds: [...boxIds], sender } satisfies WorldChildReport));
});
process.send!({
  type: 'ready',
  botToken: seeded.bot.token,
  botApiRoot: workspace.telegram().botApiRoot!,
  accountId: seeded.account.id,
  botId: seeded.bot.id,
} satisfies WorldChildReport);

let n = 0;
setInterval(() => {
  const text = `run ${run} message ${n}`;
  if (n % 10 === 9) {
    // Someone new: the account learns of them (and their id) from their first message.
    const newcomer = world.addUser({ firstName: 'Newcomer', lastName: `of run ${run}, ${n}` });
    world.sendMessage({ senderId: newcomer.id, conversation: world.privateConversation(newcomer.id, seeded.account.id), text });
  } else {
    const person = seeded.people[n % seeded.people.length]!;
    workspace.act({ personId: person.id, action: 'write', targetId: n % 2 === 0 ? seeded.account.id : seeded.bot.id, text });
  }
  n++;
}, 1);
