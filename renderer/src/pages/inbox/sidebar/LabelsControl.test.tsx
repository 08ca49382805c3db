import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DeskError } from '../../../../../shared/contract/result';
import type { LabelView } from '../../../../../shared/domain/inbox';
import { createFakeClient } from '../../../test/fake-client';
import { handleShell } from '../../../test/fixtures';
import { handleInbox, testConversation } from '../../../test/inbox-fixtures';
import { stubLayoutForEachTest } from '../../../test/layout';
import { renderApp } from '../../../test/render-app';

stubLayoutForEachTest();

const vip: LabelView = { id: 1, name: 'VIP', color: '#ff0000' };
const refund: LabelView = { id: 2, name: 'Refund', color: '#00ff00' };

async function openManager() {
  const user = userEvent.setup();
  const fake = createFakeClient();
  handleShell(fake);
  handleInbox(fake, { conversations: [testConversation({ id: 1, labels: [vip] })] });
  fake.handle('inbox.labels', () => ({ labels: [refund, vip] }));
  renderApp(fake);
  await user.click((await screen.findAllByTestId('conversation-row'))[0]!);
  const toggle = await screen.findByTestId('labels-manage');
  expect(toggle.getAttribute('aria-expanded')).toBe('false');
  await user.click(toggle);
  expect(toggle.getAttribute('aria-expanded')).toBe('true');
  return { user, fake };
}

const manageRow = (name: string) => screen.getAllByTestId('label-manage-row').find((row) => within(row).getByTestId<HTMLInputElement>('label-rename').value === name)!;

describe('managing labels', () => {
  it('renames with Enter, and shows a clash of names as the engine states it', async () => {
    const { user, fake } = await openManager();
    fake.handle('inbox.saveLabel', ({ id, name, color }) => {
      if (name.toLowerCase() === 'refund') throw new DeskError('conflict', 'There is already a label called “refund”.');
      return { id: id!, name, color };
    });
    const input = within(manageRow('VIP')).getByTestId('label-rename');
    await user.clear(input);
    await user.type(input, 'refund{Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe('Not saved: There is already a label called “refund”.');
    // What was typed is kept, to be corrected.
    expect((input as HTMLInputElement).value).toBe('refund');

    await user.clear(input);
    await user.type(input, 'Gold{Enter}');
    const names = () => screen.getAllByTestId('label-manage-row').map((row) => within(row).getByTestId<HTMLInputElement>('label-rename').value);
    await waitFor(() => expect(names()).toEqual(['Gold', 'Refund']));
    expect(fake.callsOf('inbox.saveLabel').at(-1)).toEqual({ id: 1, name: 'Gold', color: '#ff0000' });
    expect(screen.queryByRole('alert')).toBeNull();

    // Escape drops an unsaved edit.
    await user.clear(input);
    await user.type(input, 'Draft{Escape}');
    expect((input as HTMLInputElement).value).toBe('Gold');
  });

  it('asks before deleting, says how many conversations carry the label, and follows other windows', async () => {
    const { user, fake } = await openManager();
    fake.handle('inbox.labelUsage', () => ({ conversations: 3 }));
    fake.handle('inbox.removeLabel', () => ({ removed: true as const, conversations: 3 }));
    const deleteButton = within(manageRow('Refund')).getByTestId('label-delete');
    await user.click(deleteButton);
    const confirm = await screen.findByTestId('label-delete-confirm');
    expect(confirm.textContent).toContain('Delete “Refund”? It comes off the 3 conversations that have it.');
    expect(document.activeElement).toBe(within(confirm).getByTestId('label-delete-no'));
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('label-delete-confirm')).toBeNull();
    expect(document.activeElement).toBe(deleteButton);
    expect(fake.callsOf('inbox.removeLabel')).toEqual([]);

    await user.keyboard('{Enter}');
    await user.click(await screen.findByTestId('label-delete-yes'));
    await waitFor(() => expect(screen.getAllByTestId('label-manage-row')).toHaveLength(1));
    expect(fake.callsOf('inbox.removeLabel')).toEqual([{ id: 2, confirm: true }]);

    // Another window renamed the last label: this one shows it at once.
    act(() => fake.emit('inbox.labelsChanged', { labels: [{ ...vip, name: 'Gold' }] }));
    expect(within(screen.getByTestId('labels-manager')).getByTestId<HTMLInputElement>('label-rename').value).toBe('Gold');
    expect(screen.getByTestId('conversation-labels').textContent).toContain('Gold');
  });
});
