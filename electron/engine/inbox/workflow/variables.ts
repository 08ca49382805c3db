import type { Database } from 'better-sqlite3';
import type { ConversationRow } from './conversation-repo';

export interface ReplyVariables {
  first_name: string;
  name: string;
  operator: string;
}

/**
 * Fills {{first_name}}, {{name}} and {{operator}} (spaces inside the braces allowed); any
 * other {{…}} is left as typed, so text that merely contains braces is not mangled.
 */
export function fillVariables(text: string, vars: ReplyVariables): string {
  return text.replace(/\{\{\s*(first_name|name|operator)\s*\}\}/g, (_match, key: keyof ReplyVariables) => vars[key]);
}

/** The person of a private chat (their first name as Telegram has it), the chat's title, the operator's name. */
export function variablesFor(db: Database, conversation: ConversationRow, operatorId: string): ReplyVariables {
  const [peerType, peerId] = conversation.chat_key.split(':');
  const firstName =
    conversation.kind === 'private'
      ? (db
          .prepare('SELECT first_name FROM telegram_entities WHERE source_kind = ? AND source_id = ? AND peer_type = ? AND peer_id = ?')
          .pluck()
          .get(conversation.source_kind, conversation.source_id, peerType, Number(peerId)) as string | null | undefined)
      : null;
  const operator = db.prepare('SELECT name FROM operators WHERE id = ?').pluck().get(operatorId) as string | undefined;
  return { first_name: firstName || conversation.title.split(' ')[0] || conversation.title, name: conversation.title, operator: operator ?? 'This desk' };
}
