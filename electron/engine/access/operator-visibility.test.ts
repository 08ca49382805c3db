import { afterEach, describe, expect, it } from 'vitest';
import type { CallResult, DeskEvent } from '../../../shared/contract/index';
import type { AccountView, BotView } from '../../../shared/domain/connections';
import type { ConversationView, SearchHit } from '../../../shared/domain/inbox';
import type { CallContext } from '../contract/dispatcher';
import type { EventBus } from '../contract/event-bus';
import type { DomainFactory } from '../domains/domain-module';
import { LOCAL_OPERATOR, type Engine } from '../engine';
import { useTempDirs } from '../test-support/temp-dir';
import { testEngine } from '../test-support/test-engine';
import { until } from '../test-support/until';
import { A, B, seedTwoOperators } from './test/two-operators';

const tempDir = useTempDirs();
const MISSING = 999_999;

let engine: Engine | null = null;
afterEach(async () => {
  await engine?.stop();
  engine = null;
});

/** An engine on the sandbox workspace with the two operators' world in its store, and the bus its domains emit on. */
async function twoOperatorDesk() {
  let bus: EventBus | null = null;
  const probe: DomainFactory = (ctx) => ((bus = ctx.events), { name: 'probe' });
  const started = testEngine(tempDir(), { extraDomains: [probe] });
  await started.engine.start();
  engine = started.engine;
  const world = seedTwoOperators(engine.db, started.clock.now());
  const desk = engine;
  const call = (method: string, input: unknown, as: CallContext = LOCAL_OPERATOR) => desk.dispatch(method, input, as);
  const value = async <T>(method: string, input: unknown, as?: CallContext): Promise<T> => {
    const result = (await call(method, input, as)) as CallResult<T>;
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value;
  };
  return { engine: desk, world, call, value, bus: bus! };
}

const ids = (list: { id: number }[]) => list.map((c) => c.id).sort((x, y) => x - y);
const sorted = (list: number[]) => [...list].sort((x, y) => x - y);

describe('what an operator who is not an admin sees', () => {
  it('lists only their conversations and their queues, with totals and pages cut in the query; an admin lists all and filters by operator', async () => {
    const { world, value } = await twoOperatorDesk();
    const list = (filter: object, limit: number, offset: number, as: CallContext) => value<{ conversations: ConversationView[]; total: number }>('inbox.conversations', { filter, limit, offset }, as);

    const all = await list({}, 100, 0, A);
    expect(ids(all.conversations)).toEqual(ids(world.a.visible));
    expect(all.total).toBe(3);
    const first = await list({}, 2, 0, A);
    const second = await list({}, 2, 2, A);
    expect(first.total).toBe(3);
    expect(second.total).toBe(3);
    expect(ids([...first.conversations, ...second.conversations])).toEqual(ids(world.a.visible));
    expect((await list({ assignee: 'nobody' }, 100, 0, A)).conversations.map((c) => c.title)).toEqual(['account 1 queue']);
    expect(await list({ source: { kind: 'account', id: 2 } }, 100, 0, A)).toEqual({ conversations: [], total: 0 });
    expect(await list({ assigneeId: B.actor }, 100, 0, A)).toEqual({ conversations: [], total: 0 });

    expect((await list({}, 100, 0, LOCAL_OPERATOR)).total).toBe(6);
    expect((await list({ assigneeId: B.actor }, 100, 0, LOCAL_OPERATOR)).conversations.map((c) => c.title).sort()).toEqual(['B holds of account 1', 'B own']);
    expect((await list({}, 100, 0, B)).conversations.map((c) => c.title).sort()).toEqual(['B holds of account 1', 'B own', 'account 2 queue']);
  });

  it('finds only messages of their conversations, the limit counting only their hits', async () => {
    const { world, value } = await twoOperatorDesk();
    const search = (limit: number, as: CallContext) => value<{ hits: SearchHit[] }>('inbox.search', { query: 'parcel', limit }, as);

    expect(sorted((await search(50, A)).hits.map((h) => h.conversationId))).toEqual(ids(world.a.visible));
    // The newest "parcel" of all is B's: A's one hit is their own newest.
    expect((await search(1, A)).hits.map((h) => h.conversationTitle)).toEqual(['A holds of the bot']);
    expect((await search(50, LOCAL_OPERATOR)).hits).toHaveLength(6);
  });

  it('answers every call naming a conversation, message or outbox item of someone else exactly as one naming nothing, and changes nothing', async () => {
    const { engine: desk, world, call } = await twoOperatorDesk();
    const hidden = world.byTitle['B own']!;
    const mine = world.byTitle['A own']!;
    // Each call, what it names, and its input with `id` where it names it.
    const calls: [string, keyof typeof hidden, (id: number) => object][] = [
      ['inbox.messages', 'id', (id) => ({ conversationId: id, limit: 10 })],
      ['inbox.messages', 'messageId', (id) => ({ conversationId: mine.id, beforeId: id, limit: 10 })],
      ['inbox.markRead', 'id', (id) => ({ conversationId: id })],
      ['inbox.reply', 'id', (id) => ({ conversationId: id, text: 'hello' })],
      ['inbox.reply', 'messageId', (id) => ({ conversationId: mine.id, text: 'hello', replyToId: id })],
      ['inbox.attachmentStart', 'id', (id) => ({ conversationId: id, fileName: 'a.txt', mimeType: 'text/plain', size: 3 })],
      ['inbox.retry', 'outboxId', (id) => ({ outboxId: id })],
      ['inbox.cancel', 'outboxId', (id) => ({ outboxId: id })],
      ['inbox.edits', 'messageId', (id) => ({ messageId: id })],
      ['inbox.media', 'messageId', (id) => ({ messageId: id })],
      ['inbox.setStatus', 'id', (id) => ({ conversationId: id, status: 'resolved' })],
      ['inbox.setLabels', 'id', (id) => ({ conversationId: id, labelIds: [] })],
      ['inbox.assign', 'id', (id) => ({ conversationId: id, operatorId: A.actor })],
      ['inbox.notes', 'id', (id) => ({ conversationId: id })],
      ['inbox.addNote', 'id', (id) => ({ conversationId: id, text: 'mine now' })],
    ];
    const state = () => desk.db.prepare('SELECT status, assignee_id, (SELECT count(*) FROM notes), (SELECT count(*) FROM outbox), (SELECT count(*) FROM messages) FROM conversations WHERE id = ?').raw().get(hidden.id);
    const before = state();
    for (const [method, named, input] of calls) {
      const id = hidden[named];
      const seen = await call(method, input(id), A);
      const missing = await call(method, input(MISSING), A);
      expect(seen, method).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect(seen.ok === false && seen.error.message.replace(String(id), '#'), method).toBe(missing.ok === false && missing.error.message.replace(String(MISSING), '#'));
    }
    expect(state()).toEqual(before);

    // Their own pass the guard: what answers is the handler.
    expect(await call('inbox.notes', { conversationId: mine.id }, A)).toEqual({ ok: true, value: { notes: [] } });
    expect(await call('inbox.edits', { messageId: mine.messageId }, A)).toEqual({ ok: true, value: { versions: [] } });
    expect(await call('inbox.retry', { outboxId: mine.outboxId }, A)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await call('inbox.setStatus', { conversationId: world.byTitle['account 1 queue']!.id, status: 'pending' }, A)).toMatchObject({ ok: true, value: { status: 'pending' } });
    // An admin reaches everyone's.
    expect(await call('inbox.notes', { conversationId: hidden.id })).toEqual({ ok: true, value: { notes: [] } });
  });

  it('exports nothing: the log and audit CSVs and the raw feed of incoming messages are the admin’s', async () => {
    const { call } = await twoOperatorDesk();
    for (const [method, input] of [
      ['logs.exportLogsCsv', {}],
      ['logs.exportAuditCsv', {}],
      ['messages.recent', {}],
    ] as const) {
      expect(await call(method, input, A), method).toEqual({ ok: false, error: { code: 'forbidden', message: 'Only an admin of this desk may do that.' } });
      expect(await call(method, input), method).toMatchObject({ ok: true });
    }
  });

  it('keeps an attachment to whoever started it: to anyone else its id is unknown', async () => {
    const { world, call } = await twoOperatorDesk();
    const started = await call('inbox.attachmentStart', { conversationId: world.byTitle['A own']!.id, fileName: 'note.txt', mimeType: 'text/plain', size: 3 }, A);
    if (!started.ok) throw new Error(started.error.message);
    const { attachmentId } = started.value as { attachmentId: string };
    const unknown = await call('inbox.attachmentChunk', { attachmentId: 'no-such-upload', index: 0, base64: 'YWJj' }, B);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });

    expect(await call('inbox.attachmentChunk', { attachmentId, index: 0, base64: 'YWJj' }, B)).toEqual(unknown);
    expect(await call('inbox.attachmentFinish', { attachmentId }, B)).toEqual(await call('inbox.attachmentFinish', { attachmentId: 'no-such-upload' }, B));
    expect(await call('inbox.attachmentChunk', { attachmentId, index: 0, base64: 'YWJj' }, A)).toEqual({ ok: true, value: { received: 3 } });
    expect(await call('inbox.attachmentFinish', { attachmentId }, A)).toMatchObject({ ok: true, value: { attachmentId } });
    // Not even an admin sends it for them.
    expect(await call('inbox.reply', { conversationId: world.byTitle['A own']!.id, attachmentId })).toMatchObject({ ok: false, error: { code: 'not_found', message: 'That attachment is not ready in this chat; attach the file again.' } });
  });

  it('lists only the accounts and bots they may work, without the desk’s phone numbers, api_id or Bot API server', async () => {
    const { value } = await twoOperatorDesk();
    const accounts = (as: CallContext) => value<{ accounts: AccountView[]; defaults: { apiId: number | null } }>('accounts.list', {}, as);
    const bots = (as: CallContext) => value<{ bots: BotView[] }>('bots.list', {}, as);

    expect((await accounts(A)).accounts.map((a) => [a.id, a.firstName, a.phone])).toEqual([[1, 'Sales', '•••1111']]);
    expect((await accounts(A)).defaults).toEqual({ apiId: null, hasApiHash: false });
    expect((await bots(A)).bots).toEqual([]);
    expect((await accounts(B)).accounts.map((a) => a.id)).toEqual([2]);
    expect((await bots(B)).bots).toMatchObject([{ id: 1, username: 'help_bot', apiServer: null, webhook: null }]);

    expect((await accounts(LOCAL_OPERATOR)).accounts.map((a) => a.phone)).toEqual(['+15550001111', '+15550002222']);
    expect((await bots(LOCAL_OPERATOR)).bots).toMatchObject([{ apiServer: 'http://10.0.0.5:8081' }]);
  });
});

describe('the events an operator’s window gets', () => {
  /** Subscribes each viewer and collects what reaches them. */
  function listen(desk: Engine, viewers: Record<string, CallContext | undefined>) {
    const got: Record<string, DeskEvent[][]> = {};
    for (const [name, viewer] of Object.entries(viewers)) {
      got[name] = [];
      desk.subscribe((batch) => got[name]!.push(batch), viewer);
    }
    return got;
  }

  it('cuts one batch of everyone’s events to each operator’s part; an admin gets the batch itself, and a type nobody declared reaches no operator', async () => {
    const { engine: desk, world, bus, value } = await twoOperatorDesk();
    const got = listen(desk, { a: A, aSecondWindow: A, b: B, admin: LOCAL_OPERATOR, local: undefined });
    const allConversations = await value<{ conversations: ConversationView[] }>('inbox.conversations', { filter: {}, limit: 100, offset: 0 });
    const allMessages = Object.values(world.byTitle).map((c) => ({ ...messageOf(c.messageId), conversationId: c.id }));
    const queue = (kind: 'account' | 'bot', id: number) => ({ sender: { kind, id }, senderName: `${kind} ${id}`, waiting: 1, oldestSince: 1 });
    const accounts = await value<{ accounts: AccountView[] }>('accounts.list', {});
    const batch: DeskEvent[] = [
      { type: 'inbox.conversationsChanged', payload: { conversations: allConversations.conversations } },
      { type: 'inbox.messagesChanged', payload: { messages: allMessages } },
      {
        type: 'inbox.assignmentChanged',
        payload: {
          changes: [
            { conversationId: world.byTitle['account 2 queue']!.id, sender: { kind: 'account', id: 2 }, from: null, to: B.actor, reason: 'auto' },
            { conversationId: world.byTitle['B holds of account 1']!.id, sender: { kind: 'account', id: 1 }, from: null, to: B.actor, reason: 'manual' },
          ],
        },
      },
      { type: 'inbox.queuesChanged', payload: { queues: [queue('account', 1), queue('account', 2), queue('bot', 1)] } },
      { type: 'accounts.changed', payload: accounts.accounts[0]! },
      { type: 'accounts.changed', payload: accounts.accounts[1]! },
      { type: 'logs.appended', payload: { entries: [] } },
      { type: 'messages.received', payload: { messages: [] } },
      { type: 'operators.changed', payload: { operators: [] } },
      { type: 'system.notice', payload: { level: 'info', message: 'hello team' } },
      { type: 'probe.secret', payload: { conversations: allConversations.conversations } } as unknown as DeskEvent,
    ];
    for (const event of batch) bus.emit(event);
    await until(() => got.a!.length + got.b!.length + got.admin!.length + got.local!.length, (n) => n === 4, 'one batch for each viewer');

    const [forA] = got.a!;
    expect(forA!.map((e) => e.type)).toEqual(['inbox.conversationsChanged', 'inbox.messagesChanged', 'inbox.assignmentChanged', 'inbox.queuesChanged', 'accounts.changed', 'operators.changed', 'system.notice']);
    const payloadOf = <T>(events: DeskEvent[], type: string) => events.find((e) => e.type === type)!.payload as T;
    expect(ids(payloadOf<{ conversations: ConversationView[] }>(forA!, 'inbox.conversationsChanged').conversations)).toEqual(ids(world.a.visible));
    expect(sorted(payloadOf<{ messages: { conversationId: number }[] }>(forA!, 'inbox.messagesChanged').messages.map((m) => m.conversationId))).toEqual(ids(world.a.visible));
    // B's taking a chat of account 1 tells A it left their queue; account 2's is none of A's business.
    expect(payloadOf<{ changes: { conversationId: number }[] }>(forA!, 'inbox.assignmentChanged').changes.map((c) => c.conversationId)).toEqual([world.byTitle['B holds of account 1']!.id]);
    expect(payloadOf<{ queues: { sender: object }[] }>(forA!, 'inbox.queuesChanged').queues.map((q) => q.sender)).toEqual([{ kind: 'account', id: 1 }]);
    expect(payloadOf<AccountView>(forA!, 'accounts.changed')).toMatchObject({ id: 1, phone: '•••1111' });
    // Nothing of B's anywhere in what A's socket would carry.
    const frame = JSON.stringify(forA);
    for (const title of ['B own', 'account 2 queue', 'B holds of account 1']) expect(frame).not.toContain(`"title":"${title}"`);
    expect(frame).not.toContain('+15550002222');

    // A's two windows share one cut (a transport serializes it once); the admin and the desk's own window get the batch itself.
    expect(got.aSecondWindow![0]).toBe(forA);
    expect(got.admin![0]).toBe(got.local![0]);
    expect(got.admin![0]!.map((e) => e.type)).toContain('probe.secret');
    expect(got.b![0]!.map((e) => e.type)).not.toContain('probe.secret');
    expect(ids(payloadOf<{ conversations: ConversationView[] }>(got.b![0]!, 'inbox.conversationsChanged').conversations)).toEqual(ids(world.a.hidden));
  });

  it('reads an operator’s senders for each batch: a queue given to them reaches them from the next batch on', async () => {
    const { engine: desk, world, bus } = await twoOperatorDesk();
    const got = listen(desk, { a: A });
    const queued = world.byTitle['account 2 queue']!.id;
    const announce = () => bus.emit({ type: 'inbox.messagesChanged', payload: { messages: [{ ...messageOf(world.byTitle['account 2 queue']!.messageId), conversationId: queued }] } });
    announce();
    bus.emit({ type: 'system.notice', payload: { level: 'info', message: 'first batch' } });
    await until(() => got.a!.length, (n) => n === 1, 'the first batch');
    expect(got.a![0]!.map((e) => e.type)).toEqual(['system.notice']);

    desk.db.prepare("INSERT INTO operator_senders (operator_id, sender_kind, sender_id) VALUES (?, 'account', 2)").run(A.actor);
    announce();
    await until(() => got.a!.length, (n) => n === 2, 'the second batch');
    expect(got.a![1]).toMatchObject([{ type: 'inbox.messagesChanged', payload: { messages: [{ conversationId: queued }] } }]);
  });

  it('sends a real change of B’s conversation to B and the admin, never to A', async () => {
    const { engine: desk, world, call } = await twoOperatorDesk();
    const got = listen(desk, { a: A, b: B, admin: LOCAL_OPERATOR });
    const hidden = world.byTitle['B own']!.id;
    expect(await call('inbox.setStatus', { conversationId: hidden, status: 'resolved' }, B)).toMatchObject({ ok: true });
    await until(() => got.b!.flat().find((e) => e.type === 'inbox.conversationsChanged'), (e) => e !== undefined, 'B told of their change');
    await until(() => got.admin!.flat().find((e) => e.type === 'inbox.conversationsChanged'), (e) => e !== undefined, 'the admin told');
    expect(await call('inbox.setStatus', { conversationId: world.byTitle['A own']!.id, status: 'resolved' }, A)).toMatchObject({ ok: true });
    await until(() => got.a!.flat().find((e) => e.type === 'inbox.conversationsChanged'), (e) => e !== undefined, 'A told of their own change');
    const toldA = got.a!.flat().flatMap((e) => (e.type === 'inbox.conversationsChanged' ? e.payload.conversations.map((c) => c.id) : []));
    expect(toldA).toEqual([world.byTitle['A own']!.id]);
  });
});

/** A message as the window gets it (only its id and conversation matter to the cut). */
function messageOf(id: number) {
  return {
    id,
    conversationId: 0,
    telegramMessageId: 1,
    senderId: null,
    senderName: 'Someone',
    outgoing: false,
    date: 0,
    text: 'where is my parcel?',
    media: null,
    replyTo: null,
    editedAt: null,
    hasEdits: false,
    deletedAt: null,
    outboxId: null,
    delivery: null,
  };
}
