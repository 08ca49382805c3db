import type { ConversationStatus, ConversationView } from '../../../../shared/domain/inbox';
import { LOCAL_OPERATOR_ID } from '../../../../shared/domain/operators';

export interface ConversationFilter {
  source?: { kind: 'account' | 'bot'; id: number };
  unreadOnly?: boolean;
  status?: ConversationStatus;
  labelId?: number;
  assignee?: 'me' | 'nobody';
  /** One operator's conversations (an admin's view). */
  assigneeId?: string;
}

/** The same test the engine applies, so a live change can join or leave the filtered list; `me` is the window's operator. */
export function matchesFilter(c: ConversationView, f: ConversationFilter, me: string = LOCAL_OPERATOR_ID): boolean {
  if (f.source && (c.source.kind !== f.source.kind || c.source.id !== f.source.id)) return false;
  if (f.unreadOnly && c.unreadCount === 0) return false;
  if (f.status && c.status !== f.status) return false;
  if (f.labelId !== undefined && !c.labels.some((l) => l.id === f.labelId)) return false;
  if (f.assignee === 'me' && c.assigneeId !== me) return false;
  if (f.assignee === 'nobody' && c.assigneeId !== null) return false;
  if (f.assigneeId !== undefined && c.assigneeId !== f.assigneeId) return false;
  return true;
}

/** Newest activity first; the id breaks ties so the order never flickers. */
export const byActivity = (a: ConversationView, b: ConversationView) => b.lastActivityAt - a.lastActivityAt || b.id - a.id;

/**
 * Merges changed conversations into a sorted, loaded prefix of the list in O(n + k log k)
 * (a list may hold 100,000 rows and events come in batches). A change that no longer matches
 * the filter leaves; one that would sort past the loaded prefix waits for its page, since the
 * rows between are not known yet.
 */
export function mergeConversations(
  items: readonly ConversationView[],
  changed: readonly ConversationView[],
  filter: ConversationFilter,
  complete: boolean,
  me?: string,
): ConversationView[] {
  const latest = new Map<number, ConversationView>();
  for (const c of changed) latest.set(c.id, c);
  const kept = items.filter((c) => !latest.has(c.id));
  const last = kept[kept.length - 1];
  const incoming = [...latest.values()]
    .filter((c) => matchesFilter(c, filter, me) && (complete || !last || byActivity(c, last) < 0))
    .sort(byActivity);
  const merged: ConversationView[] = [];
  let i = 0;
  let j = 0;
  while (i < kept.length || j < incoming.length) {
    if (j >= incoming.length || (i < kept.length && byActivity(kept[i]!, incoming[j]!) <= 0)) merged.push(kept[i++]!);
    else merged.push(incoming[j++]!);
  }
  return merged;
}
