import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderUi } from '../test/render-ui';
import { ConfirmButton } from './ConfirmButton';

afterEach(cleanup);

const button = (onConfirm: () => Promise<boolean> | boolean) =>
  renderUi(<ConfirmButton testId="thing-remove" label="Remove" question="Remove the thing?" confirmLabel="Yes, remove" onConfirm={onConfirm} />);

describe('ConfirmButton', () => {
  it('acts only after the second, confirming press', async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn(() => true);
    button(onConfirm);
    await user.click(screen.getByTestId('thing-remove'));
    expect(onConfirm).not.toHaveBeenCalled();
    expect(screen.getByRole('group', { name: 'Remove the thing?' })).toBeTruthy();
    await user.click(screen.getByTestId('thing-remove-confirm'));
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  it('focuses Cancel, and Escape returns focus to the button without acting', async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn(() => true);
    button(onConfirm);
    await user.click(screen.getByTestId('thing-remove'));
    expect(document.activeElement).toBe(screen.getByTestId('thing-remove-cancel'));
    await user.keyboard('{Escape}');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('thing-remove')));
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('closes the question after a refusal so the caller can say why', async () => {
    const user = userEvent.setup();
    button(async () => false);
    await user.click(screen.getByTestId('thing-remove'));
    await user.click(screen.getByTestId('thing-remove-confirm'));
    await waitFor(() => expect(screen.queryByTestId('thing-remove-confirm')).toBeNull());
    expect(screen.getByTestId('thing-remove')).toBeTruthy();
  });
});
