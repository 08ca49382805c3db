import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskEvent } from '../../../shared/contract/index';
import { DeskError } from '../../../shared/contract/result';
import type { AuditRecord } from '../audit/audit-repo';
import { useTempDirs } from '../test-support/temp-dir';
import { botFlowsHandlers } from './handlers';
import { createBotFlowRouter } from './router';
import { pingFlow } from './test/ping-flow';
import { addBot, applyUpdate, batch, message, openFlowsDatabase, person, queued, recordingActions } from './test/flows-harness';
import { adminCall } from '../test-support/call-context';

const tempDir = useTempDirs();
const operator = adminCall('operator:local');

describe('botFlows handlers', () => {
  let db: Database;
  let audit: AuditRecord[];
  let events: DeskEvent[];
  let handlers: ReturnType<typeof botFlowsHandlers>;

  beforeEach(() => {
    db = openFlowsDatabase(tempDir());
    addBot(db, 1, ['inbox']);
    audit = [];
    events = [];
    handlers = botFlowsHandlers({ db, flows: [pingFlow()], now: () => 5_000, audit: (r) => audit.push(r), emit: (e) => events.push(e) });
  });
  afterEach(() => db.close());

  const refusal = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      if (error instanceof DeskError) return { code: error.code, message: error.message };
      throw error;
    }
    throw new Error('expected a refusal');
  };

  it("lists a bot's roles and every role the desk knows", () => {
    expect(handlers['botFlows.roles']({ botId: 1 })).toEqual({ botId: 1, roles: ['inbox'], available: ['inbox', 'ping'] });
    expect(refusal(() => handlers['botFlows.roles']({ botId: 9 }))).toEqual({ code: 'not_found', message: 'There is no bot 9; it may have been removed.' });
  });

  it('sets the roles, on the audit trail with before and after, and tells the windows', () => {
    const view = handlers['botFlows.setRoles']({ botId: 1, roles: ['ping', 'inbox', 'ping'] }, operator);
    expect(view.roles).toEqual(['inbox', 'ping']);
    expect(audit).toEqual([{ actor: 'operator:local', action: 'botFlows.setRoles', target: 'bot:1', details: { username: 'bot1', from: ['inbox'], to: ['inbox', 'ping'] } }]);
    expect(events).toEqual([{ type: 'botFlows.rolesChanged', payload: view }]);
  });

  it('keeps the inbox role on every bot: what no flow takes reaches the inbox anyway', () => {
    expect(handlers['botFlows.setRoles']({ botId: 1, roles: ['ping'] }, operator).roles).toEqual(['inbox', 'ping']);
    expect(handlers['botFlows.setRoles']({ botId: 1, roles: [] }, operator).roles).toEqual(['inbox']);
  });

  it("hides a role whose flow is gone, so a change from the window is not refused for it, and drops it then", () => {
    db.prepare("INSERT INTO bot_roles (bot_id, role) VALUES (1, 'retired')").run();
    expect(handlers['botFlows.roles']({ botId: 1 }).roles).toEqual(['inbox']);
    handlers['botFlows.setRoles']({ botId: 1, roles: ['inbox', 'ping'] }, operator);
    expect(db.prepare('SELECT role FROM bot_roles WHERE bot_id = 1 ORDER BY role').pluck().all()).toEqual(['inbox', 'ping']);
  });

  it('refuses a role no flow serves, saying which exist, and changes nothing', () => {
    expect(refusal(() => handlers['botFlows.setRoles']({ botId: 1, roles: ['inbox', 'rewards'] }, operator))).toEqual({
      code: 'invalid_input',
      message: 'Unknown bot role: rewards. A bot can serve: inbox, ping.',
    });
    expect(handlers['botFlows.roles']({ botId: 1 }).roles).toEqual(['inbox']);
    expect(audit).toEqual([]);
  });

  it("lists a role's texts per language with their defaults, edits and variables", () => {
    const { texts } = handlers['botFlows.texts']({ role: 'ping' });
    expect(texts.map((t) => [t.key, t.language, t.defaultText, t.editedText, t.variables])).toEqual([
      ['pong', 'en', 'pong, {{name}}', null, ['name']],
      ['pong', 'ru', 'понг, {{name}}', null, ['name']],
      ['again', 'en', 'Again', null, []],
      ['again', 'ru', 'Ещё', null, []],
    ]);
    expect(refusal(() => handlers['botFlows.texts']({ role: 'inbox' })).message).toMatch(/No bot flow serves the role "inbox". The support inbox has no bot texts/);
  });

  it('saves an edit the bot then sends, and reset brings the default back; both audited', () => {
    addBot(db, 2, ['ping']);
    const saved = handlers['botFlows.setText']({ role: 'ping', key: 'pong', language: 'ru', text: 'Понг! Привет, {{name}}' }, operator);
    expect(saved).toMatchObject({ editedText: 'Понг! Привет, {{name}}', updatedAt: 5_000, updatedBy: 'operator:local' });

    const router = createBotFlowRouter({ flows: [pingFlow()], actions: recordingActions(db), logger: { error: () => undefined } });
    applyUpdate(db, 1, batch(2, { messages: [message(2, person(7, 'ru', 'Олег'), '/ping', { name: 'ping', args: '' })] }), [router]);
    const reset = handlers['botFlows.resetText']({ role: 'ping', key: 'pong', language: 'ru' }, operator);
    expect(reset).toMatchObject({ editedText: null, updatedAt: null });
    applyUpdate(db, 2, batch(2, { messages: [message(2, person(7, 'ru', 'Олег'), '/ping', { name: 'ping', args: '' })] }), [router]);

    expect(queued(db).map((a) => a.text)).toEqual(['Понг! Привет, Олег', 'понг, Олег']);
    expect(audit.map((a) => [a.action, a.target])).toEqual([
      ['botFlows.setText', 'ping/pong/ru'],
      ['botFlows.resetText', 'ping/pong/ru'],
    ]);
    expect(events.map((e) => e.type)).toEqual(['botFlows.textChanged', 'botFlows.textChanged']);
  });

  it('refuses an edit that would break the message, with the reason, and keeps the text as it was', () => {
    const set = (text: string) => refusal(() => handlers['botFlows.setText']({ role: 'ping', key: 'pong', language: 'en', text }, operator));
    expect(set('  ')).toEqual({ code: 'invalid_input', message: 'The text is empty; write something, or reset it to the default.' });
    expect(set('pong!')).toEqual({ code: 'invalid_input', message: 'The text must keep {{name}}: the bot fills it in for each person.' });
    expect(set('pong {{name}} {{balance}}').message).toMatch(/cannot fill \{\{balance\}\}/);
    expect(set(`{{name}}${'x'.repeat(4090)}`).message).toMatch(/too long/);
    expect(refusal(() => handlers['botFlows.setText']({ role: 'ping', key: 'nope', language: 'en', text: 'x' }, operator)).message).toBe('The ping bot has no text "nope".');
    expect(handlers['botFlows.texts']({ role: 'ping' }).texts.every((t) => t.editedText === null)).toBe(true);
    expect(audit).toEqual([]);
  });

  it('the default written out again is no edit', () => {
    handlers['botFlows.setText']({ role: 'ping', key: 'again', language: 'en', text: 'Once more' }, operator);
    const view = handlers['botFlows.setText']({ role: 'ping', key: 'again', language: 'en', text: 'Again' }, operator);
    expect(view.editedText).toBeNull();
    expect(db.prepare('SELECT count(*) FROM bot_texts').pluck().get()).toBe(0);
  });
});
