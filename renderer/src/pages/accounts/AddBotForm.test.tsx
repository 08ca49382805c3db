import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeClient } from '../../test/fake-client';
import { handleConnections, handleShell, testBot } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';

afterEach(cleanup);

async function openForm() {
  const fake = createFakeClient();
  handleShell(fake);
  handleConnections(fake, {});
  fake.handle('bots.add', () => testBot({ id: 3, username: 'fresh_bot' }));
  renderApp(fake, { area: 'accounts' });
  await screen.findByTestId('bots-empty');
  return { fake, user: userEvent.setup() };
}

describe('the add-bot form, checked with the contract’s own schema', () => {
  it('refuses what bots.add would refuse under its field, without asking the engine', async () => {
    const { fake, user } = await openForm();
    await user.type(screen.getByTestId('bot-token'), 'hello there');
    await user.type(screen.getByTestId('bot-api-server'), 'ftp://files.example.org');
    await user.click(screen.getByTestId('bot-add'));
    expect((await screen.findByTestId('bot-token-error')).textContent).toBe('Check the token: does not look like a bot token (digits, a colon, then letters)');
    expect(screen.getByTestId('bot-token').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('bot-api-server-error').textContent).not.toBe('');
    expect(fake.callsOf('bots.add')).toEqual([]);
  });

  it('sends the parsed input once the fields are right, and clears the field errors', async () => {
    const { fake, user } = await openForm();
    await user.type(screen.getByTestId('bot-token'), 'nope');
    await user.click(screen.getByTestId('bot-add'));
    await screen.findByTestId('bot-token-error');
    await user.clear(screen.getByTestId('bot-token'));
    await user.type(screen.getByTestId('bot-token'), '  123456:AAHgoodtokengoodtokengood ');
    await user.type(screen.getByTestId('bot-api-server'), 'http://127.0.0.1:8081/');
    await user.click(screen.getByTestId('bot-add'));
    expect((await screen.findByTestId('bot-added')).textContent).toBe('Bot @fresh_bot added.');
    expect(screen.queryByTestId('bot-token-error')).toBeNull();
    expect(fake.callsOf('bots.add')).toEqual([{ token: '123456:AAHgoodtokengoodtokengood', mode: 'polling', apiServer: 'http://127.0.0.1:8081' }]);
  });
});
