import type { Database } from 'better-sqlite3';
import { DeskError, lookupCall, methodNames, type CallOutput, type MethodName } from '../../../shared/contract/index';
import type { CallContext, EngineHandlers } from '../contract/dispatcher';
import { operatorAccountView, operatorBotView } from './connection-views';
import { loadViewerAccess, mayWork, type ViewerAccess } from './viewer-access';
import { needVisibleConversation, needVisibleMessage, needVisibleOutboxItem, type Viewer } from './visibility';

/** What an input field names; each kind is checked against the conversation it belongs to. */
type Reference = 'conversation' | 'message' | 'outbox';

/**
 * How a team call meets what an operator who is not an admin may see:
 * - `names`: input fields naming a conversation, message or outbox item; one the operator may
 *   not see (or that does not exist) is answered `not_found` before the handler runs;
 * - `answer`: the handler's answer is cut to the accounts and bots the operator may work;
 * - `own`: the handler answers only what is the caller's own (it cuts by its call context: the
 *   conversation list and search in their queries, attachments by who started them, queues,
 *   the operators service's calls);
 * - `team`: nothing in it belongs to a conversation; the whole team gets the same.
 */
type CallScope = { names: Record<string, Reference> } | { answer: (output: never, access: ViewerAccess | null) => unknown } | 'own' | 'team';

/** An answer cut, typed by its method's output. */
const answer = <M extends MethodName>(cut: (output: CallOutput<M>, access: ViewerAccess | null) => CallOutput<M>): CallScope => ({
  answer: cut as (output: never, access: ViewerAccess | null) => unknown,
});
const conversation = { names: { conversationId: 'conversation' } } as const;

/**
 * Every team call of the contract. A team call missing here is refused to operators (see
 * guardTeamCalls), so a new one is never answered unchecked; a test lists the missing ones.
 */
export const TEAM_CALL_SCOPES: Partial<Record<MethodName, CallScope>> = {
  'system.status': 'team',
  'system.notify': 'team',
  'settings.get': 'team',
  'accounts.list': answer<'accounts.list'>(({ accounts }, access) => ({
    accounts: accounts.filter((a) => access && mayWork(access, { kind: 'account', id: a.id })).map(operatorAccountView),
    // The desk's own api_id is the admin's setup.
    defaults: { apiId: null, hasApiHash: false },
  })),
  'bots.list': answer<'bots.list'>(({ bots }, access) => ({ bots: bots.filter((b) => access && mayWork(access, { kind: 'bot', id: b.id })).map(operatorBotView) })),
  'inbox.conversations': 'own',
  'inbox.search': 'own',
  'inbox.messages': { names: { conversationId: 'conversation', beforeId: 'message' } },
  'inbox.markRead': conversation,
  'inbox.reply': { names: { conversationId: 'conversation', replyToId: 'message' } },
  'inbox.attachmentStart': conversation,
  'inbox.attachmentChunk': 'own',
  'inbox.attachmentFinish': 'own',
  'inbox.retry': { names: { outboxId: 'outbox' } },
  'inbox.cancel': { names: { outboxId: 'outbox' } },
  'inbox.edits': { names: { messageId: 'message' } },
  'inbox.media': { names: { messageId: 'message' } },
  'inbox.setStatus': conversation,
  'inbox.setLabels': conversation,
  'inbox.assign': conversation,
  'inbox.labels': 'team',
  'inbox.notes': conversation,
  'inbox.addNote': conversation,
  'inbox.cannedReplies': 'team',
  'inbox.queues': 'own',
  'inbox.takeNext': 'own',
  'operators.me': 'own',
  'operators.list': 'own',
  'operators.heartbeat': 'own',
  'operators.sessions': 'own',
  'operators.revokeSession': 'own',
  'operators.signOut': 'own',
};

/** Team calls nobody has said how to scope; operators are refused them. */
export function unscopedTeamCalls(): string[] {
  return methodNames().filter((method) => lookupCall(method)?.access === 'team' && !(method in TEAM_CALL_SCOPES));
}

const CHECK: Record<Reference, (db: Database, viewer: Viewer, id: number) => void> = {
  conversation: needVisibleConversation,
  message: needVisibleMessage,
  outbox: needVisibleOutboxItem,
};

type LooseHandler = (input: unknown, call: CallContext) => unknown;

/**
 * Wraps every team call once, so what an operator who is not an admin names or gets back is
 * checked in one place instead of in each handler. Admins pass straight through; admin-only
 * calls are refused to operators by the dispatcher already.
 */
export function guardTeamCalls(handlers: EngineHandlers, db: Database): EngineHandlers {
  const guarded = { ...handlers } as Record<string, LooseHandler>;
  for (const method of methodNames()) {
    if (lookupCall(method)?.access !== 'team') continue;
    const handler = guarded[method]!;
    const scope = TEAM_CALL_SCOPES[method as MethodName];
    guarded[method] = (input, call) => {
      if (call.role === 'admin') return handler(input, call);
      if (scope === undefined) throw new DeskError('forbidden', 'Only an admin of this desk may do that.');
      if (scope === 'own' || scope === 'team') return handler(input, call);
      if ('names' in scope) {
        for (const [field, reference] of Object.entries(scope.names)) {
          const id = (input as Record<string, unknown>)[field];
          if (typeof id === 'number') CHECK[reference](db, call, id);
        }
        return handler(input, call);
      }
      return Promise.resolve(handler(input, call)).then((output) => scope.answer(output as never, loadViewerAccess(db, call.actor)));
    };
  }
  return guarded as unknown as EngineHandlers;
}
