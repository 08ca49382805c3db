import { DeskError } from '../../../shared/contract/result';
import type { ActionKind } from './action-kind';
import type { OutboxSender } from './outbox-port';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each kind has its own payload type
export type AnyActionKind = ActionKind<any>;

/** The kinds the outbox can perform, by sender kind and name; the outbox core names none of them. */
export interface KindRegistry {
  /** Null when no registered kind has that name for this sender kind. */
  find(sender: OutboxSender['kind'], name: string): AnyActionKind | null;
  /** Like `find`, but a person gets a clear refusal. */
  need(sender: OutboxSender['kind'], name: string): AnyActionKind;
  /** The domains' kinds, added once the engine has built them (before the outbox starts). */
  add(kinds: readonly AnyActionKind[]): void;
}

const key = (sender: OutboxSender['kind'], name: string) => `${sender}:${name}`;

/** Refuses two kinds with one name for one sender kind at start, when it is a programming error, not a row's. */
export function kindRegistry(kinds: readonly AnyActionKind[]): KindRegistry {
  const byKey = new Map<string, AnyActionKind>();
  const add = (more: readonly AnyActionKind[]) => {
    for (const kind of more) {
      if (byKey.has(key(kind.sender, kind.name))) throw new Error(`Two outbox action kinds are named "${kind.name}" for ${kind.sender}s.`);
      byKey.set(key(kind.sender, kind.name), kind);
    }
  };
  add(kinds);
  const find = (sender: OutboxSender['kind'], name: string) => byKey.get(key(sender, name)) ?? null;
  return {
    find,
    add,
    need(sender, name) {
      const found = find(sender, name);
      if (found) return found;
      const other = find(sender === 'bot' ? 'account' : 'bot', name);
      throw new DeskError('invalid_input', other ? `A ${sender === 'bot' ? 'bot' : 'personal account'} cannot do "${name}"; only a ${other.sender === 'bot' ? 'bot' : 'personal account'} can.` : `The outbox knows no action "${name}".`);
    },
  };
}
