import type { DeskErrorShape } from '../../../shared/contract/result';
import { errorMessage, errorShape } from '../client/desk-client';
import { latestOnly } from './latest-only';

interface Row {
  id: number;
  createdAt: number;
}

type Change<T> = { kind: 'changed'; item: T } | { kind: 'removed'; id: number };

/** A list of accounts or bots kept live by the engine's `changed`/`removed` events. */
export interface LiveList<T extends Row> {
  items: T[];
  loaded: boolean;
  loading: boolean;
  loadError: string | null;
  /** Rows with an action on its way, so their buttons wait for it. */
  busy: Record<number, true>;
  /** The last refusal per row, shown on that row until its next action. */
  rowErrors: Record<number, DeskErrorShape>;
  load(): Promise<void>;
  /** Loads once; opening the page again (or React's dev double effects) does not refetch. */
  ensureLoaded(): Promise<void>;
  start(id: number): Promise<void>;
  stop(id: number): Promise<void>;
  /** True when the engine removed it, so the row's confirmation can close. */
  remove(id: number): Promise<boolean>;
  applyChanged(item: T): void;
  applyRemoved(id: number): void;
}

export interface LiveListOps<T> {
  list(): Promise<T[]>;
  start(id: number): Promise<T>;
  stop(id: number): Promise<T>;
  remove(id: number): Promise<unknown>;
}

type Patch<T extends Row> = Partial<LiveList<T>>;
type Setter<T extends Row> = (patch: Patch<T> | ((s: LiveList<T>) => Patch<T>)) => void;

// Oldest first, as they were added, so rows do not jump around when a state changes.
const byAge = (a: Row, b: Row) => a.createdAt - b.createdAt || a.id - b.id;

function applyChange<T extends Row>(items: T[], change: Change<T>): T[] {
  if (change.kind === 'removed') return items.filter((x) => x.id !== change.id);
  const { item } = change;
  if (items.some((x) => x.id === item.id)) return items.map((x) => (x.id === item.id ? item : x));
  return [...items, item].sort(byAge);
}

function without<V>(record: Record<number, V>, id: number): Record<number, V> {
  const { [id]: _gone, ...rest } = record;
  return rest;
}

/** The list half of the accounts and bots stores, spread into each store's state. */
export function liveList<T extends Row>(set: Setter<T>, get: () => LiveList<T>, ops: LiveListOps<T>) {
  const requests = latestOnly();
  // Events that arrive while a list request is out; replayed over its answer in order, so the
  // newest state of every row wins whichever of the two was produced first.
  let buffered: Change<T>[] | null = null;

  const change = (c: Change<T>) => {
    buffered?.push(c);
    if (get().loaded) set((s) => ({ items: applyChange(s.items, c) }));
  };

  return {
    items: [] as T[],
    loaded: false,
    loading: false,
    loadError: null,
    busy: {},
    rowErrors: {},
    async load() {
      const fresh = requests.next();
      buffered = [];
      set({ loading: true, loadError: null });
      try {
        const items = await ops.list();
        if (!fresh()) return;
        const replay = buffered ?? [];
        buffered = null;
        set({ items: replay.reduce(applyChange, [...items].sort(byAge)), loaded: true, loading: false });
      } catch (error) {
        if (!fresh()) return;
        buffered = null;
        set({ loading: false, loadError: errorMessage(error) });
      }
    },
    async ensureLoaded() {
      const { loaded, loading } = get();
      if (!loaded && !loading) await get().load();
    },
    async start(id) {
      await runRowAction(set, id, async () => change({ kind: 'changed', item: await ops.start(id) }));
    },
    async stop(id) {
      await runRowAction(set, id, async () => change({ kind: 'changed', item: await ops.stop(id) }));
    },
    remove(id) {
      return runRowAction(set, id, async () => {
        await ops.remove(id);
        change({ kind: 'removed', id });
      });
    },
    applyChanged(item) {
      change({ kind: 'changed', item });
    },
    applyRemoved(id) {
      change({ kind: 'removed', id });
      set((s) => ({ rowErrors: without(s.rowErrors, id) }));
    },
  } satisfies LiveList<T>;
}

/** Runs an action for one row with its busy flag and its error; true when it went through. */
export async function runRowAction<T extends Row>(set: Setter<T>, id: number, run: () => Promise<void>): Promise<boolean> {
  set((s) => ({ busy: { ...s.busy, [id]: true }, rowErrors: without(s.rowErrors, id) }));
  try {
    await run();
    return true;
  } catch (error) {
    set((s) => ({ rowErrors: { ...s.rowErrors, [id]: errorShape(error) } }));
    return false;
  } finally {
    set((s) => ({ busy: without(s.busy, id) }));
  }
}
