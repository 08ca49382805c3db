import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { DeskEvent } from '../../../shared/contract/index';
import { createEventBus } from '../contract/event-bus';
import { migrations } from '../db/migrations/index';
import { migratedTo } from '../db/migrations/test/migrated-to';
import { createDomainEventBus } from '../platform/domain-events';
import { inboxConsumer } from '../inbox/ingest/inbox-consumer';
import { addBot, incoming } from '../inbox/test/messages';
import { noInboundChanges } from '../telegram/inbound/types';
import type { InboundBatch, InboundConsumer } from './inbound';
import { runConsumers, type InboundPipeline } from './run-consumers';

const NOW = Date.UTC(2026, 0, 2);

/** A real SQLite database at the schema with the dead-letter table, a bot, and a table a test domain writes to. */
function setup(consumers: (inbox: InboundConsumer) => InboundConsumer[]) {
  const db = migratedTo(migrations.length);
  addBot(db);
  db.exec('CREATE TABLE domain_rows (note TEXT NOT NULL); CREATE TABLE position (offset INTEGER NOT NULL); INSERT INTO position VALUES (0);');
  const events: DeskEvent[] = [];
  const bus = createEventBus();
  bus.subscribe((batch) => events.push(...batch));
  const errors: string[] = [];
  const logger = pino({ level: 'error' }, { write: (line: string) => void errors.push(line) });
  const inbox = inboxConsumer({ events: bus, domainEvents: createDomainEventBus(() => undefined), logger });
  const list = consumers(inbox);
  const pipeline: InboundPipeline = { consumers: () => list, logger };
  /** One update's transaction: the consumers, then the position, then (after the commit) what they asked for. */
  const deliver = (batch: InboundBatch, offset: number) => {
    const after = db.transaction(() => {
      const after = runConsumers(db, pipeline, batch, NOW);
      db.prepare('UPDATE position SET offset = ?').run(offset);
      return after;
    })();
    after();
    bus.flush();
  };
  const read = () => ({
    offset: db.prepare('SELECT offset FROM position').pluck().get(),
    notes: db.prepare('SELECT note FROM domain_rows ORDER BY rowid').pluck().all(),
    texts: db.prepare('SELECT text FROM messages ORDER BY id').pluck().all(),
  });
  return { db, deliver, read, events, errors };
}

const batchOf = (...texts: string[]): InboundBatch => ({ source: { kind: 'bot', id: 1 }, ...noInboundChanges(), messages: texts.map((t) => incoming(7, t)) });

const writer = (name: string, onConsume?: (batch: InboundBatch) => InboundBatch | void): InboundConsumer => ({
  name,
  consume(batch, { db }) {
    for (const m of batch.messages) db.prepare('INSERT INTO domain_rows VALUES (?)').run(`${name}:${m.text}`);
    return onConsume?.(batch);
  },
});

describe('inbound consumers in the update’s transaction', () => {
  it('runs the consumers in list order; what one takes out of the batch the inbox never stores', () => {
    const { deliver, read, events } = setup((inbox) => [
      writer('first', (batch) => ({ ...batch, messages: batch.messages.filter((m) => !m.text.startsWith('/')) })),
      writer('second'),
      inbox,
    ]);
    deliver(batchOf('/done 12', 'hello'), 5);
    expect(read()).toEqual({ offset: 5, notes: ['first:/done 12', 'first:hello', 'second:hello'], texts: ['hello'] });
    expect(events.filter((e) => e.type === 'messages.received').flatMap((e) => (e.type === 'messages.received' ? e.payload.messages.map((m) => m.text) : []))).toEqual(['hello']);
  });

  it('commits a consumer’s row with the position, and a failed transaction rolls back both', () => {
    let diskFull = true;
    const { deliver, read, events } = setup((inbox) => [
      writer('domain'),
      {
        name: 'flaky',
        consume: () => {
          if (diskFull) throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
        },
      },
      inbox,
    ]);
    expect(() => deliver(batchOf('hi'), 3)).toThrow('database or disk is full');
    expect(read()).toEqual({ offset: 0, notes: [], texts: [] });
    expect(events).toEqual([]);
    diskFull = false;
    deliver(batchOf('hi'), 3);
    expect(read()).toEqual({ offset: 3, notes: ['domain:hi'], texts: ['hi'] });
  });

  it('keeps the batch a consumer failed on in inbound_failures, undoes only its part, and the inbox still stores', () => {
    const { db, deliver, read, errors, events } = setup((inbox) => [
      {
        name: 'broken',
        consume(batch, { db, afterCommit }) {
          db.prepare('INSERT INTO domain_rows VALUES (?)').run('half-done');
          afterCommit(() => db.prepare('INSERT INTO domain_rows VALUES (?)').run('announced'));
          throw new TypeError(`cannot read ${batch.messages.length} things`);
        },
      },
      writer('after'),
      inbox,
    ]);
    deliver(batchOf('a', 'b'), 9);
    expect(read()).toEqual({ offset: 9, notes: ['after:a', 'after:b'], texts: ['a', 'b'] });
    const failures = db.prepare('SELECT consumer, source_kind, source_id, batch, error, failed_at FROM inbound_failures').all() as { batch: string }[];
    expect(failures).toMatchObject([{ consumer: 'broken', source_kind: 'bot', source_id: 1, error: 'TypeError: cannot read 2 things', failed_at: NOW }]);
    expect((JSON.parse(failures[0]!.batch) as InboundBatch).messages.map((m) => m.text)).toEqual(['a', 'b']);
    expect(errors.join('')).toContain('"consumer":"broken"');
    expect(events.some((e) => e.type === 'messages.received')).toBe(true);
  });

  it('rolls the whole update back when a consumer that must succeed fails, whatever the error (the inbox loses nothing)', () => {
    let broken = true;
    const { db, deliver, read } = setup((inbox) => [
      writer('domain'),
      {
        ...inbox,
        consume(batch, ctx) {
          if (broken) throw new TypeError('the inbox could not store this');
          return inbox.consume(batch, ctx);
        },
      },
    ]);
    expect(() => deliver(batchOf('kept'), 4)).toThrow('the inbox could not store this');
    expect(read()).toEqual({ offset: 0, notes: [], texts: [] });
    expect(db.prepare('SELECT count(*) FROM inbound_failures').pluck().get()).toBe(0);
    broken = false;
    deliver(batchOf('kept'), 4);
    expect(read()).toEqual({ offset: 4, notes: ['domain:kept'], texts: ['kept'] });
  });

  it('refuses to run outside the transaction that moves the position', () => {
    const { db, read } = setup((inbox) => [writer('domain'), inbox]);
    expect(() => runConsumers(db, { consumers: () => [writer('domain')], logger: pino({ level: 'silent' }) }, batchOf('alone'), NOW)).toThrow('inside the transaction');
    expect(read()).toEqual({ offset: 0, notes: [], texts: [] });
  });

  it('runs after-commit work only once the transaction has committed, and one that throws does not stop the rest', () => {
    const seen: string[] = [];
    const { db, deliver, errors } = setup(() => [
      {
        name: 'announcer',
        consume(_batch, { db, afterCommit }) {
          afterCommit(() => seen.push(`in transaction: ${db.inTransaction}`));
          afterCommit(() => {
            throw new Error('the window is gone');
          });
          afterCommit(() => seen.push('still runs'));
        },
      },
    ]);
    deliver(batchOf('x'), 1);
    expect(seen).toEqual(['in transaction: false', 'still runs']);
    expect(errors.join('')).toContain('the window is gone');
    expect(db.inTransaction).toBe(false);
  });
});
