import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderUi } from '../test/render-ui';
import { EmptyState } from './EmptyState';

afterEach(cleanup);

describe('EmptyState', () => {
  it('says what is missing, why, and offers the one thing to do', () => {
    renderUi(
      <EmptyState title="No campaigns yet" action={<button type="button">New campaign</button>} testId="empty">
        A campaign sends one message to many people.
      </EmptyState>,
    );
    const empty = screen.getByTestId('empty');
    expect(empty.getAttribute('role')).toBe('status');
    expect(empty.textContent).toBe('No campaigns yetA campaign sends one message to many people.New campaign');
    expect(screen.getByRole('button', { name: 'New campaign' })).toBeTruthy();
  });
});
