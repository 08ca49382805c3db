import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir';
import type { BotFlow } from './bot-flow';
import { createBotFlowRouter, FAILURE_TEXT } from './router';
import { pingFlow } from './test/ping-flow';
import { addBot, applyUpdate, batch, callback, inboxSaw, message, openFlowsDatabase, person, pingLog, queued, recordingActions, recordingInbox, reopen } from './test/flows-harness';

const tempDir = useTempDirs();

describe('the bot flow router', () => {
  let db: Database;
  const logger = { error: vi.fn() };
  const ann = person(501, 'en', 'Ann');
  const boris = person(502, 'ru-RU', 'Борис');

  const routerWith = (flows: BotFlow[]) => [createBotFlowRouter({ flows, actions: recordingActions(db), logger }), recordingInbox];
  let updateId = 1;
  const deliver = (flows: BotFlow[], b: ReturnType<typeof batch>) => applyUpdate(db, updateId++, b, routerWith(flows));

  beforeEach(() => {
    db = openFlowsDatabase(tempDir());
    addBot(db, 1, ['inbox', 'ping']);
    addBot(db, 2, ['inbox']);
    logger.error.mockClear();
    updateId = 1;
  });
  afterEach(() => db.close());

  it("gives a command to the flow that owns it, queues the flow's reply with its origin, and keeps it from the inbox", () => {
    const ping = message(1, ann, '/ping now', { name: 'ping', args: 'now' });
    deliver([pingFlow()], batch(1, { messages: [ping, message(1, ann, 'hello')] }));

    expect(pingLog(db)).toEqual(['ping now']);
    expect(queued(db)).toEqual([
      {
        kind: 'message',
        bot_id: 1,
        target: 'user:501',
        text: 'pong, Ann',
        keyboard: JSON.stringify([[{ text: 'Again', callbackData: 'ping:again' }]]),
        alert: 0,
        domain: 'ping',
        ref: `user:501:${ping.telegramMessageId}`,
      },
    ]);
    expect(inboxSaw(db)).toEqual(['user:501: hello']);
  });

  it("speaks the person's language: ru* is Russian, anything else English", () => {
    deliver([pingFlow()], batch(1, { messages: [message(1, boris, '/ping', { name: 'ping', args: '' }), message(1, person(503, null, 'Zed'), '/ping', { name: 'ping', args: '' }), message(1, person(504, 'uk', 'Ola'), '/ping', { name: 'ping', args: '' })] }));
    expect(queued(db).map((a) => a.text)).toEqual(['понг, Борис', 'pong, Zed', 'pong, Ola']);
  });

  it("uses the operator's edit of a text over the default, in that language only", () => {
    db.prepare("INSERT INTO bot_texts (role, key, language, text, updated_at, updated_by) VALUES ('ping', 'pong', 'ru', 'Понг-понг, {{name}}! {{unknown}}', 1, 'operator:local')").run();
    deliver([pingFlow()], batch(1, { messages: [message(1, boris, '/ping', { name: 'ping', args: '' }), message(1, ann, '/ping', { name: 'ping', args: '' })] }));
    expect(queued(db).map((a) => a.text)).toEqual(['Понг-понг, Борис! {{unknown}}', 'pong, Ann']);
  });

  it('gives a button press to the flow whose prefix its data starts with; the flow edits and answers', () => {
    const press = callback(ann, 'ping:again', 42);
    deliver([pingFlow()], batch(1, { callbacks: [press] }));
    expect(pingLog(db)).toEqual(['button ping:again']);
    expect(queued(db).map(({ kind, target, text, domain }) => ({ kind, target, text, domain }))).toEqual([
      { kind: 'edit', target: 'user:501#42', text: 'pong, Ann', domain: 'ping' },
      { kind: 'answer', target: press.id, text: 'Again', domain: 'ping' },
    ]);
    expect(inboxSaw(db)).toEqual([]);
  });

  it("answers a press the flow left unanswered, and a press nobody owns, with an empty answer so the button stops spinning", () => {
    const unanswered = callback(ann, 'ping:other');
    const foreign = callback(ann, 'rw:claim:9');
    const noData = callback(ann, null);
    const onRolelessBot = callback(ann, 'ping:again');
    deliver([pingFlow()], batch(1, { callbacks: [unanswered, foreign, noData] }));
    deliver([pingFlow()], batch(2, { callbacks: [onRolelessBot] }));
    expect(queued(db).map(({ kind, bot_id, target, text, domain }) => ({ kind, bot_id, target, text, domain }))).toEqual([
      { kind: 'answer', bot_id: 1, target: unanswered.id, text: null, domain: 'ping' },
      { kind: 'answer', bot_id: 1, target: foreign.id, text: null, domain: 'bot-flows' },
      { kind: 'answer', bot_id: 1, target: noData.id, text: null, domain: 'bot-flows' },
      { kind: 'answer', bot_id: 2, target: onRolelessBot.id, text: null, domain: 'bot-flows' },
    ]);
    expect(pingLog(db)).toEqual(['button ping:other']);
  });

  it("a plain message goes to the first flow whose onMessage claims it; what a flow that declines did is taken back", () => {
    const declining: BotFlow = {
      role: 'shy',
      onMessage(ctx) {
        ctx.db.prepare("INSERT INTO ping_log (role, chat_key, what) VALUES ('shy', ?, 'peeked')").run(ctx.chatKey);
        ctx.reply('should not leave');
        return false;
      },
      texts: {},
    };
    addBot(db, 3, ['shy', 'ping']);
    deliver([declining, pingFlow()], batch(3, { messages: [message(3, ann, 'ping?'), message(3, ann, 'just chatting')] }));
    // The shy flow's row and reply, and the ping flow's note on the message it declined, are gone.
    expect(pingLog(db)).toEqual(['looked at ping?']);
    expect(queued(db).map((a) => a.text)).toEqual(['pong, Ann']);
    expect(inboxSaw(db)).toEqual(['user:501: just chatting']);
  });

  it('passes on untouched: bots without flow roles, commands no flow of the bot owns, the bot\'s own messages, and account batches', () => {
    const flows = [pingFlow()];
    const onRoleless = batch(2, { messages: [message(2, ann, '/ping', { name: 'ping', args: '' })] });
    const notOwned = batch(1, { messages: [message(1, ann, '/start', { name: 'start', args: '' })] });
    const own = { ...message(1, ann, '/ping', { name: 'ping', args: '' }), outgoing: true };
    const account = batch(1, { messages: [message(1, ann, '/ping', { name: 'ping', args: '' })], callbacks: [callback(ann, 'ping:again')] }, 'account');
    const router = createBotFlowRouter({ flows, actions: recordingActions(db), logger });
    const ctx = { db, now: 1, afterCommit: () => undefined };
    expect(router.consume(onRoleless, ctx)).toBeUndefined();
    expect(router.consume(notOwned, ctx)).toBeUndefined();
    expect(router.consume(batch(1, { messages: [own] }), ctx)).toBeUndefined();
    expect(router.consume(account, ctx)).toBeUndefined();
    expect(queued(db)).toEqual([]);
    // A command is never offered to onMessage: one no flow owns is the inbox's.
    expect(pingLog(db)).toEqual([]);
  });

  it('routes by the roles the bot serves now, and to the first registered flow when two own a command', () => {
    const second = { ...pingFlow('second', 'sec:'), texts: { pong: { en: 'second pong', ru: 'второй' }, again: { en: 'x', ru: 'x' } } };
    addBot(db, 4, ['second']);
    deliver([pingFlow(), second], batch(4, { messages: [message(4, ann, '/ping', { name: 'ping', args: '' })] }));
    db.prepare("INSERT INTO bot_roles (bot_id, role) VALUES (4, 'ping')").run();
    deliver([pingFlow(), second], batch(4, { messages: [message(4, ann, '/ping', { name: 'ping', args: '' })] }));
    expect(queued(db).map((a) => [a.domain, a.text])).toEqual([
      ['second', 'second pong'],
      ['ping', 'pong, Ann'],
    ]);
  });

  it('an edited command is neither run again nor shown to operators; other edits pass on', () => {
    const ping = message(1, ann, '/ping', { name: 'ping', args: '' });
    const edited = { ...ping, text: '/ping again', command: { name: 'ping', args: 'again' } };
    const chat = { ...message(1, ann, 'hello'), text: 'hello!' };
    const router = createBotFlowRouter({ flows: [pingFlow()], actions: recordingActions(db), logger });
    const passed = router.consume({ ...batch(1, {}), edits: [edited, chat] }, { db, now: 1, afterCommit: () => undefined });
    expect(passed?.edits).toEqual([chat]);
    expect(pingLog(db)).toEqual([]);
  });

  it("when the outbox refuses the router's own answer, the update still commits and the log says why", () => {
    const refusing = { ...recordingActions(db), answerCallback: () => { throw new Error('There is no bot 1; it may have been removed.'); } };
    const router = createBotFlowRouter({ flows: [pingFlow()], actions: refusing, logger });
    expect(applyUpdate(db, 30, batch(1, { callbacks: [callback(ann, 'rw:old')], messages: [message(1, ann, 'hi')] }), [router, recordingInbox])).toBe('applied');
    expect(inboxSaw(db)).toEqual(['user:501: hi']);
    expect(logger.error.mock.calls[0]![1]).toBe('the bot flow router could not queue its own answer');
  });

  describe('a handler that throws', () => {
    it("leaves nothing of its own, tells the person in their language, logs why, and lets the inbox have the message", () => {
      const boom = message(1, boris, '/boom', { name: 'boom', args: '' });
      deliver([pingFlow()], batch(1, { messages: [boom, message(1, ann, '/ping', { name: 'ping', args: '' })] }));

      expect(pingLog(db)).toEqual(['ping']);
      expect(queued(db).map(({ kind, target, text, domain }) => ({ kind, target, text, domain }))).toEqual([
        { kind: 'message', target: 'user:502', text: FAILURE_TEXT.ru, domain: 'bot-flows' },
        { kind: 'message', target: 'user:501', text: 'pong, Ann', domain: 'ping' },
      ]);
      expect(inboxSaw(db)).toEqual(['user:502: /boom']);
      expect(logger.error).toHaveBeenCalledTimes(1);
      expect(logger.error.mock.calls[0]![0]).toMatchObject({ scope: 'bot-flows', role: 'ping', botId: 1, chatKey: 'user:502', update: '/boom' });
      expect(db.prepare('SELECT update_offset FROM bots WHERE id = 1').pluck().get()).toBe(2);
    });

    it('on a button: the press is answered with the failure text instead', () => {
      const press = callback(ann, 'ping:boom');
      deliver([pingFlow()], batch(1, { callbacks: [press] }));
      expect(pingLog(db)).toEqual([]);
      expect(queued(db).map(({ kind, target, text, domain }) => ({ kind, target, text, domain }))).toEqual([{ kind: 'answer', target: press.id, text: FAILURE_TEXT.en, domain: 'bot-flows' }]);
    });

    it('a keyboard Telegram would refuse (callback_data over 64 bytes) fails the handler before anything is queued', () => {
      const greedy: BotFlow = {
        role: 'ping',
        commands: { ping: (ctx) => ctx.reply('hi', { keyboard: [[{ text: 'go', callbackData: `ping:${'я'.repeat(30)}` }]] }) },
        texts: {},
      };
      deliver([greedy], batch(1, { messages: [message(1, ann, '/ping', { name: 'ping', args: '' })] }));
      expect(queued(db).map((a) => a.text)).toEqual([FAILURE_TEXT.en]);
      expect(String(logger.error.mock.calls[0]![0].err)).toMatch(/callback data is 1 to 64 bytes/);
    });
  });

  it('a write SQLite cannot make (a full disk) is no flow failure: the whole update rolls back to come again', () => {
    const diskFull = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    const full: BotFlow = { role: 'ping', commands: { ping: () => { throw diskFull; } }, texts: {} };
    const update = batch(1, { messages: [message(1, ann, '/ping', { name: 'ping', args: '' })] });
    expect(() => applyUpdate(db, 40, update, routerWith([full]))).toThrow('database or disk is full');
    expect(queued(db)).toEqual([]);
    expect(inboxSaw(db)).toEqual([]);
    expect(logger.error).not.toHaveBeenCalled();
    expect(db.prepare('SELECT update_offset FROM bots WHERE id = 1').pluck().get()).toBe(0);
  });

  describe('exactly once across a crash', () => {
    it('an update delivered again after its commit never reaches the handler twice', () => {
      const flows = [pingFlow()];
      const once = batch(1, { messages: [message(1, ann, '/ping', { name: 'ping', args: '' })], callbacks: [callback(ann, 'ping:again')] });
      expect(applyUpdate(db, 10, once, routerWith(flows))).toBe('applied');
      db = reopen(db);
      // Telegram redelivers it (the answer to getUpdates was lost, or a webhook was retried).
      expect(applyUpdate(db, 10, once, routerWith(flows))).toBe('skipped');
      expect(pingLog(db)).toEqual(['ping', 'button ping:again']);
      expect(queued(db).map((a) => a.kind)).toEqual(['message', 'edit', 'answer']);
    });

    it('an update whose transaction died before COMMIT left nothing, and applies once when delivered again', () => {
      const flows = [pingFlow()];
      const update = batch(1, { messages: [message(1, ann, '/ping', { name: 'ping', args: '' })] });
      expect(() => applyUpdate(db, 20, update, routerWith(flows), { crashBeforeCommit: true })).toThrow('power cut');
      db = reopen(db);
      expect(pingLog(db)).toEqual([]);
      expect(queued(db)).toEqual([]);
      expect(applyUpdate(db, 20, update, routerWith(flows))).toBe('applied');
      expect(applyUpdate(db, 20, update, routerWith(flows))).toBe('skipped');
      expect(pingLog(db)).toEqual(['ping']);
      expect(queued(db)).toHaveLength(1);
    });
  });

  it('refuses at start flows that would misroute: a taken role, the inbox role, overlapping prefixes, a bad command name', () => {
    const make = (flows: BotFlow[]) => () => createBotFlowRouter({ flows, actions: recordingActions(db), logger });
    expect(make([pingFlow(), pingFlow('ping', 'other:')])).toThrow(/Two bot flows claim the role "ping"/);
    expect(make([{ role: 'inbox', texts: {} }])).toThrow(/support inbox's role/);
    expect(make([pingFlow('a', 'rw:'), pingFlow('b', 'rw:claim:')])).toThrow(/overlapping callback prefixes/);
    expect(make([{ role: 'c', commands: { 'Do It': () => undefined }, texts: {} }])).toThrow(/command "Do It"/);
    expect(make([{ role: 'd', onCallback: () => undefined, texts: {} }])).toThrow(/names no callbackPrefix/);
  });
});
