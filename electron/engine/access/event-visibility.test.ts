import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { DeskEvent } from '../../../shared/contract/index';
import { createEventCutter } from './event-visibility';

/** The few columns the cut reads, in a store that counts what it is asked. */
function countingStore() {
  const statements: string[] = [];
  const db = new Database(':memory:', { verbose: (sql) => statements.push(String(sql)) });
  db.exec(`
    CREATE TABLE operators (id TEXT PRIMARY KEY, role TEXT NOT NULL, removed_at INTEGER);
    CREATE TABLE operator_senders (operator_id TEXT NOT NULL, sender_kind TEXT NOT NULL, sender_id INTEGER NOT NULL);
    CREATE TABLE conversations (id INTEGER PRIMARY KEY, assignee_id TEXT, source_kind TEXT NOT NULL, source_id INTEGER NOT NULL);
    INSERT INTO operators VALUES ('operator:a', 'operator', NULL), ('operator:b', 'operator', NULL), ('operator:gone', 'operator', 5), ('operator:local', 'admin', NULL);
    INSERT INTO operator_senders VALUES ('operator:a', 'account', 1), ('operator:b', 'account', 2), ('operator:gone', 'account', 1);
    INSERT INTO conversations VALUES (1, 'operator:a', 'account', 1), (2, 'operator:b', 'account', 2), (3, NULL, 'account', 1);
  `);
  statements.length = 0;
  return { db, statements };
}

const message = (id: number, conversationId: number) => ({ id, conversationId }) as never;
const messages = (...list: [number, number][]): DeskEvent => ({ type: 'inbox.messagesChanged', payload: { messages: list.map(([id, c]) => message(id, c)) } });
const operator = (actor: string) => ({ actor, role: 'operator' as const });
const failOnError = (error: unknown) => {
  throw error;
};
const conversationLookups = (statements: string[]) => statements.filter((sql) => sql.includes('FROM conversations WHERE id IN')).length;

describe('cutting a batch of events per viewer', () => {
  it('looks the batch’s conversations up once for every viewer, and each viewer’s access once per batch', () => {
    const { db, statements } = countingStore();
    const cut = createEventCutter(() => db, failOnError);
    const batch = [messages([10, 1], [20, 2], [30, 3], [11, 1])];

    expect(cut(batch, operator('operator:a'))).toEqual([messages([10, 1], [30, 3], [11, 1])]);
    expect(cut(batch, operator('operator:b'))).toEqual([messages([20, 2])]);
    expect(cut(batch, operator('operator:a'))).toBe(cut(batch, operator('operator:a')));
    expect(conversationLookups(statements)).toBe(1);
    expect(statements.filter((sql) => sql.includes('FROM operator_senders')).length).toBe(2);

    cut([messages([40, 3])], operator('operator:a'));
    expect(conversationLookups(statements)).toBe(2);
  });

  it('tells an operator about colleagues’ presence and load but not which accounts and bots they work', () => {
    const { db } = countingStore();
    const cut = createEventCutter(() => db, failOnError);
    const profile = (id: string, senderId: number) => ({ id, name: id, presence: 'active', senders: [{ kind: 'account', id: senderId }] });
    const batch = [{ type: 'operators.changed', payload: { operators: [profile('operator:a', 1), profile('operator:b', 2)] } } as DeskEvent];
    expect(cut(batch, operator('operator:a'))).toEqual([
      { type: 'operators.changed', payload: { operators: [profile('operator:a', 1), { ...profile('operator:b', 2), senders: [] }] } },
    ]);
    expect(cut(batch, { actor: 'operator:local', role: 'admin' })).toBe(batch);
  });

  it('gives a removed or unknown operator nothing, an admin the batch itself', () => {
    const { db } = countingStore();
    const cut = createEventCutter(() => db, failOnError);
    const batch = [messages([10, 1]), { type: 'system.notice', payload: { level: 'info', message: 'hi' } } as DeskEvent];
    expect(cut(batch, operator('operator:gone'))).toEqual([]);
    expect(cut(batch, operator('operator:nobody'))).toEqual([]);
    expect(cut(batch, { actor: 'operator:local', role: 'admin' })).toBe(batch);
  });

  it('while the engine is stopped, gives operators only what the whole team gets', () => {
    const cut = createEventCutter(() => null, failOnError);
    const notice = { type: 'system.notice', payload: { level: 'info', message: 'restarting' } } as DeskEvent;
    const batch = [messages([10, 1]), notice, { type: 'logs.appended', payload: { entries: [] } } as DeskEvent];
    expect(cut(batch, operator('operator:a'))).toEqual([notice]);
    expect(cut(batch, { actor: 'operator:local', role: 'admin' })).toBe(batch);
  });

  it('withholds a batch from an operator when their part cannot be told, and says why', () => {
    const broken = { prepare: () => { throw new Error('database is locked'); } } as unknown as Database.Database;
    const errors: string[] = [];
    const cut = createEventCutter(() => broken, (error, viewer) => errors.push(`${viewer.actor}: ${(error as Error).message}`));
    expect(cut([messages([10, 1])], operator('operator:a'))).toEqual([]);
    expect(errors).toEqual(['operator:a: database is locked']);
  });
});
