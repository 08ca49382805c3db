import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { cachedStatement } from './statements';

const open: Database.Database[] = [];
afterEach(() => open.splice(0).forEach((db) => db.close()));
const memory = () => {
  const db = new Database(':memory:');
  open.push(db);
  db.exec('CREATE TABLE t (v INTEGER)');
  return db;
};

describe('cachedStatement', () => {
  it('prepares a SQL text once per database and keeps working after writes', () => {
    const a = memory();
    const b = memory();
    const insert = cachedStatement(a, 'INSERT INTO t (v) VALUES (?)');
    expect(cachedStatement(a, 'INSERT INTO t (v) VALUES (?)')).toBe(insert);
    expect(cachedStatement(b, 'INSERT INTO t (v) VALUES (?)')).not.toBe(insert);
    insert.run(1);
    cachedStatement(a, 'INSERT INTO t (v) VALUES (?)').run(2);
    expect(cachedStatement(a, 'SELECT sum(v) FROM t').pluck().get()).toBe(3);
    expect(cachedStatement(b, 'SELECT count(*) FROM t').pluck().get()).toBe(0);
  });
});
