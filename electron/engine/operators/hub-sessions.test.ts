import { describe, expect, it } from 'vitest';
import type { InviteLink, OperatorView, SessionView } from '../../../shared/domain/operators';
import { useTempDirs } from '../test-support/temp-dir';
import { SWEEP_MS } from './operators-service';
import type { SessionEndReason, SignInOutcome } from './team-ports';
import { BROWSER, operatorsHarness, profile, tokenOf } from './test/operators-harness';

const tempDir = useTempDirs();
const PASSWORD = 'a long enough secret';

/** A harness with Anna invited and signed in through her link; `ended` collects every ended session. */
async function withAnna(sessionHours?: number) {
  const h = operatorsHarness(tempDir());
  if (sessionHours) await h.value('operators.saveTeam', { shared: false, host: '0.0.0.0', port: 47900, sessionHours, returnAfterMinutes: 5, operatorsMayReassign: false });
  const ended: { sessionId: string; reason: SessionEndReason }[] = [];
  h.sessions.onEnded((batch) => ended.push(...batch));
  const { operator, invite } = await h.value<{ operator: OperatorView; invite: InviteLink }>('operators.invite', profile());
  const accepted = await h.sessions.acceptInvite(tokenOf(invite.url), PASSWORD, BROWSER);
  if (!accepted.ok) throw new Error(accepted.message);
  return { h, anna: operator, invite, first: accepted, ended };
}

const signedIn = (outcome: SignInOutcome) => {
  if (!outcome.ok) throw new Error(`not signed in: ${outcome.message}`);
  return outcome;
};

describe('hub sessions', () => {
  it('takes an invited operator from their link to a session, and signs them out', async () => {
    const h = operatorsHarness(tempDir());
    const { operator, invite } = await h.value<{ operator: OperatorView; invite: InviteLink }>('operators.invite', profile());
    const token = tokenOf(invite.url);
    expect(h.sessions.inviteFor(token)).toEqual({ operatorName: 'Anna', expiresAt: invite.expiresAt });
    expect(h.sessions.inviteFor('not-a-token')).toBeNull();

    expect(await h.sessions.acceptInvite(token, 'too short', BROWSER)).toEqual({
      ok: false,
      reason: 'weak_password',
      message: 'The password must be at least 10 characters long (this one has 9).',
    });
    const accepted = signedIn(await h.sessions.acceptInvite(token, PASSWORD, BROWSER));
    expect(accepted).toMatchObject({ operatorName: 'Anna', session: { operatorId: operator.id, address: '192.0.2.10', userAgent: 'Chromium test', current: true } });
    expect(h.sessions.inviteFor(token)).toBeNull();
    expect(await h.sessions.acceptInvite(token, PASSWORD, BROWSER)).toEqual({
      ok: false,
      reason: 'unknown_invite',
      message: 'This invite link is unknown, used or expired; ask the admin for a new one.',
    });
    expect((await h.value<{ operators: OperatorView[] }>('operators.list', {})).operators[1]?.state).toBe('ready');

    const session = signedIn(await h.sessions.signIn(' anna ', PASSWORD, BROWSER));
    expect(session.token).not.toBe(accepted.token);
    const resolved = h.sessions.resolve(session.token);
    expect(resolved).toEqual({ ok: true, ctx: { actor: operator.id, role: 'operator', sessionId: session.session.id } });
    if (!resolved.ok) return;
    expect(await h.value('operators.me', {}, resolved.ctx)).toEqual({ operator: expect.objectContaining({ id: operator.id }), sessionId: session.session.id });
    const listed = (await h.value<{ sessions: SessionView[] }>('operators.sessions', {}, resolved.ctx)).sessions;
    expect(listed.map((s) => [s.id, s.current])).toEqual([
      [accepted.session.id, false],
      [session.session.id, true],
    ]);

    expect(await h.value('operators.signOut', {}, resolved.ctx)).toEqual({ signedOut: true });
    expect(h.sessions.resolve(session.token)).toEqual({ ok: false, reason: 'signed_out', message: 'You signed out; sign in again.' });
    h.sessions.signOut(accepted.token);
    expect(h.sessions.resolve(accepted.token)).toMatchObject({ ok: false, reason: 'signed_out' });
    expect(h.sessions.resolve('never-issued')).toEqual({ ok: false, reason: 'unknown', message: 'You are not signed in; sign in first.' });
    expect(await h.call('operators.signOut', {})).toEqual({ ok: false, error: { code: 'invalid_input', message: 'This window is the desk itself; it has no session to sign out of.' } });
    // Only hashes of the cookies are stored.
    const stored = JSON.stringify(h.db.prepare('SELECT * FROM operator_sessions').all());
    expect(stored).not.toContain(session.token);
    expect(stored).not.toContain(accepted.token);
  });

  it('ends a session when its hours are up: on the next call, or by the sweep so the hub closes its sockets', async () => {
    const { h, first, ended } = await withAnna(2);
    expect(first.session.expiresAt).toBe(h.clock.now() + 2 * 3_600_000);
    const second = signedIn(await h.sessions.signIn('Anna', PASSWORD, BROWSER));

    h.clock.advance(2 * 3_600_000);
    expect(h.sessions.resolve(first.token)).toEqual({ ok: false, reason: 'expired', message: 'Your session has expired; sign in again.' });
    expect(ended).toEqual([{ sessionId: first.session.id, reason: 'expired' }]);

    await h.timers.advance(SWEEP_MS);
    expect(ended).toEqual([
      { sessionId: first.session.id, reason: 'expired' },
      { sessionId: second.session.id, reason: 'expired' },
    ]);
    expect(h.sessions.resolve(second.token)).toMatchObject({ ok: false, reason: 'expired' });
  });

  it('writes a session’s last sighting at most once a minute', async () => {
    const { h, first } = await withAnna();
    const lastSeen = () => h.db.prepare('SELECT last_seen_at FROM operator_sessions WHERE id = ?').pluck().get(first.session.id);
    const start = h.clock.now();
    h.clock.advance(59_000);
    h.sessions.resolve(first.token);
    expect(lastSeen()).toBe(start);
    h.clock.advance(1_000);
    h.sessions.resolve(first.token);
    expect(lastSeen()).toBe(start + 60_000);
  });

  it('lets an admin revoke anyone’s session and an operator only their own', async () => {
    const { h, anna, first, ended } = await withAnna();
    const boris = (await h.value<{ operator: OperatorView; invite: InviteLink }>('operators.invite', profile({ name: 'Boris' })));
    const borisSession = signedIn(await h.sessions.acceptInvite(tokenOf(boris.invite.url), PASSWORD, BROWSER));
    const asAnna = { actor: anna.id, role: 'operator' as const, sessionId: first.session.id };

    expect(await h.call('operators.revokeSession', { sessionId: borisSession.session.id }, asAnna)).toEqual({
      ok: false,
      error: { code: 'not_found', message: `There is no signed-in session ${borisSession.session.id}.` },
    });
    expect(await h.call('operators.sessions', { operatorId: boris.operator.id }, asAnna)).toEqual({ ok: false, error: { code: 'forbidden', message: 'An operator sees only their own sessions.' } });
    expect(h.sessions.resolve(borisSession.token)).toMatchObject({ ok: true });

    const second = signedIn(await h.sessions.signIn('Anna', PASSWORD, BROWSER));
    expect(await h.value('operators.revokeSession', { sessionId: second.session.id }, asAnna)).toEqual({ revoked: true });
    expect(h.sessions.resolve(second.token)).toEqual({ ok: false, reason: 'revoked', message: 'Your session was ended (by an admin or from another of your windows); sign in again.' });

    expect((await h.value<{ sessions: SessionView[] }>('operators.sessions', { operatorId: boris.operator.id })).sessions.map((s) => s.id)).toEqual([borisSession.session.id]);
    expect(await h.value('operators.revokeSession', { sessionId: borisSession.session.id })).toEqual({ revoked: true });
    expect(h.sessions.resolve(borisSession.token)).toMatchObject({ ok: false, reason: 'revoked' });
    expect(await h.call('operators.revokeSession', { sessionId: borisSession.session.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(ended).toEqual([
      { sessionId: second.session.id, reason: 'revoked' },
      { sessionId: borisSession.session.id, reason: 'revoked' },
    ]);
  });

  it('ends a removed operator’s sessions before assignment hears of it, and their next call is told they were removed', async () => {
    const { h, anna, first, ended } = await withAnna();
    const listening = h.db.prepare('SELECT count(*) FROM operator_sessions WHERE operator_id = ? AND ended_at IS NULL').pluck();
    const activeWhenHeard: unknown[] = [];
    h.domainEvents.on('operators.removed', ({ operatorId }) => activeWhenHeard.push(listening.get(operatorId)));
    expect(listening.get(anna.id)).toBe(1);

    await h.value('operators.remove', { id: anna.id, confirm: true });
    expect(activeWhenHeard).toEqual([0]);
    expect(ended).toEqual([{ sessionId: first.session.id, reason: 'removed' }]);
    expect(h.sessions.resolve(first.token)).toEqual({ ok: false, reason: 'removed', message: 'Your operator profile was removed from this desk; ask the admin if that is a mistake.' });
    expect(await h.sessions.signIn('Anna', PASSWORD, BROWSER)).toEqual({ ok: false, reason: 'wrong_password', message: 'The name or the password is wrong.' });

    // A removed operator's unused link stops working with them.
    const boris = await h.value<{ operator: OperatorView; invite: InviteLink }>('operators.invite', profile({ name: 'Boris' }));
    await h.value('operators.remove', { id: boris.operator.id, confirm: true });
    expect(h.sessions.inviteFor(tokenOf(boris.invite.url))).toBeNull();
    expect(await h.sessions.acceptInvite(tokenOf(boris.invite.url), PASSWORD, BROWSER)).toMatchObject({ ok: false, reason: 'unknown_invite' });
  });

  it('refuses a session whose operator is marked removed even if ending it was never written', async () => {
    const { h, anna, first, ended } = await withAnna();
    h.db.prepare('UPDATE operators SET removed_at = ? WHERE id = ?').run(h.clock.now(), anna.id);
    expect(h.sessions.resolve(first.token)).toMatchObject({ ok: false, reason: 'removed' });
    expect(ended).toEqual([{ sessionId: first.session.id, reason: 'removed' }]);
  });

  it('re-inviting someone kills their password, their sessions and their old link; the new link works', async () => {
    const { h, anna, first, invite, ended } = await withAnna();
    const reinvited = await h.value<{ operator: OperatorView; invite: InviteLink }>('operators.reinvite', { id: anna.id });
    expect(reinvited.operator.state).toBe('invited');
    expect(reinvited.invite.url).not.toBe(invite.url);
    expect(ended).toEqual([{ sessionId: first.session.id, reason: 'revoked' }]);
    expect(h.sessions.resolve(first.token)).toMatchObject({ ok: false, reason: 'revoked' });
    expect(await h.sessions.signIn('Anna', PASSWORD, BROWSER)).toMatchObject({ ok: false, reason: 'wrong_password' });

    const second = await h.value<{ invite: InviteLink }>('operators.reinvite', { id: anna.id });
    expect(h.sessions.inviteFor(tokenOf(reinvited.invite.url))).toBeNull();
    signedIn(await h.sessions.acceptInvite(tokenOf(second.invite.url), 'a brand new secret', BROWSER));
    signedIn(await h.sessions.signIn('Anna', 'a brand new secret', BROWSER));
  });

  it('refuses an expired invite link', async () => {
    const h = operatorsHarness(tempDir());
    const { invite } = await h.value<{ invite: InviteLink }>('operators.invite', profile());
    h.clock.advance(72 * 3_600_000);
    expect(h.sessions.inviteFor(tokenOf(invite.url))).toBeNull();
    expect(await h.sessions.acceptInvite(tokenOf(invite.url), PASSWORD, BROWSER)).toMatchObject({ ok: false, reason: 'unknown_invite' });
  });

  it('answers an unknown name like a wrong password, and after five wrong passwords makes the name wait longer and longer', async () => {
    const { h } = await withAnna();
    const wrong = { ok: false, reason: 'wrong_password', message: 'The name or the password is wrong.' };
    expect(await h.sessions.signIn('Nobody', PASSWORD, BROWSER)).toEqual(wrong);
    const elsewhere = { address: '198.51.100.7', userAgent: null };
    for (let i = 0; i < 5; i++) expect(await h.sessions.signIn('Anna', `guess number ${i}`, elsewhere)).toEqual(wrong);

    // Even the right password waits now: the name is being guessed.
    const throttled = await h.sessions.signIn('ANNA', PASSWORD, BROWSER);
    expect(throttled).toMatchObject({ ok: false, reason: 'throttled', message: expect.stringMatching(/^Too many wrong passwords; wait \d+ seconds and try again\.$/) });
    const firstWait = throttled.ok ? 0 : throttled.retryAfterMs!;
    expect(firstWait).toBeGreaterThanOrEqual(5_000);
    expect(firstWait).toBeLessThanOrEqual(10_000);
    expect(throttled.ok ? '' : throttled.message).toBe(`Too many wrong passwords; wait ${Math.ceil(firstWait / 1000)} seconds and try again.`);

    h.clock.advance(firstWait);
    expect(await h.sessions.signIn('Anna', 'sixth wrong guess', BROWSER)).toEqual(wrong);
    const longer = await h.sessions.signIn('Anna', PASSWORD, BROWSER);
    expect(longer).toMatchObject({ ok: false, reason: 'throttled', retryAfterMs: expect.any(Number) });
    expect(longer.ok ? 0 : longer.retryAfterMs).toBeGreaterThanOrEqual(10_000);

    h.clock.advance(20_000);
    signedIn(await h.sessions.signIn('Anna', PASSWORD, BROWSER));
    // A success starts the count afresh.
    expect(await h.sessions.signIn('Anna', 'one more wrong guess', elsewhere)).toEqual(wrong);
    signedIn(await h.sessions.signIn('Anna', PASSWORD, BROWSER));
  });

  it('makes an address that tries many names wait too', async () => {
    const { h } = await withAnna();
    const guesser = { address: '203.0.113.5', userAgent: null };
    for (const name of ['a1', 'a2', 'a3', 'a4', 'a5']) expect(await h.sessions.signIn(name, PASSWORD, guesser)).toMatchObject({ reason: 'wrong_password' });
    expect(await h.sessions.signIn('Anna', PASSWORD, guesser)).toMatchObject({ ok: false, reason: 'throttled' });
    signedIn(await h.sessions.signIn('Anna', PASSWORD, BROWSER));
  });
});
