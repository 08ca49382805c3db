import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test-support/temp-dir';
import { inboxHarness, openInboxDb } from '../test/inbox-harness';
import { addBot, incoming, ingest } from '../test/messages';
import { ftsQuery } from './fts-query';

const tempDir = useTempDirs();

describe('search', () => {
  it('quotes every word as a prefix term, so operators and quotes are only text', () => {
    expect(ftsQuery('Привет world')).toBe('"Привет"* "world"*');
    expect(ftsQuery('say "hi" OR NOT x*')).toBe('"say"* """hi"""* "OR"* "NOT"* "x*"*');
    expect(ftsQuery(' " ( ) * ')).toBeNull();
  });

  it('finds Russian and English text by prefix, any case, newest first, with highlighted snippets', async () => {
    const dir = tempDir();
    const db = openInboxDb(dir);
    addBot(db);
    const h = inboxHarness({ dir, db });
    ingest(db, [
      incoming(1, 'Где мой ЗАКАЗ номер 15?'),
      incoming(2, 'The order arrived, thanks'),
      incoming(1, 'заказали вчера, ORDERED today'),
      incoming(3, 'nothing here'),
    ]);
    const russian = (await h.call('inbox.search', { query: 'заказ', limit: 10 })).hits;
    expect(russian.map((hit) => hit.snippet)).toEqual(['\u0001заказали\u0002 вчера, ORDERED today', 'Где мой \u0001ЗАКАЗ\u0002 номер 15?']);
    expect(russian[0]).toMatchObject({ conversationTitle: 'Person 1', senderName: 'Person 1' });
    const english = (await h.call('inbox.search', { query: 'ORD', limit: 10 })).hits;
    expect(english.map((hit) => hit.snippet)).toEqual(['заказали вчера, \u0001ORDERED\u0002 today', 'The \u0001order\u0002 arrived, thanks']);
    const both = (await h.call('inbox.search', { query: 'заказ ord', limit: 10 })).hits;
    expect(both).toHaveLength(1);
    expect(both[0]!.conversationId).toBe(russian[0]!.conversationId);
    expect((await h.call('inbox.search', { query: 'order" OR "nothing', limit: 10 })).hits).toEqual([]);
    expect((await h.call('inbox.search', { query: 'NEAR(order arrived)', limit: 10 })).hits).toEqual([]);
  });
});
