import { create } from 'zustand';
import type { ConversationView } from '../../../../shared/domain/inbox';
import type { QueueView, SenderRef } from '../../../../shared/domain/operators';
import { errorShape, type DeskClient } from '../../client/desk-client';
import type { DeskErrorShape } from '../../../../shared/contract/result';

export interface QueuesState {
  /** The waiting conversations per account and bot this operator may take from. */
  queues: QueueView[];
  loaded: boolean;
  taking: boolean;
  /** Why the last "take next" did not give a conversation (refused, or nothing waits). */
  takeError: DeskErrorShape | null;
  nothingWaiting: boolean;
  load(): Promise<void>;
  ensureLoaded(): Promise<void>;
  apply(queues: QueueView[]): void;
  /** The longest-waiting conversation, now the operator's; null when none waits or refused. */
  takeNext(sender?: SenderRef): Promise<ConversationView | null>;
}

export function queueTotals(queues: readonly QueueView[]): { waiting: number; oldestSince: number | null } {
  let waiting = 0;
  let oldestSince: number | null = null;
  for (const q of queues) {
    waiting += q.waiting;
    if (q.oldestSince !== null && (oldestSince === null || q.oldestSince < oldestSince)) oldestSince = q.oldestSince;
  }
  return { waiting, oldestSince };
}

export function createQueuesStore(client: DeskClient, taken: (conversation: ConversationView) => void) {
  return create<QueuesState>()((set, get) => ({
    queues: [],
    loaded: false,
    taking: false,
    takeError: null,
    nothingWaiting: false,
    async load() {
      try {
        const { queues } = await client.call('inbox.queues', {});
        set({ queues, loaded: true });
      } catch {
        // No queues to show (an engine without them): the indicator stays hidden.
      }
    },
    async ensureLoaded() {
      if (!get().loaded) await get().load();
    },
    apply(queues) {
      set({ queues, loaded: true });
    },
    async takeNext(sender) {
      set({ taking: true, takeError: null, nothingWaiting: false });
      try {
        const { conversation } = await client.call('inbox.takeNext', sender ? { sender } : {});
        set({ taking: false, nothingWaiting: conversation === null });
        if (conversation) taken(conversation);
        return conversation;
      } catch (error) {
        set({ taking: false, takeError: errorShape(error) });
        return null;
      }
    },
  }));
}
