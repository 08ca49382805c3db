import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { DeskError } from '../../../../shared/contract/result';
import type { BenchView } from '../../../../shared/domain/outbox';
import { createFakeClient } from '../../test/fake-client';
import { handleConnections, handleShell, testAccount } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';

afterEach(cleanup);

const since = new Date(2026, 2, 2, 10, 0).getTime();
const bench: BenchView = { accountId: 2, since, until: since + 24 * 60 * 60_000, reason: 'Telegram limited this account (PEER_FLOOD).', waiting: 7 };

async function openPage(benches: BenchView[]) {
  const fake = createFakeClient();
  handleShell(fake);
  handleConnections(fake, { accounts: [testAccount(), testAccount({ id: 2, phone: '+79990000002', firstName: 'Second', createdAt: 2 })] });
  fake.handle('outbox.benches', () => ({ benches }));
  renderApp(fake, { area: 'accounts' });
  await screen.findByTestId('account-list');
  return fake;
}

const row = (id: number) => screen.getAllByTestId('account-row').find((el) => el.getAttribute('data-id') === String(id))!;

describe('a benched account', () => {
  it('shows since when, why and how much waits, and resumes with a button', async () => {
    const user = userEvent.setup();
    const fake = await openPage([bench]);
    const notice = await within(row(2)).findByTestId('account-bench');
    expect(notice.textContent).toContain('Sending paused by Telegram.');
    expect(notice.textContent).toContain('7 items wait to be sent.');
    expect(notice.textContent).toContain('PEER_FLOOD');
    expect(within(row(1)).queryByTestId('account-bench')).toBeNull();

    let answer: (value: { lifted: BenchView }) => void = () => undefined;
    fake.handle('outbox.unbench', () => new Promise((resolve) => (answer = resolve)));
    await user.click(within(notice).getByTestId('account-unbench'));
    expect(within(notice).getByTestId<HTMLButtonElement>('account-unbench').disabled).toBe(true);
    act(() => answer({ lifted: bench }));
    await waitFor(() => expect(within(row(2)).queryByTestId('account-bench')).toBeNull());
    expect(fake.callsOf('outbox.unbench')).toEqual([{ accountId: 2 }]);
  });

  it('follows the engine: a new bench appears, a refusal is shown on the row', async () => {
    const user = userEvent.setup();
    const fake = await openPage([]);
    expect(screen.queryByTestId('account-bench')).toBeNull();
    act(() => fake.emit('outbox.benchChanged', { accountId: 1, bench: { ...bench, accountId: 1, waiting: 2 } }));
    const notice = within(row(1)).getByTestId('account-bench');
    expect(notice.textContent).toContain('2 items wait to be sent.');

    fake.handle('outbox.unbench', () => {
      throw new DeskError('conflict', 'This account is not benched.');
    });
    await user.click(within(notice).getByTestId('account-unbench'));
    expect((await within(row(1)).findByTestId('account-row-error')).textContent).toContain('This account is not benched.');

    act(() => fake.emit('outbox.benchChanged', { accountId: 1, bench: null }));
    expect(within(row(1)).queryByTestId('account-bench')).toBeNull();
  });

  it('shows the new wait when Telegram limits the account again right after resuming', async () => {
    const user = userEvent.setup();
    const fake = await openPage([bench]);
    const again: BenchView = { ...bench, since: Date.now(), until: since + 2 * 24 * 60 * 60_000, waiting: 6 };
    // The lane resumes inside the call; Telegram answers PEER_FLOOD before the call returns.
    fake.handle('outbox.unbench', () => {
      fake.emit('outbox.benchChanged', { accountId: 2, bench: null });
      fake.emit('outbox.benchChanged', { accountId: 2, bench: again });
      return { lifted: bench };
    });
    await user.click(within(await within(row(2)).findByTestId('account-bench')).getByTestId('account-unbench'));
    await waitFor(() => expect(fake.callsOf('outbox.unbench')).toHaveLength(1));
    const notice = await within(row(2)).findByTestId('account-bench');
    await waitFor(() => expect(notice.textContent).toContain('6 items wait to be sent.'));
    expect(notice.getAttribute('data-until')).toBe(String(again.until));
    expect(within(notice).getByTestId('account-bench-again').textContent).toContain('Telegram limited this account again as soon as it resumed.');
  });
});
