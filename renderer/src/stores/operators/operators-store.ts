import { create } from 'zustand';
import type { ParsedInput } from '../../../../shared/contract/index';
import type { DeskErrorShape } from '../../../../shared/contract/result';
import type { InviteLink, OperatorView } from '../../../../shared/domain/operators';
import { errorShape, type DeskClient } from '../../client/desk-client';
import { latestOnly } from '../latest-only';

/** A profile as the engine's schema parsed it (defaults filled), what the form hands over. */
export type OperatorProfile = ParsedInput<'operators.invite'>;

export interface OperatorsState {
  items: OperatorView[];
  loaded: boolean;
  loading: boolean;
  loadError: DeskErrorShape | null;
  /** The last refusal per operator, shown on their row until their next action. */
  rowErrors: Record<string, DeskErrorShape>;
  load(): Promise<void>;
  ensureLoaded(): Promise<void>;
  /** The new operator's one-time link, or the refusal. */
  invite(profile: OperatorProfile): Promise<{ invite: InviteLink } | { error: DeskErrorShape }>;
  reinvite(id: string): Promise<{ invite: InviteLink } | { error: DeskErrorShape }>;
  update(id: string, profile: OperatorProfile): Promise<{ error: DeskErrorShape } | null>;
  /** How many conversations went back to the queue, or null when refused (the row says why). */
  remove(id: string): Promise<number | null>;
  applyChanged(operators: readonly OperatorView[]): void;
  applyRemoved(id: string): void;
}

// The desk's admin first, then people in the order they were invited, so rows never jump.
const byAge = (a: OperatorView, b: OperatorView) => a.createdAt - b.createdAt || a.id.localeCompare(b.id);

function merged(items: readonly OperatorView[], changed: readonly OperatorView[]): OperatorView[] {
  const byId = new Map(items.map((o) => [o.id, o]));
  for (const o of changed) byId.set(o.id, o);
  return [...byId.values()].sort(byAge);
}

export function createOperatorsStore(client: DeskClient) {
  const requests = latestOnly();
  return create<OperatorsState>()((set, get) => {
    const clearRowError = (id: string) =>
      set((s) => {
        const { [id]: _gone, ...rest } = s.rowErrors;
        return { rowErrors: rest };
      });
    const rowError = (id: string, error: unknown) => set((s) => ({ rowErrors: { ...s.rowErrors, [id]: errorShape(error) } }));

    return {
      items: [],
      loaded: false,
      loading: false,
      loadError: null,
      rowErrors: {},
      async load() {
        const fresh = requests.next();
        set({ loading: true, loadError: null });
        try {
          const { operators } = await client.call('operators.list', {});
          if (!fresh()) return;
          set({ items: merged([], operators), loaded: true, loading: false });
        } catch (error) {
          if (!fresh()) return;
          set({ loading: false, loadError: errorShape(error) });
        }
      },
      async ensureLoaded() {
        const { loaded, loading } = get();
        if (!loaded && !loading) await get().load();
      },
      async invite(profile) {
        try {
          const { operator, invite } = await client.call('operators.invite', profile);
          get().applyChanged([operator]);
          return { invite };
        } catch (error) {
          return { error: errorShape(error) };
        }
      },
      async reinvite(id) {
        clearRowError(id);
        try {
          const { operator, invite } = await client.call('operators.reinvite', { id });
          get().applyChanged([operator]);
          return { invite };
        } catch (error) {
          return { error: errorShape(error) };
        }
      },
      async update(id, profile) {
        try {
          get().applyChanged([await client.call('operators.update', { id, profile })]);
          return null;
        } catch (error) {
          return { error: errorShape(error) };
        }
      },
      async remove(id) {
        clearRowError(id);
        try {
          const { returnedToQueue } = await client.call('operators.remove', { id, confirm: true });
          get().applyRemoved(id);
          return returnedToQueue;
        } catch (error) {
          rowError(id, error);
          return null;
        }
      },
      applyChanged(operators) {
        if (get().loaded) set((s) => ({ items: merged(s.items, operators) }));
      },
      applyRemoved(id) {
        set((s) => ({ items: s.items.filter((o) => o.id !== id) }));
      },
    };
  });
}
