import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import { DeskError } from '../../../shared/contract/result';
import { pagedList, type Page, type PagedList, type PageQuery } from './paged-list';

interface Row {
  id: number;
}

/** A fetchPage whose answers the test hands out, in whatever order it likes. */
function pendingPages() {
  const asked: { query: PageQuery; answer(page: Page<Row>): void; fail(error: Error): void }[] = [];
  const fetchPage = (query: PageQuery) =>
    new Promise<Page<Row>>((resolve, reject) => asked.push({ query, answer: resolve, fail: reject }));
  return { asked, fetchPage };
}

const rows = (...ids: number[]) => ids.map((id) => ({ id }));

function createList(fetchPage: (query: PageQuery) => Promise<Page<Row>>) {
  return create<PagedList<Row>>()((set, get) => pagedList<Row>(set, get, { pageSize: 3, fetchPage }));
}

/** A list whose first page (row 5, more to come) is in. */
async function listShowingRow5() {
  const pages = pendingPages();
  const list = createList(pages.fetchPage);
  const first = list.getState().load();
  pages.asked[0]!.answer({ entries: rows(5), hasMore: true });
  await first;
  return { pages, list };
}

describe('pagedList', () => {
  it('loads the newest page, then older ones before the oldest row, newest first without duplicates', async () => {
    const pages = pendingPages();
    const list = createList(pages.fetchPage);
    const loading = list.getState().load();
    expect(list.getState().loading).toBe(true);
    pages.asked[0]!.answer({ entries: rows(8, 9, 7), hasMore: true });
    await loading;
    expect(list.getState()).toMatchObject({ entries: rows(9, 8, 7), hasMore: true, loaded: true, loading: false });

    const older = list.getState().loadOlder();
    expect(list.getState().loadingOlder).toBe(true);
    pages.asked[1]!.answer({ entries: rows(7, 5, 6), hasMore: false });
    await older;
    expect(pages.asked.map((a) => a.query)).toEqual([{ limit: 3 }, { limit: 3, beforeId: 7 }]);
    expect(list.getState()).toMatchObject({ entries: rows(9, 8, 7, 6, 5), hasMore: false, loadingOlder: false });
  });

  it('drops an answer that a newer load overtook, and an older page of the filter before', async () => {
    const { pages, list } = await listShowingRow5();
    const older = list.getState().loadOlder();
    const stale = list.getState().load();
    const newest = list.getState().load();
    pages.asked[3]!.answer({ entries: rows(2), hasMore: false });
    await newest;
    pages.asked[2]!.answer({ entries: rows(4), hasMore: true });
    pages.asked[1]!.answer({ entries: rows(3), hasMore: true });
    await Promise.all([stale, older]);
    expect(list.getState()).toMatchObject({ entries: rows(2), hasMore: false, loading: false });
  });

  it('keeps a failure as the error, and the rows it already had', async () => {
    const { pages, list } = await listShowingRow5();
    const older = list.getState().loadOlder();
    pages.asked[1]!.fail(new DeskError('internal', 'database is locked'));
    await older;
    expect(list.getState()).toMatchObject({ entries: rows(5), error: 'database is locked', loadingOlder: false });
    const again = list.getState().load();
    expect(list.getState().error).toBeNull();
    pages.asked[2]!.fail(new DeskError('internal', 'engine gone'));
    await again;
    expect(list.getState()).toMatchObject({ entries: rows(5), error: 'engine gone', loading: false });
  });

  it('loads once however often the page asks, and asks for no older page while one is out or none is shown', async () => {
    const pages = pendingPages();
    const list = createList(pages.fetchPage);
    await list.getState().loadOlder();
    expect(pages.asked).toHaveLength(0);
    const first = list.getState().ensureLoaded();
    void list.getState().ensureLoaded();
    pages.asked[0]!.answer({ entries: rows(5), hasMore: true });
    await first;
    await list.getState().ensureLoaded();
    void list.getState().loadOlder();
    void list.getState().loadOlder();
    expect(pages.asked.map((a) => a.query)).toEqual([{ limit: 3 }, { limit: 3, beforeId: 5 }]);
  });
});
