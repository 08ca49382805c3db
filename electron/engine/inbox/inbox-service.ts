import { readFileSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import type { DomainHandlers } from '../../../shared/contract/index';
import { DeskError } from '../../../shared/contract/result';
import { CLOUD_BOT_FILE_LIMITS } from '../../../shared/domain/bot-endpoints';
import { UPLOAD_LIMITS, type ChatMessage } from '../../../shared/domain/inbox';
import { MESSAGE_LIMITS, replyParts } from '../../../shared/domain/message-text';
import type { Scheduler } from '../platform/scheduler';
import type { DomainEventBus } from '../platform/domain-events';
import type { AuditRecord } from '../audit/audit-repo';
import type { CallContext } from '../contract/dispatcher';
import type { EventBus } from '../contract/event-bus';
import { findRemovedSender, removedReason } from '../db/removed-senders';
import type { Logger } from '../logging/logger';
import type { Outbox, OutboxItem } from '../outbox/outbox-port';
import type { Clock } from '../platform/clock';
import type { SecretBox } from '../secrets/secret-box';
import type { BotServer } from '../telegram/bots/bot-server';
import type { TelegramEnvironment } from '../telegram/environment';
import type { MtprotoTransport } from '../telegram/mtproto/transport';
import type { TeamPresence } from '../operators/team-ports';
import { createAssignment } from './assignment/assignment';
import { Attachments } from './attachments/attachments';
import { backfill, fetchOlder, type BackfillDepth } from './history/history';
import { markReadLocally, readInTelegram } from './history/read-mark';
import { announceIngest } from './ingest/announce';
import type { IngestResult } from './ingest/store-incoming';
import { fetchBotFile, fetchMtprotoFile } from './media/fetch-file';
import { MediaDownloads, mediaRow, type MediaRow } from './media/media-downloads';
import { DATA_URL_LIMIT, DEFAULT_MEDIA_POLICY, type MediaPolicy } from './media/media-policy';
import { MediaStore } from './media/media-store';
import { applyOutboxChange, insertReply } from './replies/replies';
import { searchMessages } from './search/search';
import { conversationView, conversationViews, listConversations } from './views/conversation-view';
import { messagePage, messageViews, type MessageViewSources } from './views/message-view';
import { needConversation, needMessage, type ConversationRow } from './workflow/conversation-repo';
import { fillVariables, variablesFor } from './workflow/variables';
import * as workflow from './workflow/workflow';
import { workflowAudits, workflowState } from './workflow/workflow-audit';

export interface InboxDeps {
  db: Database;
  clock: Clock;
  logger: Logger;
  events: EventBus;
  /** Between domains: the inbox hears accounts come online and its consumer store messages here. */
  domainEvents: DomainEventBus;
  outbox: Outbox;
  /** The workspace's data folder; media and attachments live under `media/`. */
  dataDir: string;
  /** To read a bot's token for getFile. */
  secrets: SecretBox;
  telegram: TelegramEnvironment;
  /** An online account's transport (the accounts service's `connection`), null otherwise. */
  connection(accountId: number): MtprotoTransport | null;
  /** A bot's Bot API server and its file limits (the bots service's `serverOf`); the environment's otherwise. */
  botServer?(botId: number): BotServer;
  /** Status, assignee, label and note changes go on the audit trail with who made them. */
  audit(record: AuditRecord): void;
  /** Who of the team is active: queued conversations go only to them. */
  presence: TeamPresence;
}

export interface InboxOptions {
  backfill: BackfillDepth;
  mediaPolicy: MediaPolicy;
  scheduler: Scheduler;
}

export interface InboxService {
  handlers: DomainHandlers<'inbox', CallContext>;
  /** Listens for new messages, online accounts and outbox changes; wakes snoozes that are due. */
  start(): void;
  /** Ends every listener and timer and waits for a download in progress. */
  stop(): Promise<void>;
  /** Brings in an account's recent dialogs (done by itself the first time the account is online in a run). */
  backfill(accountId: number): Promise<void>;
}

const DEFAULTS: Omit<InboxOptions, 'scheduler'> = { backfill: { dialogs: 20, messagesPerDialog: 50 }, mediaPolicy: DEFAULT_MEDIA_POLICY };

export function createInboxService(deps: InboxDeps, options: Partial<InboxOptions> & Pick<InboxOptions, 'scheduler'>): InboxService {
  const { db, clock, events, outbox } = deps;
  const o: InboxOptions = { ...DEFAULTS, ...options };
  const log = deps.logger.child({ scope: 'inbox' });
  const store = new MediaStore(deps.dataDir);
  const attachments = new Attachments(store);
  const cleanups: (() => void)[] = [];
  const backfilled = new Set<number>();

  const online = (accountId: number): MtprotoTransport => {
    const transport = deps.connection(accountId);
    if (!transport) throw new DeskError('unavailable', 'This account is not online right now; try again when it is.');
    return transport;
  };

  const botServer = (botId: number): BotServer => deps.botServer?.(botId) ?? { apiRoot: deps.telegram.botApiRoot, limits: CLOUD_BOT_FILE_LIMITS };
  const downloads = new MediaDownloads({
    db,
    store,
    policy: o.mediaPolicy,
    logger: log,
    downloadLimit: (row) => (row.sourceKind === 'bot' ? botServer(row.sourceId).limits.downloadBytes : null),
    fetch: (row: MediaRow, onProgress) => {
      const remote = row.remote!;
      if (remote.via === 'bot') {
        const { apiRoot, limits } = botServer(row.sourceId);
        return fetchBotFile({ db, secrets: deps.secrets, apiRoot, downloadLimit: limits.downloadBytes, botId: row.sourceId, fileId: remote.fileId });
      }
      return fetchMtprotoFile(online(row.sourceId), remote, onProgress);
    },
    changed: (messageId) => emitMessages([messageId]),
  });

  const sources: MessageViewSources = {
    delivery: (outboxId) => outbox.item(outboxId)?.delivery ?? null,
    progress: (messageId) => downloads.progress(messageId),
  };

  function emitConversations(ids: Iterable<number>): void {
    const conversations = conversationViews(db, ids);
    if (conversations.length > 0) events.emit({ type: 'inbox.conversationsChanged', payload: { conversations } });
  }

  function emitMessages(ids: number[]): void {
    const messages = messageViews(db, ids, sources);
    if (messages.length > 0) events.emit({ type: 'inbox.messagesChanged', payload: { messages } });
  }

  const view = (conversationId: number) => conversationView(db, conversationId)!;
  const messageView = (messageId: number): ChatMessage => messageViews(db, [messageId], sources)[0]!;

  /** After backfill's commit; new media in it is considered for download as live messages' is (see start). */
  const announce = (result: IngestResult) => {
    announceIngest(events, db, result, log);
    downloads.consider(result.messageIds);
  };

  // ---- snoozes ---------------------------------------------------------------------------
  let cancelSnooze: (() => void) | null = null;
  function armSnooze(): void {
    cancelSnooze?.();
    cancelSnooze = null;
    const woken = workflow.wakeSnoozed(db, clock.now());
    if (woken.length > 0) emitConversations(woken);
    const next = workflow.nextSnoozeEnd(db);
    if (next !== null) cancelSnooze = o.scheduler.after(Math.max(next - clock.now(), 0), armSnooze);
  }

  // ---- history ---------------------------------------------------------------------------
  async function runBackfill(accountId: number): Promise<void> {
    for (const result of await backfill({ db, now: clock.now }, online(accountId), accountId, o.backfill)) announce(result);
  }

  async function messages(input: { conversationId: number; beforeId?: number; limit: number }) {
    const conversation = needConversation(db, input.conversationId);
    const before = input.beforeId === undefined ? null : needMessage(db, input.beforeId);
    let page = messagePage(db, conversation.id, before, input.limit, sources);
    // Bots cannot read history (Telegram does not allow it), nor can a removed account: what is stored is all there is.
    const storedIsAll = conversation.source_kind === 'bot' || conversation.history_complete === 1 || findRemovedSender(db, { kind: conversation.source_kind, id: conversation.source_id }) !== null;
    if (page.moreStored || storedIsAll) return { messages: page.messages, hasMore: page.moreStored };
    const transport = deps.connection(conversation.source_id);
    // Offline: show what is stored; the next page asks again (and says why if still offline).
    if (!transport && page.messages.length > 0) return { messages: page.messages, hasMore: true };
    const oldest = db.prepare('SELECT min(telegram_message_id) FROM messages WHERE conversation_id = ? AND telegram_message_id > 0').pluck().get(conversation.id) as number | null;
    announce(await fetchOlder({ db, now: clock.now }, transport ?? online(conversation.source_id), { id: conversation.id, accountId: conversation.source_id, chatKey: conversation.chat_key }, oldest ?? 0, input.limit));
    page = messagePage(db, conversation.id, before, input.limit, sources);
    return { messages: page.messages, hasMore: page.moreStored || needConversation(db, conversation.id).history_complete === 0 };
  }

  async function markRead(conversationId: number) {
    const conversation = needConversation(db, conversationId);
    const maxId = markReadLocally(db, conversationId);
    emitConversations([conversationId]);
    // Bots have nothing to call: the Bot API has no read marks.
    if (conversation.source_kind === 'account' && maxId > 0) {
      const transport = deps.connection(conversation.source_id);
      if (transport) await readInTelegram(db, transport, conversation, maxId).catch((error: unknown) => log.warn({ conversationId, reason: (error as Error).message }, 'marking read in Telegram failed'));
    }
    return view(conversationId);
  }

  // ---- replies ---------------------------------------------------------------------------
  /** A removed account or bot sends nothing more: its conversations stay, as history. */
  function refuseIfRemoved(conversation: ConversationRow): ConversationRow {
    const removed = findRemovedSender(db, { kind: conversation.source_kind, id: conversation.source_id });
    if (removed) throw new DeskError('conflict', removedReason(removed));
    return conversation;
  }

  function reply(input: { conversationId: number; text: string; replyToId?: number; attachmentId?: string }, actor: string): ChatMessage {
    const conversation = refuseIfRemoved(needConversation(db, input.conversationId));
    const replyTo = input.replyToId === undefined ? null : needMessage(db, input.replyToId);
    if (replyTo && replyTo.conversation_id !== conversation.id) throw new DeskError('invalid_input', 'The message replied to is in another chat.');
    // Split after filling, so a long name can never push a part over Telegram's limit.
    const parts = replyParts(fillVariables(input.text, variablesFor(db, conversation, actor)), input.attachmentId !== undefined);
    if (parts.length > MESSAGE_LIMITS.parts) throw new DeskError('invalid_input', `This text would take more than ${MESSAGE_LIMITS.parts} messages; shorten it or send it as a file.`);
    // Taken only once the reply is accepted: a refused one keeps its file for the next try.
    const attachment = input.attachmentId === undefined ? null : attachments.take(input.attachmentId, conversation.id, actor);
    const replyToTelegramId = replyTo && replyTo.telegram_message_id > 0 ? replyTo.telegram_message_id : undefined;
    const now = clock.now();
    const messageIds = db.transaction(() => {
      const chatKey = conversation.chat_key;
      // One outbox item per part; a chat's items go one after another, so the parts keep their order.
      return parts.map((text, index) => {
        const file = index === 0 ? attachment : null;
        const replyToPart = index === 0 && replyToTelegramId ? { replyToTelegramId } : {};
        const item = outbox.enqueue({
          sender: { kind: conversation.source_kind, id: conversation.source_id },
          conversationId: conversation.id,
          payload: file ? { kind: 'media', chatKey, attachment: file, ...(text ? { caption: text } : {}), ...replyToPart } : { kind: 'text', chatKey, text, ...replyToPart },
          priority: 'operator',
        });
        return insertReply(db, { conversation, outboxId: item.id, text, replyToTelegramId: index === 0 ? (replyToTelegramId ?? null) : null, attachment: file, now });
      });
    })();
    emitConversations([conversation.id]);
    if (messageIds.length > 1) emitMessages(messageIds);
    return messageView(messageIds[0]!);
  }

  function onOutboxChange(item: OutboxItem): void {
    const changed = applyOutboxChange(db, item, log);
    if (!changed) return;
    emitMessages([changed.messageId]);
    emitConversations([changed.conversationId]);
  }

  function outboxMessage(item: OutboxItem): ChatMessage {
    const changed = applyOutboxChange(db, item, log);
    if (!changed) throw new DeskError('not_found', `No message of this desk is waiting on outbox item ${item.id}.`);
    return messageView(changed.messageId);
  }

  // ---- media -----------------------------------------------------------------------------
  async function media(messageId: number) {
    let row = mediaRow(db, messageId);
    if (!row) throw new DeskError('not_found', 'This message has no media.');
    if (row.size !== null && row.size > DATA_URL_LIMIT) throw new DeskError('invalid_input', 'This file is too large to show here; open it in Telegram.');
    if (!row.sha256) {
      await downloads.fetchNow(messageId);
      row = mediaRow(db, messageId)!;
    }
    if (!row.sha256) throw new DeskError('unavailable', row.download === 'too_large' ? 'Telegram does not let a bot download files this large.' : 'The file could not be downloaded; see the log.');
    const bytes = readFileSync(store.path(row.sha256));
    const mimeType = row.mimeType ?? 'application/octet-stream';
    return { dataUrl: `data:${mimeType};base64,${bytes.toString('base64')}`, mimeType };
  }

  // ---- labels ----------------------------------------------------------------------------
  /** Every window learns the new list, and the conversations that carried the label show it changed. */
  function labelsChanged(carriers: number[]): void {
    events.emit({ type: 'inbox.labelsChanged', payload: { labels: workflow.listLabels(db) } });
    emitConversations(carriers);
  }

  const changedView = (conversationId: number) => {
    emitConversations([conversationId]);
    return view(conversationId);
  };

  /** Runs a workflow change and puts what it changed on the audit trail. */
  const audited = (conversationId: number, actor: string, change: () => void) => {
    const before = workflowState(db, conversationId);
    change();
    const after = workflowState(db, conversationId);
    if (before && after) for (const record of workflowAudits(actor, conversationId, before, after)) deps.audit(record);
    return changedView(conversationId);
  };

  // ---- queues and assignment -------------------------------------------------------------
  const assignment = createAssignment({ ...deps, scheduler: o.scheduler, conversationsChanged: emitConversations });

  /** An assignment by hand (or a take from the queue), audited like any workflow change. */
  const assignAudited = (conversationId: number, operatorId: string | null, call: CallContext) => {
    let change: ReturnType<typeof assignment.assign> = null;
    const changed = audited(conversationId, call.actor, () => (change = assignment.assign(conversationId, operatorId, call)));
    assignment.settled(change);
    return changed;
  };

  return {
    start() {
      cleanups.push(outbox.onChange(onOutboxChange));
      cleanups.push(
        deps.domainEvents.on('connection.online', ({ kind, id }) => {
          // Backfill once per run, when the account first comes online.
          if (kind !== 'account' || backfilled.has(id)) return;
          backfilled.add(id);
          runBackfill(id).catch((error: unknown) => log.warn({ accountId: id, reason: (error as Error).message }, 'history backfill failed'));
        }),
        deps.domainEvents.on('inbox.messagesStored', ({ messageIds }) => downloads.consider(messageIds)),
      );
      armSnooze();
      assignment.start();
    },
    async stop() {
      for (const cleanup of cleanups.splice(0)) cleanup();
      assignment.stop();
      cancelSnooze?.();
      cancelSnooze = null;
      attachments.close();
      await downloads.stop();
    },
    backfill: runBackfill,
    handlers: {
      'inbox.conversations': ({ filter, limit, offset }, call) => {
        const { assignee, ...rest } = filter;
        const byAssignee = assignee === undefined ? {} : { assignee: assignee === 'me' ? call.actor : null };
        return listConversations(db, { ...rest, ...byAssignee }, limit, offset, call);
      },
      'inbox.messages': (input) => messages(input),
      'inbox.markRead': ({ conversationId }) => markRead(conversationId),
      'inbox.reply': (input, call) => reply(input, call.actor),
      'inbox.attachmentStart': (input, call) => {
        const conversation = refuseIfRemoved(needConversation(db, input.conversationId));
        const limit = conversation.source_kind === 'bot' ? botServer(conversation.source_id).limits.uploadBytes : UPLOAD_LIMITS.account;
        return attachments.start(input, conversation.source_kind, limit, call.actor);
      },
      'inbox.attachmentChunk': (input, call) => attachments.chunk(input, call.actor),
      'inbox.attachmentFinish': ({ attachmentId }, call) => attachments.finish(attachmentId, call.actor),
      'inbox.retry': ({ outboxId }) => outboxMessage(outbox.retry(outboxId)),
      'inbox.cancel': ({ outboxId }) => outboxMessage(outbox.cancel(outboxId)),
      'inbox.edits': ({ messageId }) => {
        needMessage(db, messageId);
        const versions = db.prepare('SELECT old_text AS text, edited_at AS editedAt FROM message_edits WHERE message_id = ? ORDER BY edited_at, rowid').all(messageId);
        return { versions: versions as { text: string; editedAt: number }[] };
      },
      'inbox.media': ({ messageId }) => media(messageId),
      'inbox.setStatus': ({ conversationId, status, snoozedUntil }, call) => {
        const changed = audited(conversationId, call.actor, () => {
          workflow.setStatus(db, conversationId, status, snoozedUntil ?? null);
          armSnooze();
        });
        assignment.statusChanged({ kind: changed.source.kind, id: changed.source.id });
        return changed;
      },
      'inbox.setLabels': ({ conversationId, labelIds }, call) => audited(conversationId, call.actor, () => workflow.setLabels(db, conversationId, labelIds)),
      'inbox.assign': ({ conversationId, operatorId }, call) => assignAudited(conversationId, operatorId, call),
      'inbox.labels': () => ({ labels: workflow.listLabels(db) }),
      'inbox.saveLabel': (input, call) => {
        const carriers = input.id === undefined ? [] : workflow.labelCarriers(db, input.id);
        const was = input.id === undefined ? undefined : workflow.listLabels(db).find((l) => l.id === input.id)?.name;
        const label = workflow.saveLabel(db, input);
        deps.audit({ actor: call.actor, action: 'inbox.saveLabel', target: `label:${label.id}`, details: { name: label.name, color: label.color, ...(was !== undefined && was !== label.name ? { was } : {}) } });
        labelsChanged(carriers);
        return label;
      },
      'inbox.labelUsage': ({ id }) => ({ conversations: workflow.labelCarriers(db, id).length }),
      'inbox.removeLabel': ({ id }, call) => {
        const name = workflow.listLabels(db).find((l) => l.id === id)?.name;
        const carriers = workflow.removeLabel(db, id);
        deps.audit({ actor: call.actor, action: 'inbox.removeLabel', target: `label:${id}`, details: { name, conversations: carriers.length } });
        labelsChanged(carriers);
        return { removed: true, conversations: carriers.length };
      },
      'inbox.notes': ({ conversationId }) => ({ notes: workflow.listNotes(db, conversationId) }),
      'inbox.addNote': ({ conversationId, text }, call) => {
        const note = workflow.addNote(db, conversationId, call.actor, text, clock.now());
        // The note itself stays in the conversation; the trail says who wrote one, and how long.
        deps.audit({ actor: call.actor, action: 'inbox.addNote', target: `conversation:${conversationId}`, details: { title: needConversation(db, conversationId).title, noteId: note.id, length: text.length } });
        return note;
      },
      'inbox.cannedReplies': () => ({ replies: workflow.listCannedReplies(db) }),
      'inbox.saveCannedReply': (input) => workflow.saveCannedReply(db, input, clock.now()),
      'inbox.removeCannedReply': ({ id }) => {
        workflow.removeCannedReply(db, id);
        return { removed: true };
      },
      'inbox.search': ({ query, limit }, call) => ({ hits: searchMessages(db, query, limit, call) }),
      'inbox.queues': (_input, call) => ({ queues: assignment.queues(call) }),
      'inbox.takeNext': ({ sender }, call) => {
        const next = assignment.next(call, sender);
        return { conversation: next === null ? null : assignAudited(next, call.actor, call) };
      },
    },
  };
}
