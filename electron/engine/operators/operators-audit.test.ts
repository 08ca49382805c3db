import { describe, expect, it } from 'vitest';
import type { InviteLink, OperatorView } from '../../../shared/domain/operators';
import { queryAudit } from '../audit/audit-repo';
import { useTempDirs } from '../test-support/temp-dir';
import { BROWSER, operatorsHarness, profile, tokenOf } from './test/operators-harness';

const tempDir = useTempDirs();
const PASSWORD = 'my very secret passphrase';

describe('the operators’ audit trail', () => {
  it('names who did what to whom for every change, and never holds a password, a token or a hash', async () => {
    const h = operatorsHarness(tempDir());
    const vera = (await h.value<{ operator: OperatorView }>('operators.invite', profile({ name: 'Vera', role: 'admin', capacity: null }))).operator;
    const asVera = { actor: vera.id, role: 'admin' as const, sessionId: null };
    const { operator: anna, invite } = await h.value<{ operator: OperatorView; invite: InviteLink }>('operators.invite', profile(), asVera);
    const accepted = await h.sessions.acceptInvite(tokenOf(invite.url), PASSWORD, BROWSER);
    const signedIn = await h.sessions.signIn('Anna', PASSWORD, BROWSER);
    await h.sessions.signIn('Anna', 'a wrong password typed', BROWSER);
    if (!accepted.ok || !signedIn.ok) throw new Error('not signed in');
    const asAnna = { actor: anna.id, role: 'operator' as const, sessionId: signedIn.session.id };
    await h.value('operators.update', { id: anna.id, profile: profile({ capacity: 5 }) }, asVera);
    await h.value('operators.revokeSession', { sessionId: accepted.session.id }, asVera);
    await h.value('operators.signOut', {}, asAnna);
    const reinvited = await h.value<{ invite: InviteLink }>('operators.reinvite', { id: anna.id }, asVera);
    await h.value('operators.saveTeam', { shared: true, host: '0.0.0.0', port: 47900, sessionHours: 8, returnAfterMinutes: 5, operatorsMayReassign: false });
    await h.value('operators.remove', { id: anna.id, confirm: true }, asVera);

    expect(h.audits.map((a) => [a.actor, a.action, a.target])).toEqual([
      ['operator:local', 'operators.invite', vera.id],
      [vera.id, 'operators.invite', anna.id],
      [anna.id, 'operators.acceptInvite', anna.id],
      [anna.id, 'operators.signIn', anna.id],
      [vera.id, 'operators.update', anna.id],
      [vera.id, 'operators.revokeSession', anna.id],
      [anna.id, 'operators.signOut', anna.id],
      [vera.id, 'operators.reinvite', anna.id],
      ['operator:local', 'operators.saveTeam', 'team'],
      [vera.id, 'operators.remove', anna.id],
    ]);
    expect(h.audits[4]?.details).toMatchObject({ name: 'Anna', capacity: 5 });
    expect(h.audits[9]?.details).toMatchObject({ name: 'Anna' });
    expect(h.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(h.audits.length);

    const hashes = h.db.prepare('SELECT token_hash FROM operator_sessions UNION ALL SELECT token_hash FROM operator_invites').pluck().all() as string[];
    const written = h.everythingWritten();
    for (const secret of [PASSWORD, 'a wrong password typed', accepted.token, signedIn.token, tokenOf(invite.url), tokenOf(reinvited.invite.url), ...hashes, 'scrypt$']) {
      expect(written).not.toContain(secret);
    }
    expect(hashes.length).toBeGreaterThanOrEqual(4);

    // The trail reads by name, also once Anna was removed, and is searched by name too.
    const byName = queryAudit(h.db, { text: 'anna', limit: 100 }).entries;
    expect(byName.filter((e) => e.actor === anna.id).map((e) => [e.actorName, e.action])).toEqual([
      ['Anna', 'operators.signOut'],
      ['Anna', 'operators.signIn'],
      ['Anna', 'operators.acceptInvite'],
    ]);
    expect(queryAudit(h.db, { limit: 100 }).entries.find((e) => e.action === 'operators.saveTeam')).toMatchObject({ actor: 'operator:local', actorName: 'This desk' });
  });
});
