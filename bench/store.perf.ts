import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../electron/engine/db/open-database';
import { startWalCheckpointer } from '../electron/engine/db/wal-checkpointer';
import { storeIncoming } from '../electron/engine/inbox/ingest/store-incoming';
import { inboxConsumer } from '../electron/engine/inbox/ingest/inbox-consumer';
import type { InboundConsumer } from '../electron/engine/inbound/inbound';
import { runConsumers } from '../electron/engine/inbound/run-consumers';
import { createBotFlowRouter } from '../electron/engine/bot-flows/router';
import { createEventBus } from '../electron/engine/contract/event-bus';
import { createDomainEventBus } from '../electron/engine/platform/domain-events';
import { noInboundChanges } from '../electron/engine/telegram/inbound/types';
import { searchMessages } from '../electron/engine/inbox/search/search';
import { adminCall } from '../electron/engine/test-support/call-context';
import type { PendingIncoming } from '../electron/engine/messages/message-repo';
import { messageCorpus, percentile, table } from './corpus';

const dir = mkdtempSync(join(tmpdir(), 'desk-bench-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function open(name: string) {
  return openDatabase({ path: join(dir, `${name}.sqlite`), backupsDir: join(dir, 'backups'), now: () => Date.now(), keepBackups: 1 }).db;
}

const BATCH = 2000;
const INGEST = Number(process.env.BENCH_INGEST ?? 200_000);
const NAIVE = Number(process.env.BENCH_NAIVE ?? 10_000);
const SEARCH_ROWS = Number(process.env.BENCH_SEARCH_ROWS ?? 1_000_000);

const SOURCE = { kind: 'account', id: 1 } as const;

/** The desk's real ingest path: messages, their conversations, unread counts and the FTS index. */
function store(db: ReturnType<typeof open>, messages: PendingIncoming[]): void {
  storeIncoming(db, SOURCE, { messages, edits: [], deletions: [] }, Date.now());
}

/**
 * The same messages through the inbound pipeline as updates reach it: the bot-flow router, a
 * domain's consumer and the inbox, each in its own savepoint (announcements after the commit are
 * left out here as in `store`).
 */
function pipelineStore(): (db: ReturnType<typeof open>, messages: PendingIncoming[]) => void {
  const logger = pino({ level: 'silent' });
  const counted: InboundConsumer = { name: 'domain', consume: (batch) => void batch.messages.filter((m) => m.text.startsWith('/')).length };
  const inbox = inboxConsumer({ events: createEventBus(), domainEvents: createDomainEventBus(() => undefined), logger });
  const pipeline = { consumers: () => [createBotFlowRouter({ flows: [], actions: NO_ACTIONS, logger }), counted, inbox], logger };
  return (db, messages) => void runConsumers(db, pipeline, { source: SOURCE, ...noInboundChanges(), messages }, Date.now());
}

const NO_ACTIONS = { message: () => undefined, edit: () => undefined, answerCallback: () => undefined };

/** Times the store alone: building the corpus (messages arrive already parsed) is not counted. */
function ingestBatched(db: ReturnType<typeof open>, messages: Iterable<PendingIncoming>, write = store): number {
  let storing = 0;
  let batch: PendingIncoming[] = [];
  let count = 0;
  const flush = () => {
    const start = performance.now();
    db.transaction(() => write(db, batch))();
    storing += performance.now() - start;
    count += batch.length;
    batch = [];
  };
  for (const message of messages) {
    batch.push(message);
    if (batch.length === BATCH) flush();
  }
  if (batch.length) flush();
  // What the checkpoint thread has not copied yet is copied now, on the clock.
  const start = performance.now();
  db.pragma('wal_checkpoint(TRUNCATE)');
  storing += performance.now() - start;
  return count / (storing / 1000);
}

/** The store as the desk runs it (`open-store.ts`): WAL checkpoints on their own thread, the engine's only as a safety net. */
async function withCheckpointThread<T>(name: string, run: (db: ReturnType<typeof open>) => T): Promise<T> {
  const db = open(name);
  const checkpointer = startWalCheckpointer(db.name, (message) => console.error(`checkpoint thread: ${message}`));
  db.pragma('wal_autocheckpoint = 65536');
  try {
    return run(db);
  } finally {
    await checkpointer.stop();
  }
}

describe('store benchmarks', () => {
  it('ingest: stored and indexed incoming messages per second, batched vs one transaction each', async () => {
    const batched = await withCheckpointThread('ingest-batched', (db) => ingestBatched(db, messageCorpus(INGEST, 1)));
    // The same corpus through the consumers (what an account's update batch goes through).
    const piped = await withCheckpointThread('ingest-pipeline', (db) => ingestBatched(db, messageCorpus(INGEST, 1), pipelineStore()));
    // The same volume into 50 busy chats: fewer conversations to update per batch.
    const busy = await withCheckpointThread('ingest-busy', (db) => ingestBatched(db, messageCorpus(INGEST, 5, 50)));
    // Checkpoints on the engine's own thread, every 8,192 pages (what `openDatabase` alone sets).
    const selfCheckpointing = ingestBatched(open('ingest-self-checkpointing'), messageCorpus(INGEST, 1));
    const naiveRate = (db: ReturnType<typeof open>, seed: number) => {
      const messages = [...messageCorpus(NAIVE, seed)];
      const start = performance.now();
      for (const message of messages) db.transaction(() => store(db, [message]))();
      return NAIVE / ((performance.now() - start) / 1000);
    };
    // The naive way: SQLite as it comes (rollback journal, synchronous=FULL), a transaction per message.
    const defaultsDb = open('ingest-naive-defaults');
    defaultsDb.pragma('journal_mode = DELETE');
    defaultsDb.pragma('synchronous = FULL');
    const naive = naiveRate(defaultsDb, 2);
    // Our pragmas, still one transaction per message: what batching alone buys.
    const naiveWal = naiveRate(open('ingest-naive-wal'), 4);
    table('Ingest: stored, conversations updated and FTS5-indexed (real file)', [
      [`ours: WAL, ${BATCH} per transaction, spread over 5,000 chats (${INGEST.toLocaleString('en')} msgs)`, `${Math.round(batched).toLocaleString('en')} msg/s`],
      [`ours through the inbound pipeline (flow router, a domain, the inbox)`, `${Math.round(piped).toLocaleString('en')} msg/s  → direct store ÷ pipeline = ${(batched / piped).toFixed(2)}×`],
      [`ours: the same into 50 busy chats`, `${Math.round(busy).toLocaleString('en')} msg/s`],
      [`ours, 5,000 chats, checkpoints on the engine's thread`, `${Math.round(selfCheckpointing).toLocaleString('en')} msg/s  → the thread gives ${(batched / selfCheckpointing).toFixed(2)}×`],
      [`naive: SQLite defaults, one per transaction (${NAIVE.toLocaleString('en')})`, `${Math.round(naive).toLocaleString('en')} msg/s  → ours is ${(batched / naive).toFixed(1)}×`],
      [`WAL, one per transaction (${NAIVE.toLocaleString('en')})`, `${Math.round(naiveWal).toLocaleString('en')} msg/s  → ours is ${(batched / naiveWal).toFixed(1)}×`],
    ]);
    expect(batched).toBeGreaterThan(0);
  }, 600_000);

  it('search: FTS5 over a million messages vs a LIKE scan', () => {
    const db = open('search');
    const rate = ingestBatched(db, messageCorpus(SEARCH_ROWS, 3));
    db.pragma('wal_checkpoint(TRUNCATE)');
    const fts = db.prepare('SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid DESC LIMIT 50');
    const like = db.prepare("SELECT id FROM messages WHERE text LIKE ? ESCAPE '\\' ORDER BY id DESC LIMIT 50");

    // Operators search for the specific: an order number, a rare pair of words.
    const rare = Array.from({ length: 200 }, (_, i) => `${1000 + ((i * 37) % 9000)}`);
    const common = ['заказ', 'доставка курьер', 'refund', 'order payment', 'скриншот'];
    const time = (run: () => unknown, times: number) => {
      const ms: number[] = [];
      for (let i = 0; i < times; i++) {
        const start = performance.now();
        run();
        ms.push(performance.now() - start);
      }
      return ms.sort((a, b) => a - b);
    };
    const ftsRare = time(() => fts.all(`"${rare[Math.floor(Math.random() * rare.length)]}"`), 400);
    const likeRare = time(() => like.all(`%#${rare[Math.floor(Math.random() * rare.length)]}%`), 30);
    const ftsCommon = time(() => fts.all(common.map((c) => c.split(' ').map((w) => `"${w}"*`).join(' '))[Math.floor(Math.random() * common.length)]!), 200);
    // What the operator's search box runs: the same index plus snippets and conversation titles for the page.
    const appCommon = time(() => searchMessages(db, common[Math.floor(Math.random() * common.length)]!, 50, adminCall()), 200);
    const hits = fts.all('"4821"').length;

    const row = (name: string, ms: number[]) => [name, `p50 ${percentile(ms, 50).toFixed(2)} ms   p95 ${percentile(ms, 95).toFixed(2)} ms`] as [string, string];
    table(`Search over ${SEARCH_ROWS.toLocaleString('en')} stored messages (filled at ${Math.round(rate).toLocaleString('en')} msg/s)`, [
      row('FTS5, order number', ftsRare),
      row('LIKE scan, order number', likeRare),
      ['ratio at p50 / p95', `${(percentile(likeRare, 50) / percentile(ftsRare, 50)).toFixed(0)}× / ${(percentile(likeRare, 95) / percentile(ftsRare, 95)).toFixed(0)}×`],
      row('FTS5, common words (prefix)', ftsCommon),
      row('the desk\'s search, common words (50 hits with snippets)', appCommon),
      ['hits for "4821" (newest 50 max)', String(hits)],
    ]);
    expect(hits).toBeGreaterThan(0);
  }, 900_000);
});
