import { describe, expect, it } from 'vitest';
import { migratedTo, migrateTo } from './test/migrated-to';

describe('migration 0009-outbox-origin', () => {
  const db = migratedTo(8);
  db.prepare("INSERT INTO outbox (sender_kind, sender_id, kind, payload, state, attempts, created_at, updated_at) VALUES ('account', 1, 'text', '{}', 'failed', 3, 1, 1)").run();
  migrateTo(db, 9);

  it('keeps earlier rows with no origin and counts their attempts as tries', () => {
    expect(db.prepare('SELECT origin_domain, origin_ref, result, tries, attempts FROM outbox').all()).toEqual([
      { origin_domain: null, origin_ref: null, result: null, tries: 3, attempts: 3 },
    ]);
  });

  it('finds a domain’s items by the origin index, and refuses a result that is not JSON', () => {
    const insert = db.prepare(
      "INSERT INTO outbox (sender_kind, sender_id, kind, payload, state, origin_domain, origin_ref, result, created_at, updated_at) VALUES ('account', 1, 'channels.invite', '{}', 'sent', ?, ?, ?, 1, 1)",
    );
    insert.run('invites', '7:1204', '{"data":{"missing":[]}}');
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT id FROM outbox WHERE origin_domain = 'invites' AND origin_ref = '7:1204' ORDER BY id DESC").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING (COVERING )?INDEX outbox_origin/);
    expect(() => insert.run('invites', '7:1205', 'not json')).toThrow(/CHECK constraint/);
  });
});
