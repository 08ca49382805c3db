import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Database } from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../electron/engine/db/open-database';
import { assignQueued, assignThese } from '../electron/engine/inbox/assignment/assigner';
import { freeCapacity, loadPool, stampAssigned } from '../electron/engine/inbox/assignment/operator-pool';
import type { TeamPresence } from '../electron/engine/operators/team-ports';
import { table } from './corpus';

const dir = mkdtempSync(join(tmpdir(), 'desk-bench-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const QUEUED = Number(process.env.BENCH_QUEUED ?? 10_000);
const OPERATORS = 20;
const SENDERS = 4;
const CAPACITY = Math.ceil(QUEUED / OPERATORS);
const EVERYONE_ACTIVE: TeamPresence = { presenceOf: () => 'active', inactiveSince: () => null };

/** A desk whose queues hold QUEUED conversations (spread over four bots) and twenty operators with room for all of them. */
function desk(): Database {
  const { db } = openDatabase({ path: join(dir, 'assignment.sqlite'), backupsDir: join(dir, 'backups'), now: () => Date.now(), keepBackups: 1 });
  db.transaction(() => {
    const conversation = db.prepare("INSERT INTO conversations (source_kind, source_id, chat_key, kind, title, last_activity_at, created_at, queued_at) VALUES ('bot', ?, ?, 'private', ?, ?, ?, ?)");
    for (let i = 1; i <= QUEUED; i++) conversation.run((i % SENDERS) + 1, `user:${i}`, `Person ${i}`, i, i, i);
    const operator = db.prepare("INSERT INTO operators (id, name, role, max_chats, auto_assign, created_at) VALUES (?, ?, 'operator', ?, 1, 1)");
    const sender = db.prepare("INSERT INTO operator_senders (operator_id, sender_kind, sender_id) VALUES (?, 'bot', ?)");
    for (let o = 1; o <= OPERATORS; o++) {
      operator.run(`operator:${o}`, `Operator ${o}`, CAPACITY);
      for (let s = 1; s <= SENDERS; s++) sender.run(`operator:${o}`, s);
    }
  })();
  return db;
}

function requeue(db: Database): void {
  db.exec("UPDATE conversations SET assignee_id = NULL, queued_at = id; UPDATE operators SET last_assigned_at = NULL WHERE id != 'operator:local'");
}

/** The same rule the naive way: for every conversation, every operator's open chats counted again. */
function naiveAssign(db: Database, now: number): number {
  const queued = db.prepare('SELECT id, source_kind, source_id FROM conversations WHERE queued_at IS NOT NULL ORDER BY queued_at, id').all() as { id: number; source_kind: string; source_id: number }[];
  const candidates = db.prepare(
    `SELECT o.id, o.max_chats AS capacity, o.last_assigned_at AS lastAssignedAt,
       (SELECT count(*) FROM conversations c WHERE c.assignee_id = o.id AND c.status != 'resolved') AS open
     FROM operators o
     WHERE o.removed_at IS NULL AND o.auto_assign = 1
       AND (o.role = 'admin' OR EXISTS (SELECT 1 FROM operator_senders s WHERE s.operator_id = o.id AND s.sender_kind = ? AND s.sender_id = ?))
     ORDER BY o.id`,
  );
  const take = db.prepare('UPDATE conversations SET assignee_id = ?, queued_at = NULL WHERE id = ? AND assignee_id IS NULL AND queued_at IS NOT NULL');
  let assigned = 0;
  for (const row of queued) {
    const free = (candidates.all(row.source_kind, row.source_id) as { id: string; capacity: number | null; lastAssignedAt: number | null; open: number }[]).filter(
      (o) => EVERYONE_ACTIVE.presenceOf(o.id) === 'active' && freeCapacity(o) > 0,
    );
    free.sort((a, b) => freeCapacity(b) - freeCapacity(a) || (a.lastAssignedAt ?? -1) - (b.lastAssignedAt ?? -1));
    const best = free[0];
    if (!best) continue;
    db.transaction(() => {
      take.run(best.id, row.id);
      stampAssigned(db, best.id, now);
    })();
    assigned++;
  }
  return assigned;
}

const timed = <T>(run: () => T): { ms: number; value: T } => {
  const start = performance.now();
  const value = run();
  return { ms: performance.now() - start, value };
};

const loads = (db: Database) => db.prepare('SELECT count(*) AS n FROM conversations WHERE assignee_id IS NOT NULL GROUP BY assignee_id').pluck().all() as number[];

describe('assignment', () => {
  it(`assigns a queue of ${QUEUED.toLocaleString('en')} among ${OPERATORS} operators: one pass with the team loaded once vs counting everyone per conversation`, () => {
    const db = desk();
    const now = Date.now();
    const ours = timed(() => assignQueued(db, loadPool(db, EVERYONE_ACTIVE), now).length);
    expect(ours.value).toBe(QUEUED);
    expect(loads(db).every((n) => n <= CAPACITY)).toBe(true);

    // Everyone full and the whole queue waiting: what the pass after each stored batch (of 20 new conversations) costs then.
    requeue(db);
    db.exec(`UPDATE operators SET max_chats = 0 WHERE id != 'operator:local'`);
    const passes = 1_000;
    const batch = Array.from({ length: 20 }, (_, i) => QUEUED - i);
    const full = timed(() => {
      for (let i = 0; i < passes; i++) assignThese(db, loadPool(db, EVERYONE_ACTIVE), now, batch);
    });
    // The worst whole-queue pass (after a resolve): one sender's team has room, nobody works the others, so the queue is read to its end.
    db.exec(`UPDATE operators SET max_chats = ${CAPACITY}; DELETE FROM operator_senders WHERE sender_id != 1 OR operator_id != 'operator:1'`);
    db.exec("UPDATE conversations SET queued_at = NULL WHERE source_id = 1; UPDATE operators SET auto_assign = 0 WHERE id != 'operator:1'");
    const wholeQueue = timed(() => assignQueued(db, loadPool(db, EVERYONE_ACTIVE), now).length);
    expect(wholeQueue.value).toBe(0);
    db.exec("UPDATE operators SET auto_assign = 1 WHERE id != 'operator:local'");
    db.prepare("INSERT OR IGNORE INTO operator_senders (operator_id, sender_kind, sender_id) SELECT o.id, 'bot', s.value FROM operators o, json_each('[1,2,3,4]') s WHERE o.id != 'operator:local'").run();

    requeue(db);
    const naive = timed(() => naiveAssign(db, now));
    expect(naive.value).toBe(QUEUED);
    expect(loads(db).every((n) => n <= CAPACITY)).toBe(true);

    const rate = (r: { ms: number }) => `${Math.round(QUEUED / (r.ms / 1000)).toLocaleString('en')} assignments/s (${r.ms.toFixed(0)} ms)`;
    table(`Auto-assignment: ${QUEUED.toLocaleString('en')} queued conversations, ${OPERATORS} operators of capacity ${CAPACITY}, each assignment its own transaction`, [
      ['ours: one pass, the team and their loads read once', rate(ours)],
      ['naive: every operator’s open chats counted per conversation', `${rate(naive)}  → ours is ${(naive.ms / ours.ms).toFixed(1)}×`],
      [`ours: the pass after a stored batch of ${batch.length} while everyone is full (${QUEUED.toLocaleString('en')} waiting)`, `${((full.ms / passes) * 1000).toFixed(0)} µs`],
      [`ours, worst whole-queue pass: room only for a sender with nothing waiting`, `${wholeQueue.ms.toFixed(1)} ms`],
    ]);
    db.close();
  }, 600_000);
});
