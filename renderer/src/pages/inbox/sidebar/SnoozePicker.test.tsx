import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Language } from '../../../../../shared/domain/settings';
import { createFakeClient } from '../../../test/fake-client';
import { handleShell, testSettings } from '../../../test/fixtures';
import { handleInbox, testConversation } from '../../../test/inbox-fixtures';
import { stubLayoutForEachTest } from '../../../test/layout';
import { renderApp } from '../../../test/render-app';

stubLayoutForEachTest();
afterEach(() => {
  vi.useRealTimers();
});

async function openSnooze(language: Language) {
  vi.useFakeTimers({ shouldAdvanceTime: true });
  // Wednesday 3 December 2025, 10:17 local time.
  vi.setSystemTime(new Date(2025, 11, 3, 10, 17));
  const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
  const fake = createFakeClient();
  handleShell(fake, testSettings({ language }));
  handleInbox(fake, { conversations: [testConversation()] });
  renderApp(fake);
  await user.click((await screen.findAllByTestId('conversation-row'))[0]!);
  await user.click(await screen.findByTestId('status-snoozed'));
  return { user, fake };
}

const optionTexts = (select: HTMLElement) => within(select).getAllByRole('option').map((o) => o.textContent);

describe('the snooze picker', () => {
  it('words its days and times in the window’s language, not the browser’s', async () => {
    await openSnooze('ru');
    const days = optionTexts(screen.getByTestId('snooze-day'));
    expect(days[0]).toBe('Сегодня');
    expect(days[1]).toBe('Завтра');
    expect(days[2]).toBe('пт, 5 дек.');
    expect(optionTexts(screen.getByTestId('snooze-time'))).toContain('09:00');
  });

  it('snoozes until the day and time picked, and never into the past', async () => {
    const { user, fake } = await openSnooze('en');
    expect(optionTexts(screen.getByTestId('snooze-day')).slice(0, 3)).toEqual(['Today', 'Tomorrow', 'Fri, Dec 5']);
    // Today only offers times still ahead.
    await user.selectOptions(screen.getByTestId('snooze-day'), '0');
    expect(optionTexts(screen.getByTestId('snooze-time'))[0]).toBe('10:30 AM');
    await user.selectOptions(screen.getByTestId('snooze-day'), '2');
    await user.selectOptions(screen.getByTestId('snooze-time'), String(14 * 60 + 30));
    await user.click(screen.getByTestId('snooze-apply'));
    expect(fake.callsOf('inbox.setStatus')).toEqual([{ conversationId: 1, status: 'snoozed', snoozedUntil: new Date(2025, 11, 5, 14, 30).getTime() }]);
  });
});
