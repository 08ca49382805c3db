import type { Database } from 'better-sqlite3';
import type { DeskEvent, EventPayload, EventType } from '../../../shared/contract/index';
import type { SenderRef } from '../../../shared/domain/operators';
import { cachedStatement } from '../db/statements';
import { operatorAsSeenBy } from '../operators/operators-handlers';
import { operatorAccountView, operatorBotView } from './connection-views';
import { loadViewerAccess, mayWork, seesConversation, type ViewerAccess } from './viewer-access';
import type { Viewer } from './visibility';

/** One batch as one operator may see it: their access, and the batch's conversations, looked up once for every viewer. */
interface ViewerScope {
  access: ViewerAccess;
  /** Who holds each conversation and whose it is; looked up once per batch for all of them. */
  conversations(ids: readonly number[]): ReadonlyMap<number, { assigneeId: string | null; source: SenderRef }>;
}

/** The part of a payload the operator may see; null: nothing of it. */
type Cut<T extends EventType> = (payload: EventPayload<T>, scope: ViewerScope) => EventPayload<T> | null;

/** `team`: every operator gets it whole; `admin`: only admins; a cut: each operator gets their part. */
type EventVisibility<T extends EventType> = 'team' | 'admin' | Cut<T>;

const nonEmpty = <T extends object>(list: readonly unknown[], payload: T): T | null => (list.length > 0 ? payload : null);

/** A sender's own event goes to those who may work that sender. */
const ofSender =
  <T extends EventType>(sender: (payload: EventPayload<T>) => SenderRef, view: (payload: EventPayload<T>) => EventPayload<T> = (p) => p): Cut<T> =>
  (payload, { access }) =>
    mayWork(access, sender(payload)) ? view(payload) : null;

/**
 * Who gets each event. AN EVENT TYPE NOT LISTED HERE GOES TO ADMINS ONLY, so a new domain's
 * events never reach an operator before someone has decided they may.
 */
export const EVENT_VISIBILITY: { [T in EventType]?: EventVisibility<T> } = {
  'system.notice': 'team',
  'system.restarted': 'team',
  'system.disk': 'team',
  'settings.changed': 'team',
  'logs.appended': 'admin',
  'logs.auditAppended': 'admin',
  'sandbox.activity': 'admin',
  'accounts.changed': ofSender<'accounts.changed'>((a) => ({ kind: 'account', id: a.id }), operatorAccountView),
  'accounts.removed': ofSender<'accounts.removed'>((a) => ({ kind: 'account', id: a.id })),
  'bots.changed': ofSender<'bots.changed'>((b) => ({ kind: 'bot', id: b.id }), operatorBotView),
  'bots.removed': ofSender<'bots.removed'>((b) => ({ kind: 'bot', id: b.id })),
  'bots.endpointsChanged': 'admin',
  'messages.received': 'admin',
  'inbox.conversationsChanged': ({ conversations }, { access }) => {
    const mine = conversations.filter((c) => seesConversation(access, { assigneeId: c.assigneeId, source: c.source }));
    return nonEmpty(mine, { conversations: mine });
  },
  'inbox.messagesChanged': ({ messages }, scope) => {
    const held = scope.conversations(messages.map((m) => m.conversationId));
    const mine = messages.filter((m) => {
      const conversation = held.get(m.conversationId);
      return conversation !== undefined && seesConversation(scope.access, conversation);
    });
    return nonEmpty(mine, { messages: mine });
  },
  'inbox.labelsChanged': 'team',
  // Whoever held it, whoever holds it now, and those whose queue it left or joined.
  'inbox.assignmentChanged': ({ changes }, { access }) => {
    const mine = changes.filter((c) => c.from === access.actor || c.to === access.actor || mayWork(access, c.sender));
    return nonEmpty(mine, { changes: mine });
  },
  'inbox.queuesChanged': ({ queues }, { access }) => {
    const mine = queues.filter((q) => mayWork(access, q.sender));
    return nonEmpty(mine, { queues: mine });
  },
  'outbox.benchChanged': 'admin',
  'botFlows.rolesChanged': 'admin',
  'botFlows.textChanged': 'admin',
  // Colleagues' names, presence and load, as operators.list gives them; their senders only to themselves.
  'operators.changed': ({ operators }, { access }) => ({ operators: operators.map((o) => operatorAsSeenBy(o, access.actor, access.admin)) }),
  'operators.removed': 'team',
  'operators.teamChanged': 'admin',
  // The hub sends this to the one session it names, on that session's socket; never through the batch.
  'operators.sessionEnded': 'admin',
};

function visibilityOf(type: EventType): EventVisibility<EventType> {
  return (EVENT_VISIBILITY[type] as EventVisibility<EventType> | undefined) ?? 'admin';
}

/** Conversation lookups for one batch, shared by every viewer of it: each id is read at most once. */
function batchConversations(db: Database): ViewerScope['conversations'] {
  const known = new Map<number, { assigneeId: string | null; source: SenderRef }>();
  const looked = new Set<number>();
  return (ids) => {
    const missing = [...new Set(ids)].filter((id) => !looked.has(id));
    if (missing.length > 0) {
      const rows = cachedStatement(db, 'SELECT id, assignee_id, source_kind, source_id FROM conversations WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(missing)) as {
        id: number;
        assignee_id: string | null;
        source_kind: SenderRef['kind'];
        source_id: number;
      }[];
      for (const id of missing) looked.add(id);
      for (const row of rows) known.set(row.id, { assigneeId: row.assignee_id, source: { kind: row.source_kind, id: row.source_id } });
    }
    return known;
  };
}

/** The batch as one operator may see it; the batch itself when nothing of it is withheld. */
function cutFor(batch: DeskEvent[], scope: ViewerScope): DeskEvent[] {
  if (scope.access.admin) return batch;
  const mine: DeskEvent[] = [];
  let whole = true;
  for (const event of batch) {
    const visibility = visibilityOf(event.type);
    if (visibility === 'team') {
      mine.push(event);
      continue;
    }
    const payload = visibility === 'admin' ? null : visibility(event.payload, scope);
    if (payload !== event.payload) whole = false;
    if (payload !== null) mine.push(payload === event.payload ? event : ({ type: event.type, payload } as DeskEvent));
  }
  return whole ? batch : mine;
}

/**
 * Cuts event batches per viewer. Each batch is cut once per operator (their windows share the
 * result, so a transport serializes it once), with the operator's access read once per batch
 * and the batch's conversations looked up once for all operators. An admin gets the batch itself.
 * `db` is null while the engine is stopped: then operators get only what the whole team gets.
 * A cut that fails withholds the batch from that operator (and says why through `onError`):
 * it never falls back to sending it whole.
 */
export function createEventCutter(db: () => Database | null, onError: (error: unknown, viewer: Viewer) => void) {
  const perBatch = new WeakMap<DeskEvent[], { conversations: ViewerScope['conversations'] | null; byActor: Map<string, DeskEvent[]> }>();
  return function cut(batch: DeskEvent[], viewer: Viewer): DeskEvent[] {
    let cuts = perBatch.get(batch);
    if (!cuts) perBatch.set(batch, (cuts = { conversations: null, byActor: new Map() }));
    const known = cuts.byActor.get(viewer.actor);
    if (known) return known;
    let mine: DeskEvent[];
    try {
      mine = cutWith(db(), batch, viewer, cuts);
    } catch (error) {
      onError(error, viewer);
      mine = [];
    }
    cuts.byActor.set(viewer.actor, mine);
    return mine;
  };
}

function cutWith(store: Database | null, batch: DeskEvent[], viewer: Viewer, cuts: { conversations: ViewerScope['conversations'] | null }): DeskEvent[] {
  if (!store) return viewer.role === 'admin' ? batch : batch.filter((e) => visibilityOf(e.type) === 'team');
  const access = loadViewerAccess(store, viewer.actor);
  if (!access) return [];
  return cutFor(batch, { access, conversations: (ids) => (cuts.conversations ??= batchConversations(store))(ids) });
}
