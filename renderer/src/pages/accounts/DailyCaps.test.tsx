import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { DeskError } from '../../../../shared/contract/result';
import type { DailyCapView } from '../../../../shared/domain/outbox';
import { createFakeClient } from '../../test/fake-client';
import { handleConnections, handleShell, testAccount } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';

afterEach(cleanup);

const defaults: DailyCapView[] = [
  { action: 'reply', cap: null, isDefault: true, sentToday: 12 },
  { action: 'campaign_message', cap: 100, isDefault: true, sentToday: 0 },
  { action: 'invite', cap: 40, isDefault: true, sentToday: 40 },
  { action: 'contact_import', cap: 50, isDefault: true, sentToday: 3 },
];

async function openCaps() {
  const user = userEvent.setup();
  const fake = createFakeClient();
  handleShell(fake);
  handleConnections(fake, { accounts: [testAccount()] });
  let caps = defaults;
  fake.handle('outbox.dailyCaps', () => ({ caps }));
  fake.handle('outbox.setDailyCap', ({ action, cap }) => {
    if (action === 'contact_import') throw new DeskError('not_found', 'There is no account 1.');
    caps = caps.map((c) => (c.action !== action ? c : cap === 'default' ? defaults.find((d) => d.action === action)! : { ...c, cap, isDefault: false }));
    return { caps };
  });
  renderApp(fake, { area: 'accounts' });
  const details = await screen.findByTestId('daily-caps');
  await user.click(within(details).getByText('Daily limits'));
  await within(details).findAllByTestId('daily-cap');
  const capRow = (action: string) => within(details).getAllByTestId('daily-cap').find((el) => el.getAttribute('data-action') === action)!;
  return { user, fake, capRow };
}

describe('daily limits on an account', () => {
  it('shows each kind with what was sent today, and changes a limit, then goes back to the default', async () => {
    const { user, fake, capRow } = await openCaps();
    expect(within(capRow('invite')).getByTestId('daily-cap-used').textContent).toBe('40 sent today');
    expect(within(capRow('reply')).getByTestId<HTMLInputElement>('daily-cap-input').value).toBe('');
    const invites = within(capRow('invite')).getByTestId<HTMLInputElement>('daily-cap-input');
    await user.clear(invites);
    await user.type(invites, '25{Enter}');
    await waitFor(() => expect(within(capRow('invite')).queryByTestId('daily-cap-default')).not.toBeNull());
    await user.click(within(capRow('invite')).getByTestId('daily-cap-default'));
    await waitFor(() => expect(within(capRow('invite')).queryByTestId('daily-cap-default')).toBeNull());
    expect(fake.callsOf('outbox.setDailyCap')).toEqual([
      { accountId: 1, action: 'invite', cap: 25 },
      { accountId: 1, action: 'invite', cap: 'default' },
    ]);
  });

  it('refuses what is not a whole number before asking the engine, and shows the engine’s refusal keeping the text', async () => {
    const { user, fake, capRow } = await openCaps();
    const replies = within(capRow('reply')).getByTestId<HTMLInputElement>('daily-cap-input');
    await user.type(replies, '1.5');
    expect(replies.getAttribute('aria-invalid')).toBe('true');
    expect(within(capRow('reply')).getByTestId<HTMLButtonElement>('daily-cap-save').disabled).toBe(true);
    const imports = within(capRow('contact_import')).getByTestId<HTMLInputElement>('daily-cap-input');
    await user.clear(imports);
    await user.type(imports, '10{Enter}');
    expect((await screen.findByTestId('daily-caps-error')).textContent).toBe('Not saved: There is no account 1.');
    expect(imports.value).toBe('10');
    expect(fake.callsOf('outbox.setDailyCap')).toEqual([{ accountId: 1, action: 'contact_import', cap: 10 }]);
  });
});
