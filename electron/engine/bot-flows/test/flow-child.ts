import { readUpdateOffset } from '../../bots/store/bot-repo';
import { createBotFlowRouter } from '../router';
import { pingFlow } from './ping-flow';
import { addBot, applyUpdate, batch, message, openFlowsDatabase, person, recordingActions, recordingInbox } from './flows-harness';

/**
 * The commit path of one bot in a child process that crash.test.ts kills with SIGKILL: it takes
 * `/ping <n>` updates from the committed offset on, as Telegram redelivers them, and first
 * delivers the last committed one again, as a lost getUpdates answer would.
 */
export type FlowChildReport = { type: 'applied'; updateId: number; outcome: 'applied' | 'skipped' };

process.on('disconnect', () => process.exit(1));
const [dataDir, totalText] = process.argv.slice(2) as [string, string];
const total = Number(totalText);
const db = openFlowsDatabase(dataDir);
if (db.prepare('SELECT count(*) FROM bots').pluck().get() === 0) addBot(db, 1, ['inbox', 'ping']);
const consumers = [createBotFlowRouter({ flows: [pingFlow()], actions: recordingActions(db), logger: { error: () => undefined } }), recordingInbox];
const ann = person(501);
const update = (id: number) => batch(1, { messages: [{ ...message(1, ann, `/ping ${id}`, { name: 'ping', args: String(id) }), telegramMessageId: id }] });

const from = Math.max(1, readUpdateOffset(db, 1) - 1);
for (let id = from; id <= total; id++) {
  const outcome = applyUpdate(db, id, update(id), consumers);
  process.send!({ type: 'applied', updateId: id, outcome } satisfies FlowChildReport);
  // A turn of the event loop between updates, so the kill may land anywhere, mid-transaction too.
  await new Promise((resolve) => setImmediate(resolve));
}
db.close();
process.exit(0);
