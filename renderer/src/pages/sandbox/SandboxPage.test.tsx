import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeskError } from '../../../../shared/contract/result';
import type { SandboxFeedItem } from '../../../../shared/domain/sandbox';
import { createFakeClient } from '../../test/fake-client';
import { handleShell, testSandboxStatus, testStatus } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';
import { SANDBOX_POLL_MS } from './SandboxPage';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const item = (id: number, overrides: Partial<SandboxFeedItem> = {}): SandboxFeedItem => ({
  id,
  at: Date.UTC(2025, 0, 2, 3, 4, 5) + id * 1000,
  kind: 'message',
  fromName: 'Boris Ivanov',
  toName: 'Desk Account',
  text: `text ${id}`,
  ...overrides,
});

async function openConsole() {
  const fake = createFakeClient();
  handleShell(fake);
  fake.handle('sandbox.status', () => testSandboxStatus());
  const view = renderApp(fake, { area: 'sandbox' });
  await screen.findByTestId('sandbox-console');
  return { fake, ...view };
}

const feedIds = () => screen.queryAllByTestId('sandbox-feed-item').map((el) => el.getAttribute('data-id'));

describe('sandbox console', () => {
  it('lists the people with their privacy and badges, and the details to connect from outside', async () => {
    await openConsole();
    const [anna, boris] = screen.getAllByTestId('sandbox-person');
    expect(anna!.textContent).toContain('@anna_p');
    expect(anna!.textContent).toContain('In channel');
    expect(anna!.getAttribute('aria-pressed')).toBe('true');
    expect(boris!.textContent).toContain('Nobody may add to groups');
    expect(boris!.textContent).toContain('Blocked the bot');
    const info = screen.getByTestId('sandbox-info');
    expect(screen.getByTestId('sandbox-bot-api-url').textContent).toBe('http://127.0.0.1:40123');
    expect(info.textContent).toContain('+79990000001');
    expect(info.textContent).toContain('sandbox-2fa');
    expect(info.textContent).toContain('@desk_bot');
  });

  it('acts as the selected person and clears the text once the engine did it', async () => {
    const user = userEvent.setup();
    const { fake } = await openConsole();
    fake.handle('sandbox.act', (input) => item(9, { text: input.text ?? '' }));
    await user.click(screen.getAllByTestId('sandbox-person')[1]!);
    await user.selectOptions(screen.getByTestId('sandbox-target'), '2');
    await user.type(screen.getByTestId('sandbox-text'), '  where is my reward? ');
    await user.click(screen.getByTestId('sandbox-send'));
    await waitFor(() => expect(feedIds()).toEqual(['9', '5']));
    expect(fake.callsOf('sandbox.act')).toEqual([
      { personId: 102, action: 'write', targetId: 2, text: 'where is my reward?' },
    ]);
    expect(screen.getByTestId<HTMLInputElement>('sandbox-text').value).toBe('');
  });

  it('offers each action only the targets of the kinds it takes', async () => {
    const user = userEvent.setup();
    const { fake } = await openConsole();
    fake.handle('sandbox.act', (input) => item(9, { kind: input.action === 'join' ? 'join' : 'screenshot' }));
    const options = (testId: string) =>
      [...screen.getByTestId<HTMLSelectElement>(testId).options].map((o) => o.value);
    expect(options('sandbox-target')).toEqual(['1', '2']);
    expect(options('sandbox-target-chat')).toEqual(['3', '4']);
    expect(options('sandbox-target-bot')).toEqual(['2']);

    await user.selectOptions(screen.getByTestId('sandbox-target-chat'), '4');
    await user.click(screen.getByTestId('sandbox-join'));
    await user.click(screen.getByTestId('sandbox-screenshot'));
    await user.click(screen.getByTestId('sandbox-block'));
    expect(fake.callsOf('sandbox.act')).toEqual([
      { personId: 101, action: 'join', targetId: 4 },
      { personId: 101, action: 'screenshot', targetId: 1 },
      { personId: 101, action: 'block', targetId: 2 },
    ]);
    // A join changes the person's badges, so the people are fetched again.
    await waitFor(() => expect(fake.callsOf('sandbox.status').length).toBeGreaterThanOrEqual(2));
  });

  it('reads the chat as the person or as the account on its phone, and shows a refusal', async () => {
    const user = userEvent.setup();
    const { fake } = await openConsole();
    let refuse = false;
    fake.handle('sandbox.readChat', () => {
      if (refuse) throw new DeskError('invalid_input', 'there is nothing to read in this chat yet');
      return { read: true as const };
    });
    expect([...screen.getByTestId<HTMLSelectElement>('sandbox-target-read').options].map((o) => o.value)).toEqual(['1']);
    await user.click(screen.getByTestId('sandbox-read-person'));
    await user.click(screen.getByTestId('sandbox-read-account'));
    expect(fake.callsOf('sandbox.readChat')).toEqual([
      { personId: 101, targetId: 1, reader: 'person' },
      { personId: 101, targetId: 1, reader: 'account' },
    ]);
    refuse = true;
    await user.click(screen.getByTestId('sandbox-read-person'));
    expect((await screen.findByTestId('sandbox-error')).textContent).toBe('Not done: there is nothing to read in this chat yet');
  });

  it('shows a refusal from the engine inline and keeps the typed text', async () => {
    const user = userEvent.setup();
    const { fake } = await openConsole();
    fake.handle('sandbox.act', () => {
      throw new DeskError('conflict', 'Telegram refused: USER_PRIVACY_RESTRICTED');
    });
    await user.type(screen.getByTestId('sandbox-text'), 'hi there');
    await user.click(screen.getByTestId('sandbox-send'));
    const error = await screen.findByTestId('sandbox-error');
    expect(error.textContent).toBe('Not done: Telegram refused: USER_PRIVACY_RESTRICTED');
    expect(screen.getByTestId<HTMLInputElement>('sandbox-text').value).toBe('hi there');
    expect(feedIds()).toEqual(['5']);
  });

  it('merges live activity newest first without duplicates', async () => {
    const { fake } = await openConsole();
    act(() => fake.emit('sandbox.activity', { items: [item(7), item(6)] }));
    act(() => fake.emit('sandbox.activity', { items: [item(7), item(8, { kind: 'screenshot', text: '' })] }));
    expect(feedIds()).toEqual(['8', '7', '6', '5']);
    const newest = screen.getAllByTestId('sandbox-feed-item')[0]!;
    expect(newest.textContent).toContain('Screenshot');
    expect(newest.textContent).toContain('Boris Ivanov → Desk Account');
  });

  it('turns people acting on their own on with the chosen interval', async () => {
    const user = userEvent.setup();
    const { fake } = await openConsole();
    fake.handle('sandbox.setAutoActivity', (input) => ({ enabled: input.enabled, everySeconds: input.everySeconds ?? 5 }));
    const interval = screen.getByTestId('sandbox-auto-interval');
    await user.clear(interval);
    await user.type(interval, '12');
    await user.click(screen.getByTestId('sandbox-auto'));
    await waitFor(() => expect(screen.getByTestId<HTMLInputElement>('sandbox-auto').checked).toBe(true));
    expect(fake.callsOf('sandbox.setAutoActivity')).toEqual([{ enabled: true, everySeconds: 12 }]);
  });

  it('asks before resetting, inline, and can be cancelled', async () => {
    const user = userEvent.setup();
    const { fake } = await openConsole();
    fake.handle('sandbox.reset', () => ({ reset: true as const }));
    await user.click(screen.getByTestId('sandbox-reset'));
    expect(fake.callsOf('sandbox.reset')).toEqual([]);
    const confirmation = screen.getByTestId('sandbox-reset-confirmation');
    expect(document.activeElement).toBe(within(confirmation).getByTestId('sandbox-reset-cancel'));
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('sandbox-reset-confirmation')).toBeNull();
    await user.click(screen.getByTestId('sandbox-reset'));
    await user.click(screen.getByTestId('sandbox-reset-confirm'));
    await waitFor(() => expect(fake.callsOf('sandbox.reset')).toEqual([{ confirm: true }]));
  });

  it('shows each account’s last login code and sessions, kept fresh while the console is open', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const fake = createFakeClient();
    handleShell(fake);
    let status = testSandboxStatus();
    fake.handle('sandbox.status', () => status);
    renderApp(fake, { area: 'sandbox' });
    await screen.findByTestId('sandbox-console');
    const lastCode = () => screen.getAllByTestId('sandbox-last-code').find((el) => el.getAttribute('data-id') === '1')!.textContent;
    expect(lastCode()).toBe('Last login code: none yet');
    expect(screen.getByTestId('sandbox-sessions').textContent).toBe('0 signed-in sessions');
    expect(screen.getByTestId<HTMLButtonElement>('sandbox-revoke').disabled).toBe(true);

    // The desk asked "Telegram" for a code: no event says so, the console's poll sees it.
    status = testSandboxStatus({
      targets: status.targets.map((x) => (x.id === 1 ? { ...x, lastCode: '12345', sessions: 1 } : x)),
    });
    await act(async () => vi.advanceTimersByTime(SANDBOX_POLL_MS));
    await waitFor(() => expect(lastCode()).toBe('Last login code: 12345'));
    expect(screen.getByTestId('sandbox-sessions').textContent).toBe('1 signed-in session');
  });

  it('ends all sessions of an account after an inline confirmation', async () => {
    const user = userEvent.setup();
    const fake = createFakeClient();
    handleShell(fake);
    let sessions = 2;
    fake.handle('sandbox.status', () =>
      testSandboxStatus({ targets: testSandboxStatus().targets.map((x) => (x.id === 1 ? { ...x, sessions } : x)) }),
    );
    fake.handle('sandbox.revokeSessions', () => {
      const revoked = sessions;
      sessions = 0;
      return { revoked };
    });
    renderApp(fake, { area: 'sandbox' });
    await screen.findByTestId('sandbox-console');

    await user.click(screen.getByTestId('sandbox-revoke'));
    expect(screen.getByText(/End every session of Desk Account\?/)).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByTestId('sandbox-revoke-cancel'));
    await user.click(screen.getByTestId('sandbox-revoke-cancel'));
    expect(fake.callsOf('sandbox.revokeSessions')).toEqual([]);

    await user.click(screen.getByTestId('sandbox-revoke'));
    await user.click(screen.getByTestId('sandbox-revoke-confirm'));
    await waitFor(() => expect(screen.getByTestId('sandbox-sessions').textContent).toBe('0 signed-in sessions'));
    expect(fake.callsOf('sandbox.revokeSessions')).toEqual([{ targetId: 1 }]);
    expect(screen.queryByTestId('sandbox-revoke-confirm')).toBeNull();
  });

  it('makes Telegram push back on an account: a flood wait, then a spam limit', async () => {
    const user = userEvent.setup();
    const fake = createFakeClient();
    handleShell(fake);
    fake.handle('sandbox.status', () => testSandboxStatus());
    fake.handle('sandbox.imposeFloodWait', ({ seconds }) => ({ until: Date.UTC(2026, 0, 1, 12, 0, seconds) }));
    fake.handle('sandbox.imposePeerFlood', () => {
      throw new DeskError('not_found', 'targetId: 1 is not a sandbox account.');
    });
    renderApp(fake, { area: 'sandbox' });
    await screen.findByTestId('sandbox-console');
    await user.click(screen.getByTestId('sandbox-floodWait'));
    expect((await screen.findByTestId('sandbox-limit-until')).textContent).toMatch(/^Telegram makes it wait until /);
    await user.click(screen.getByTestId('sandbox-peerFlood'));
    expect((await screen.findByTestId('sandbox-error')).textContent).toBe('Not done: targetId: 1 is not a sandbox account.');
    expect(fake.callsOf('sandbox.imposeFloodWait')).toEqual([{ targetId: 1, seconds: 30 }]);
    expect(fake.callsOf('sandbox.imposePeerFlood')).toEqual([{ targetId: 1, seconds: 120 }]);
  });

  it('says where to switch when the engine runs real Telegram', async () => {
    const fake = createFakeClient();
    handleShell(fake);
    fake.handle('system.status', () => testStatus({ workspace: 'telegram' }));
    renderApp(fake, { area: 'sandbox' });
    expect((await screen.findByTestId('sandbox-inactive')).textContent).toContain('only in the sandbox workspace');
    expect(fake.callsOf('sandbox.status')).toEqual([]);
  });
});
