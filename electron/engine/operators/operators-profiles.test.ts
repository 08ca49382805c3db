import { describe, expect, it } from 'vitest';
import type { InviteLink, OperatorView } from '../../../shared/domain/operators';
import { useTempDirs } from '../test-support/temp-dir';
import { hashToken } from './secret-tokens';
import { operatorsHarness, profile, tokenOf } from './test/operators-harness';

const tempDir = useTempDirs();
const asOperator = (actor: string) => ({ actor, role: 'operator' as const, sessionId: null });

function addBot(db: ReturnType<typeof operatorsHarness>['db'], id: number): void {
  db.prepare("INSERT INTO bots (id, telegram_bot_id, username, first_name, token_enc, mode, created_at, updated_at) VALUES (?, ?, 'desk_bot', 'Desk', 'x', 'polling', 0, 0)").run(id, 7000 + id);
}

function addConversation(db: ReturnType<typeof operatorsHarness>['db'], assignee: string, status: string): void {
  db.prepare("INSERT INTO conversations (source_kind, source_id, chat_key, kind, title, last_activity_at, created_at, status, assignee_id) VALUES ('bot', 1, ?, 'private', 'x', 1, 1, ?, ?)").run(
    `user:${Math.random()}`,
    status,
    assignee,
  );
}

describe('operator profiles', () => {
  it('starts with the desk’s own admin, and an invite adds an operator with a one-time link whose token is stored only as a hash', async () => {
    const h = operatorsHarness(tempDir());
    expect((await h.value<{ operators: OperatorView[] }>('operators.list', {})).operators).toEqual([
      expect.objectContaining({ id: 'operator:local', name: 'This desk', role: 'admin', capacity: null, state: 'ready', presence: 'offline', openConversations: 0 }),
    ]);
    addBot(h.db, 1);

    const { operator, invite } = await h.value<{ operator: OperatorView; invite: InviteLink }>('operators.invite', profile({ languages: ['ru', 'en'], senders: [{ kind: 'bot', id: 1 }] }));
    expect(operator).toMatchObject({ name: 'Anna', role: 'operator', languages: ['ru', 'en'], capacity: 3, autoAssign: true, senders: [{ kind: 'bot', id: 1 }], state: 'invited', telegram: null });
    expect(operator.id).toMatch(/^operator:[\w-]{16}$/);
    expect(invite.url).toMatch(/^https:\/\/[\d.]+:47900\/invite\?token=[\w-]{43}$/);
    expect(invite.expiresAt).toBe(h.clock.now() + 72 * 3_600_000);
    const stored = h.db.prepare('SELECT token_hash FROM operator_invites WHERE operator_id = ?').pluck().all(operator.id);
    expect(stored).toEqual([hashToken(tokenOf(invite.url))]);
    expect(JSON.stringify(h.db.prepare('SELECT * FROM operator_invites').all())).not.toContain(tokenOf(invite.url));
    expect(h.heard).toContainEqual({ name: 'operators.profilesChanged', payload: { operatorIds: [operator.id] } });
    expect(h.ofType('operators.changed').at(-1)?.payload.operators).toEqual([operator]);
  });

  it('refuses a capacity of zero or none for an operator, a name already taken in any case, and senders that do not exist, creating nothing', async () => {
    const h = operatorsHarness(tempDir());
    expect(await h.call('operators.invite', profile({ capacity: 0 }))).toEqual({ ok: false, error: { code: 'invalid_input', message: 'capacity: must be at least 1 open conversation' } });
    expect(await h.call('operators.invite', profile({ capacity: -2 }))).toMatchObject({ ok: false, error: { message: 'capacity: must be at least 1 open conversation' } });
    expect(await h.call('operators.invite', profile({ capacity: null }))).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'capacity: an operator needs a capacity (open conversations at once)' },
    });
    expect(await h.call('operators.invite', profile({ senders: [{ kind: 'account', id: 7 }] }))).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'senders: there is no account 7 on this desk.' },
    });
    await h.value('operators.invite', profile({ name: 'Anna' }));
    expect(await h.call('operators.invite', profile({ name: '  ANNA ' }))).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'name: Anna is already on the team; operators sign in by name, so each needs their own.' },
    });
    expect((await h.value<{ operators: OperatorView[] }>('operators.list', {})).operators.map((o) => o.name)).toEqual(['This desk', 'Anna']);
    expect(h.db.prepare('SELECT count(*) FROM operator_invites').pluck().get()).toBe(1);
  });

  it('updates a profile, counting open (not resolved) conversations, and keeps names unique on update too', async () => {
    const h = operatorsHarness(tempDir());
    const anna = (await h.value<{ operator: OperatorView }>('operators.invite', profile())).operator;
    await h.value('operators.invite', profile({ name: 'Boris' }));
    addConversation(h.db, anna.id, 'open');
    addConversation(h.db, anna.id, 'pending');
    addConversation(h.db, anna.id, 'resolved');

    const updated = await h.value<OperatorView>('operators.update', { id: anna.id, profile: profile({ name: 'Anna K', capacity: 8, autoAssign: false, languages: [] }) });
    expect(updated).toMatchObject({ id: anna.id, name: 'Anna K', capacity: 8, autoAssign: false, languages: [], openConversations: 2 });
    expect(await h.call('operators.update', { id: anna.id, profile: profile({ name: 'boris' }) })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await h.call('operators.update', { id: 'operator:nobody', profile: profile({ name: 'Zed' }) })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'There is no operator operator:nobody.' },
    });
  });

  it('keeps the desk’s own admin: it cannot be demoted nor removed, and the last admin cannot step down', async () => {
    const h = operatorsHarness(tempDir());
    expect(await h.call('operators.update', { id: 'operator:local', profile: profile({ name: 'Me', role: 'operator' }) })).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'The desk’s own admin (this desktop) always stays an admin; choose another operator to demote.' },
    });
    expect(await h.call('operators.remove', { id: 'operator:local', confirm: true })).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'The desk’s own admin (this desktop) cannot be removed.' },
    });
    expect(await h.value('operators.update', { id: 'operator:local', profile: profile({ name: 'Head desk', role: 'admin', capacity: null }) })).toMatchObject({ name: 'Head desk', role: 'admin' });

    const vera = (await h.value<{ operator: OperatorView }>('operators.invite', profile({ name: 'Vera', role: 'admin', capacity: null }))).operator;
    expect(await h.value('operators.update', { id: vera.id, profile: profile({ name: 'Vera', role: 'operator' }) }, { actor: vera.id, role: 'admin', sessionId: null })).toMatchObject({ role: 'operator' });
    // A desk whose own admin lost the role (edited by hand): the one admin left may not step down.
    await h.value('operators.update', { id: vera.id, profile: profile({ name: 'Vera', role: 'admin', capacity: null }) });
    h.db.prepare("UPDATE operators SET role = 'operator' WHERE id = 'operator:local'").run();
    expect(await h.call('operators.update', { id: vera.id, profile: profile({ name: 'Vera', role: 'operator' }) }, { actor: vera.id, role: 'admin', sessionId: null })).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'Vera is the last admin; make someone else an admin first.' },
    });
  });

  it('removes an operator: never listed again, their count of open conversations answered after assignment heard it', async () => {
    const h = operatorsHarness(tempDir());
    const anna = (await h.value<{ operator: OperatorView }>('operators.invite', profile())).operator;
    addConversation(h.db, anna.id, 'open');
    addConversation(h.db, anna.id, 'resolved');

    expect(await h.call('operators.remove', { id: anna.id })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'confirm: must be true: this call throws data away' } });
    expect(await h.value('operators.remove', { id: anna.id, confirm: true })).toEqual({ removed: true, returnedToQueue: 1 });
    expect(h.heard).toContainEqual({ name: 'operators.removed', payload: { operatorId: anna.id } });
    expect(h.ofType('operators.removed').map((e) => e.payload)).toEqual([{ id: anna.id }]);
    expect((await h.value<{ operators: OperatorView[] }>('operators.list', {})).operators.map((o) => o.id)).toEqual(['operator:local']);
    expect(await h.call('operators.remove', { id: anna.id, confirm: true })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // The row stays, so the audit trail still names them; the name is free again.
    expect(h.db.prepare('SELECT name FROM operators WHERE id = ?').pluck().get(anna.id)).toBe('Anna');
    await h.value('operators.invite', profile({ name: 'Anna' }));
  });

  it('refuses every admin call to an operator, and shows an operator the team without the colleagues’ senders', async () => {
    const h = operatorsHarness(tempDir());
    addBot(h.db, 1);
    const anna = (await h.value<{ operator: OperatorView }>('operators.invite', profile({ senders: [{ kind: 'bot', id: 1 }] }))).operator;
    const boris = (await h.value<{ operator: OperatorView }>('operators.invite', profile({ name: 'Boris', senders: [{ kind: 'bot', id: 1 }] }))).operator;
    const forbidden = { ok: false, error: { code: 'forbidden', message: 'Only an admin of this desk may do that.' } };
    const asAnna = asOperator(anna.id);

    expect(await h.call('operators.invite', profile({ name: 'Eve' }), asAnna)).toEqual(forbidden);
    expect(await h.call('operators.update', { id: anna.id, profile: profile({ role: 'admin', capacity: null }) }, asAnna)).toEqual(forbidden);
    expect(await h.call('operators.remove', { id: boris.id, confirm: true }, asAnna)).toEqual(forbidden);
    expect(await h.call('operators.reinvite', { id: boris.id }, asAnna)).toEqual(forbidden);
    expect(await h.call('operators.team', {}, asAnna)).toEqual(forbidden);
    expect(await h.call('operators.saveTeam', { shared: true, host: '0.0.0.0', port: 47900, sessionHours: 12, returnAfterMinutes: 5, operatorsMayReassign: true }, asAnna)).toEqual(forbidden);
    expect((await h.value<{ operators: OperatorView[] }>('operators.list', {})).operators.map((o) => o.name)).toEqual(['This desk', 'Anna', 'Boris']);

    const seen = (await h.value<{ operators: OperatorView[] }>('operators.list', {}, asAnna)).operators;
    expect(seen.map((o) => [o.name, o.senders])).toEqual([
      ['This desk', []],
      ['Anna', [{ kind: 'bot', id: 1 }]],
      ['Boris', []],
    ]);
    expect(seen[2]).toMatchObject({ role: 'operator', capacity: 3, presence: 'offline', openConversations: 0 });
    expect(await h.value('operators.me', {}, asAnna)).toEqual({ operator: expect.objectContaining({ id: anna.id, name: 'Anna' }), sessionId: null });
  });

  it('keeps the team settings and hands them to the hub, announcing the hub’s state', async () => {
    const h = operatorsHarness(tempDir());
    const settings = { shared: true, host: '0.0.0.0', port: 48100, sessionHours: 4, returnAfterMinutes: 10, operatorsMayReassign: true };
    expect(await h.call('operators.saveTeam', { ...settings, port: 0 })).toMatchObject({ ok: false, error: { message: 'port: must be a port from 1 to 65535' } });
    expect(await h.value('operators.saveTeam', settings)).toEqual({ settings, url: null, fingerprint: null, error: null });
    expect(await h.value('operators.team', {})).toEqual({ settings, url: null, fingerprint: null, error: null });
    expect(h.ofType('operators.teamChanged').map((e) => e.payload.settings)).toEqual([settings]);
    const { invite } = await h.value<{ invite: InviteLink }>('operators.invite', profile());
    expect(new URL(invite.url).port).toBe('48100');
    expect(await h.call('operators.probeHub', { url: 'https://192.0.2.1:47900', fingerprint: Array(32).fill('AB').join(':') })).toEqual({
      ok: false,
      error: { code: 'unavailable', message: 'This desk cannot connect to a team desk yet.' },
    });
  });
});
