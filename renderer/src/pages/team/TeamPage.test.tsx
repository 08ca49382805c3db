import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { DeskError } from '../../../../shared/contract/result';
import type { OperatorView } from '../../../../shared/domain/operators';
import { createFakeClient } from '../../test/fake-client';
import { handleConnections, handleShell, testAccount, testBot } from '../../test/fixtures';
import { FINGERPRINT, handleOperators, testOperator, testTeam } from '../../test/operator-fixtures';
import { renderApp } from '../../test/render-app';

afterEach(cleanup);

const admin = testOperator();
const anna = testOperator({
  id: 'operator:anna',
  name: 'Anna',
  role: 'operator',
  languages: ['ru', 'en'],
  capacity: 5,
  senders: [{ kind: 'account', id: 1 }, { kind: 'bot', id: 7 }],
  presence: 'away',
  lastActiveAt: Date.now() - 4 * 60_000,
  openConversations: 3,
  createdAt: 1,
});
const boris = testOperator({ id: 'operator:boris', name: 'Boris', role: 'operator', capacity: 2, presence: 'offline', lastActiveAt: null, state: 'invited', createdAt: 2 });

async function openTeam({ operators = [admin, anna, boris], team = testTeam(), me = admin }: { operators?: OperatorView[]; team?: ReturnType<typeof testTeam>; me?: OperatorView } = {}) {
  const fake = createFakeClient();
  handleShell(fake);
  handleConnections(fake, { accounts: [testAccount({ id: 1, firstName: 'Sales', lastName: 'Line' })], bots: [testBot({ id: 7, username: 'help_bot' })] });
  handleOperators(fake, { me, operators, team });
  renderApp(fake, { area: 'team' });
  await screen.findByTestId('operators-table');
  return fake;
}

/** React's strict mode runs effects twice: what matters is which calls, not how many. */
const distinct = (calls: unknown[]) => [...new Set(calls.map((c) => JSON.stringify(c)))].map((c) => JSON.parse(c) as unknown);

const row = (id: string) => screen.getAllByTestId('operator-row').find((el) => el.getAttribute('data-operator') === id)!;

describe('the team page', () => {
  it('lists operators with role, presence and last activity, load against capacity, languages, senders and an unused invite', async () => {
    await openTeam();
    expect(screen.getAllByTestId('operator-row').map((r) => r.getAttribute('data-operator'))).toEqual(['operator:local', 'operator:anna', 'operator:boris']);
    const annaRow = row('operator:anna');
    expect(within(annaRow).getByTestId('operator-presence').getAttribute('data-presence')).toBe('away');
    expect(within(annaRow).getByTestId('operator-presence').textContent).toBe('Away · last active 4 min ago');
    expect(within(annaRow).getByTestId('operator-load').textContent).toBe('3 of 5');
    await waitFor(() => expect(annaRow.textContent).toContain('Sales Line, @help_bot'));
    expect(annaRow.textContent).toContain('ru, en');
    expect(within(annaRow).queryByTestId('operator-invited')).toBeNull();
    expect(within(row('operator:boris')).getByTestId('operator-presence').textContent).toBe('Offline · never signed in');
    expect(within(row('operator:boris')).getByTestId('operator-invited').textContent).toBe('Invited');
    expect(row('operator:local').textContent).toContain('you');
    expect(within(row('operator:local')).getByTestId('operator-load').textContent).toBe('0 open, no limit');
    // The desk's own admin cannot be removed or re-invited.
    expect(within(row('operator:local')).queryByTestId('operator-remove')).toBeNull();
    expect(within(row('operator:local')).queryByTestId('operator-reinvite')).toBeNull();
  });

  it('follows presence and removals live', async () => {
    const fake = await openTeam();
    act(() => fake.emit('operators.changed', { operators: [{ ...boris, presence: 'active', lastActiveAt: Date.now() }] }));
    expect(within(row('operator:boris')).getByTestId('operator-presence').textContent).toBe('Active');
    act(() => fake.emit('operators.removed', { id: 'operator:anna' }));
    expect(screen.getAllByTestId('operator-row')).toHaveLength(2);
  });

  it('invites an operator and shows the one-time link with its expiry and the hub fingerprint to pass along', async () => {
    const user = userEvent.setup();
    const expiresAt = Date.UTC(2030, 0, 2, 3, 4);
    const fake = await openTeam({ team: testTeam({ settings: { ...testTeam().settings, shared: true }, url: 'https://desk.lan:47900', fingerprint: FINGERPRINT }) });
    fake.handle('operators.invite', (profile) => ({
      operator: testOperator({ ...profile, id: 'operator:clara', presence: 'offline', lastActiveAt: null, state: 'invited', createdAt: 3 }),
      invite: { operatorId: 'operator:clara', url: 'https://desk.lan:47900/invite/one-time-secret', expiresAt },
    }));
    await user.click(screen.getByTestId('operator-invite'));
    const dialog = await screen.findByTestId('invite-dialog');
    await user.type(within(dialog).getByTestId('operator-name'), 'Clara');
    await user.clear(within(dialog).getByTestId('operator-capacity'));
    await user.type(within(dialog).getByTestId('operator-capacity'), '4');
    await user.type(within(dialog).getByTestId('operator-languages'), 'ru, EN');
    await user.click(await within(dialog).findByTestId('operator-sender-bot:7'));
    await user.click(within(dialog).getByTestId('operator-save'));

    expect(await within(dialog).findByTestId('invite-url')).toHaveProperty('textContent', 'https://desk.lan:47900/invite/one-time-secret');
    expect(fake.callsOf('operators.invite')).toEqual([
      { name: 'Clara', role: 'operator', languages: ['ru', 'en'], capacity: 4, autoAssign: true, senders: [{ kind: 'bot', id: 7 }] },
    ]);
    const expiry = new Intl.DateTimeFormat('en', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(expiresAt);
    expect(within(dialog).getByTestId('invite-expiry').textContent).toBe(`The link expires ${expiry}.`);
    expect(within(dialog).getByTestId('invite-fingerprint').textContent).toBe(FINGERPRINT);
    expect(within(dialog).getByTestId('invite-copy').textContent).toBe('Copy');
    await user.click(within(dialog).getByTestId('invite-done'));
    expect(row('operator:clara').textContent).toContain('Invited');
  });

  it('refuses a capacity of 0 with the schema\'s message and sends nothing', async () => {
    const user = userEvent.setup();
    const fake = await openTeam();
    fake.handle('operators.update', ({ id, profile }) => ({ ...anna, ...profile, id }));
    await user.click(within(row('operator:anna')).getByTestId('operator-edit'));
    const dialog = await screen.findByTestId('edit-dialog');
    const capacity = within(dialog).getByTestId('operator-capacity');
    expect((capacity as HTMLInputElement).value).toBe('5');
    await user.clear(capacity);
    await user.type(capacity, '0');
    await user.click(within(dialog).getByTestId('operator-save'));
    expect((await within(dialog).findByTestId('operator-capacity-error')).textContent).toBe('Check this field: must be at least 1 open conversation.');
    expect(capacity.getAttribute('aria-invalid')).toBe('true');
    expect(fake.callsOf('operators.update')).toEqual([]);

    // An operator with no capacity at all is refused too (only an admin may have no limit).
    await user.clear(capacity);
    await user.click(within(dialog).getByTestId('operator-save'));
    expect((await within(dialog).findByTestId('operator-capacity-error')).textContent).toContain('an operator needs a capacity');

    await user.type(capacity, '8');
    await user.click(within(dialog).getByTestId('operator-auto-assign'));
    await user.click(within(dialog).getByTestId('operator-save'));
    await waitFor(() => expect(screen.queryByTestId('edit-dialog')).toBeNull());
    expect(fake.callsOf('operators.update')).toEqual([
      { id: 'operator:anna', profile: { name: 'Anna', role: 'operator', languages: ['ru', 'en'], capacity: 8, autoAssign: false, senders: [{ kind: 'account', id: 1 }, { kind: 'bot', id: 7 }] } },
    ]);
    expect(within(row('operator:anna')).getByTestId('operator-load').textContent).toContain('3 of 8');
  });

  it('asks before removing, says how many conversations return to the queue, then reports it', async () => {
    const user = userEvent.setup();
    const fake = await openTeam();
    fake.handle('operators.remove', () => ({ removed: true as const, returnedToQueue: 3 }));
    await user.click(within(row('operator:anna')).getByTestId('operator-remove'));
    expect(row('operator:anna').textContent).toContain('Remove Anna? They are signed out everywhere and their 3 open conversations go back to the queue.');
    expect(fake.callsOf('operators.remove')).toEqual([]);
    await user.click(within(row('operator:anna')).getByTestId('operator-remove-confirm'));
    expect((await screen.findByTestId('operator-removed')).textContent).toBe('Anna was removed; 3 conversations went back to the queue.');
    expect(fake.callsOf('operators.remove')).toEqual([{ id: 'operator:anna', confirm: true }]);
    expect(screen.getAllByTestId('operator-row').map((r) => r.getAttribute('data-operator'))).toEqual(['operator:local', 'operator:boris']);
  });

  it('re-invites with a fresh link and lists and revokes an operator\'s sessions', async () => {
    const user = userEvent.setup();
    const fake = await openTeam();
    fake.handle('operators.reinvite', ({ id }) => ({ operator: { ...anna, state: 'invited' as const }, invite: { operatorId: id, url: 'https://desk.lan/invite/new', expiresAt: Date.now() + 86_400_000 } }));
    await user.click(within(row('operator:anna')).getByTestId('operator-reinvite'));
    await user.click(await screen.findByTestId('reinvite-confirm'));
    expect((await screen.findByTestId('invite-url')).textContent).toBe('https://desk.lan/invite/new');
    expect(screen.getByTestId('invite-not-shared').textContent).toContain('Share with my team');
    await user.keyboard('{Escape}');

    const session = { id: 's1', operatorId: 'operator:anna', createdAt: Date.now() - 3_600_000, expiresAt: Date.now() + 3_600_000, lastSeenAt: Date.now(), userAgent: 'Firefox on Linux', address: '10.0.0.5', current: false };
    fake.handle('operators.sessions', () => ({ sessions: [session] }));
    fake.handle('operators.revokeSession', () => ({ revoked: true as const }));
    await user.click(within(row('operator:anna')).getByTestId('operator-sessions'));
    const dialog = await screen.findByTestId('sessions-dialog');
    expect((await within(dialog).findByTestId('session-row')).textContent).toContain('Firefox on Linux');
    expect(distinct(fake.callsOf('operators.sessions'))).toEqual([{ operatorId: 'operator:anna' }]);
    await user.click(within(dialog).getByTestId('session-revoke'));
    await user.click(within(dialog).getByTestId('session-revoke-confirm'));
    expect(await within(dialog).findByTestId('sessions-none')).toBeTruthy();
    expect(fake.callsOf('operators.revokeSession')).toEqual([{ sessionId: 's1' }]);
  });

  it('shows where the shared hub listens with its fingerprint large, renews on confirmation, and says plainly why it does not listen', async () => {
    const user = userEvent.setup();
    const shared = { ...testTeam().settings, shared: true };
    const fake = await openTeam({ team: testTeam({ settings: shared, url: 'https://desk.lan:47900', fingerprint: FINGERPRINT }) });
    const section = await screen.findByTestId('share-section');
    expect((await within(section).findByTestId('hub-url')).textContent).toBe('https://desk.lan:47900');
    expect(within(section).getByTestId('hub-fingerprint').textContent).toBe(FINGERPRINT);
    expect(within(section).getByTestId('hub-fingerprint').className).toContain('fingerprint-large');

    const renewed = 'AA:' + FINGERPRINT.slice(3);
    fake.handle('operators.renewCertificate', () => testTeam({ settings: shared, url: 'https://desk.lan:47900', fingerprint: renewed }));
    await user.click(within(section).getByTestId('hub-renew'));
    expect(fake.callsOf('operators.renewCertificate')).toEqual([]);
    await user.click(within(section).getByTestId('hub-renew-confirm'));
    await waitFor(() => expect(within(section).getByTestId('hub-fingerprint').textContent).toBe(renewed));
    expect(fake.callsOf('operators.renewCertificate')).toEqual([{ confirm: true }]);

    act(() => fake.emit('operators.teamChanged', testTeam({ settings: shared, error: 'port 47900 is already in use by another program' })));
    expect(within(section).getByTestId('hub-error').textContent).toBe('The desk is not listening: port 47900 is already in use by another program');
    expect(within(section).queryByTestId('hub-fingerprint')).toBeNull();
  });

  it('saves the sharing settings through the contract\'s schema', async () => {
    const user = userEvent.setup();
    const fake = await openTeam();
    fake.handle('operators.saveTeam', (settings) => testTeam({ settings, url: 'https://0.0.0.0:47901', fingerprint: FINGERPRINT }));
    const section = await screen.findByTestId('share-section');
    expect(within(section).getByTestId('hub-off')).toBeTruthy();
    await user.click(within(section).getByTestId('share-enabled'));
    const port = within(section).getByTestId('share-port');
    await user.clear(port);
    await user.type(port, '70000');
    await user.click(within(section).getByTestId('share-save'));
    expect((await within(section).findByTestId('share-port-error')).textContent).toBe('Check this field: must be a port from 1 to 65535.');
    expect(fake.callsOf('operators.saveTeam')).toEqual([]);
    await user.clear(port);
    await user.type(port, '47901');
    await user.click(within(section).getByTestId('share-may-reassign'));
    await user.click(within(section).getByTestId('share-save'));
    expect((await within(section).findByTestId('hub-fingerprint')).textContent).toBe(FINGERPRINT);
    expect(fake.callsOf('operators.saveTeam')).toEqual([{ shared: true, host: '0.0.0.0', port: 47901, sessionHours: 12, returnAfterMinutes: 5, operatorsMayReassign: true }]);
  });

  it('gives an operator a read-only list, their own sessions and no sharing controls', async () => {
    const fake = await openTeam({ me: anna });
    fake.handle('operators.sessions', () => ({ sessions: [] }));
    await waitFor(() => expect(screen.queryByTestId('operator-invite')).toBeNull());
    expect(screen.queryByTestId('share-section')).toBeNull();
    expect(screen.queryByTestId('operator-edit')).toBeNull();
    expect(screen.getByTestId('operators-section').textContent).toContain('Only an admin changes the team.');
    expect(await screen.findByTestId('my-sessions')).toBeTruthy();
    await waitFor(() => expect(distinct(fake.callsOf('operators.sessions'))).toEqual([{}]));
    expect(fake.callsOf('operators.team')).toEqual([]);
    expect(screen.getByTestId('team-tasks').textContent).toContain('not available in this build yet');
  });

  it('words a refusal for the role plainly', async () => {
    const user = userEvent.setup();
    const fake = await openTeam();
    fake.handle('operators.remove', () => {
      throw new DeskError('forbidden', 'operators.remove is for admins');
    });
    await user.click(within(row('operator:anna')).getByTestId('operator-remove'));
    await user.click(within(row('operator:anna')).getByTestId('operator-remove-confirm'));
    expect((await within(row('operator:anna')).findByTestId('operator-error')).textContent).toBe('Only an admin may do this.');
  });
});
