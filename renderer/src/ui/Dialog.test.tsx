import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderUi } from '../test/render-ui';
import { Dialog } from './Dialog';

afterEach(cleanup);

function Opener() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Open
      </button>
      {open && (
        <Dialog title="Rename" onClose={() => setOpen(false)} testId="dialog">
          <input aria-label="Name" />
          <button type="button" onClick={() => setOpen(false)}>
            Done
          </button>
        </Dialog>
      )}
    </>
  );
}

describe('Dialog', () => {
  it('is a named modal that takes focus, keeps Tab inside and gives focus back when Escape closes it', async () => {
    const user = userEvent.setup();
    renderUi(<Opener />);
    await user.click(screen.getByText('Open'));
    const dialog = screen.getByRole('dialog', { name: 'Rename' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.activeElement).toBe(screen.getByLabelText('Name'));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByText('Done'));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByLabelText('Name'));
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('dialog')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByText('Open')));
  });

  it('closes on a click outside it, not inside', async () => {
    const user = userEvent.setup();
    renderUi(<Opener />);
    await user.click(screen.getByText('Open'));
    await user.click(screen.getByLabelText('Name'));
    expect(screen.getByTestId('dialog')).toBeTruthy();
    await user.click(screen.getByTestId('dialog').parentElement!);
    expect(screen.queryByTestId('dialog')).toBeNull();
  });
});

describe('Dialog without onClose', () => {
  it('stays open on Escape and a click outside, and reads its description', async () => {
    const user = userEvent.setup();
    renderUi(
      <Dialog title="Choose" description="Until you choose, nothing runs." testId="dialog">
        <button type="button">Sandbox</button>
      </Dialog>,
    );
    const dialog = screen.getByRole('dialog', { name: 'Choose', description: 'Until you choose, nothing runs.' });
    expect(document.activeElement).toBe(screen.getByText('Sandbox'));
    await user.keyboard('{Escape}');
    await user.click(dialog.parentElement!);
    expect(screen.getByTestId('dialog')).toBe(dialog);
  });
});
