import type { Database } from 'better-sqlite3';
import { DeskError } from '../../../../shared/contract/result';
import type { AssignmentChange, SenderRef, TeamSettings } from '../../../../shared/domain/operators';
import type { CallContext } from '../../contract/dispatcher';
import { cachedStatement } from '../../db/statements';
import { conversationView } from '../views/conversation-view';
import { openCount, operatorMayWork, stampAssigned } from './operator-pool';

interface Held {
  id: number;
  sender: SenderRef;
  assigneeId: string | null;
  status: string;
}

interface OperatorRow {
  id: string;
  name: string;
  role: 'admin' | 'operator';
  max_chats: number | null;
  removed_at: number | null;
}

function held(db: Database, conversationId: number): Held {
  const row = cachedStatement(db, 'SELECT id, source_kind, source_id, assignee_id, status FROM conversations WHERE id = ?').get(conversationId) as
    | { id: number; source_kind: 'account' | 'bot'; source_id: number; assignee_id: string | null; status: string }
    | undefined;
  if (!row) throw new DeskError('not_found', `There is no conversation ${conversationId}.`);
  return { id: row.id, sender: { kind: row.source_kind, id: row.source_id }, assigneeId: row.assignee_id, status: row.status };
}

/** An operator who may be given conversations: they exist and were not removed. */
export function needOperator(db: Database, operatorId: string): OperatorRow {
  const row = cachedStatement(db, 'SELECT id, name, role, max_chats, removed_at FROM operators WHERE id = ?').get(operatorId) as OperatorRow | undefined;
  if (!row) throw new DeskError('not_found', `There is no operator ${operatorId}.`);
  if (row.removed_at !== null) throw new DeskError('conflict', `${row.name} was removed from the team; choose someone else.`);
  return row;
}

/** Nobody at capacity gets more, whoever asks (the conversation given is not theirs yet, so not counted). */
export function refuseIfFull(db: Database, operator: OperatorRow, asking: string): void {
  if (operator.max_chats === null) return;
  const open = openCount(db, operator.id);
  if (open < operator.max_chats) return;
  const chats = `${open} open chat${open === 1 ? '' : 's'}`;
  const message = operator.id === asking ? `You already have ${chats}, the most you may have; resolve one first.` : `${operator.name} already has ${chats}, the most they may have.`;
  throw new DeskError('conflict', message, { maxChats: operator.max_chats });
}

function senderName(db: Database, conversationId: number): string {
  return conversationView(db, conversationId)?.source.name ?? 'this account';
}

const forbidden = (message: string) => new DeskError('forbidden', message);

/**
 * What an operator who is not an admin may do by hand: take a waiting conversation of a sender
 * they work, put their own back, and pass their own to a colleague where the desk allows it.
 */
function checkOperator(db: Database, conversation: Held, target: string | null, call: CallContext, settings: TeamSettings): void {
  const me = call.actor;
  if (target === me) {
    if (conversation.assigneeId !== null) throw forbidden('Someone else has this conversation; only an admin may take it from them.');
    if (!operatorMayWork(db, me, conversation.sender)) throw forbidden(`You do not work the conversations of ${senderName(db, conversation.id)}; an admin can add it to your profile.`);
    return;
  }
  if (conversation.assigneeId !== me) throw forbidden('Only an admin may assign a conversation that is not yours.');
  if (target !== null && !settings.operatorsMayReassign) throw forbidden('At this desk only admins pass conversations to a colleague; you can put it back in the queue instead.');
}

/**
 * Assigns a conversation by hand (to nobody: back to the queue), after checking who may; returns
 * what changed, or null when it already was so. An admin may give it to anyone in the team who
 * works its sender. Put back by hand, it goes to whoever the queue picks, not back to the one who
 * gave it up.
 */
export function assignByHand(db: Database, conversationId: number, target: string | null, call: CallContext, settings: TeamSettings, now: number): AssignmentChange | null {
  const conversation = held(db, conversationId);
  if (conversation.assigneeId === target) return null;
  if (call.role !== 'admin') checkOperator(db, conversation, target, call, settings);
  if (target !== null) {
    const operator = needOperator(db, target);
    if (operator.role !== 'admin' && !operatorMayWork(db, target, conversation.sender)) {
      throw new DeskError('conflict', `${operator.name} does not work the conversations of ${senderName(db, conversationId)}; add it to their profile first.`);
    }
    refuseIfFull(db, operator, call.actor);
  }
  db.transaction(() => {
    if (target === null) {
      cachedStatement(db, "UPDATE conversations SET assignee_id = NULL, last_assignee_id = NULL, queued_at = CASE WHEN status = 'resolved' THEN NULL ELSE coalesce(queued_at, ?) END WHERE id = ?").run(
        now,
        conversationId,
      );
    } else {
      cachedStatement(db, 'UPDATE conversations SET assignee_id = ?, queued_at = NULL WHERE id = ?').run(target, conversationId);
      stampAssigned(db, target, now);
    }
  })();
  return { conversationId, sender: conversation.sender, from: conversation.assigneeId, to: target, reason: 'manual' };
}
