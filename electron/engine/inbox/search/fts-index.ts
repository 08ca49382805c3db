import type { Database, Statement } from 'better-sqlite3';

const statements = new WeakMap<Database, Statement>();

/**
 * Adds newly stored messages to the search index in one statement per batch (the schema has
 * no insert trigger on purpose: see migration 0003). Every path that inserts into `messages`
 * calls this inside the same transaction, so a message is never stored unindexed.
 */
export function indexNewMessages(db: Database, messageIds: readonly number[]): void {
  if (messageIds.length === 0) return;
  let statement = statements.get(db);
  if (!statement) {
    statement = db.prepare('INSERT INTO messages_fts (rowid, text) SELECT id, text FROM messages WHERE id IN (SELECT value FROM json_each(?))');
    statements.set(db, statement);
  }
  statement.run(JSON.stringify(messageIds));
}
