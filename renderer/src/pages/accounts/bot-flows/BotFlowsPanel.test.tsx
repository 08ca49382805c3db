import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { DeskError } from '../../../../../shared/contract/result';
import { BOT_LANGUAGES, textVariables, type BotRolesView, type BotTextView } from '../../../../../shared/domain/bot-flows';
import { createFakeClient } from '../../../test/fake-client';
import { handleConnections, handleShell, testBot } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';

afterEach(cleanup);

const DEFAULTS: Record<string, Record<'en' | 'ru', string>> = {
  done: { en: 'Task {{id}} is done, {{name}}.', ru: 'Задача {{id}} выполнена, {{name}}.' },
  help: { en: 'Send /tasks to see your tasks.', ru: 'Отправьте /tasks, чтобы увидеть задачи.' },
};

/** The engine's side of botFlows, in memory, refusing what the engine refuses. */
function botFlowsEngine(fake: ReturnType<typeof createFakeClient>) {
  let roles: BotRolesView = { botId: 1, roles: ['inbox', 'team-tasks'], available: ['inbox', 'rewards', 'team-tasks'] };
  const edits = new Map<string, string>();
  const view = (key: string, language: 'en' | 'ru'): BotTextView => ({
    role: 'team-tasks',
    key,
    language,
    defaultText: DEFAULTS[key]![language],
    editedText: edits.get(`${key}/${language}`) ?? null,
    updatedAt: edits.has(`${key}/${language}`) ? 1 : null,
    updatedBy: edits.has(`${key}/${language}`) ? 'operator:local' : null,
    variables: textVariables(DEFAULTS[key]![language]),
  });
  edits.set('help/en', 'Type /tasks for your list.');
  fake.handle('botFlows.roles', () => roles);
  fake.handle('botFlows.setRoles', ({ roles: next }) => {
    if (next.includes('rewards')) throw new DeskError('invalid_input', 'Unknown bot role: rewards.');
    roles = { ...roles, roles: [...next].sort() };
    return roles;
  });
  fake.handle('botFlows.texts', () => ({ texts: Object.keys(DEFAULTS).flatMap((key) => BOT_LANGUAGES.map((language) => view(key, language))) }));
  fake.handle('botFlows.setText', ({ key, language, text }) => {
    if (text.includes('forbidden')) throw new DeskError('invalid_input', 'The text is too long.');
    edits.set(`${key}/${language}`, text);
    return view(key, language);
  });
  fake.handle('botFlows.resetText', ({ key, language }) => {
    edits.delete(`${key}/${language}`);
    return view(key, language);
  });
}

async function openPanel() {
  const user = userEvent.setup();
  const fake = createFakeClient();
  handleShell(fake);
  handleConnections(fake, { bots: [testBot()] });
  botFlowsEngine(fake);
  renderApp(fake, { area: 'accounts' });
  const panel = await screen.findByTestId('bot-flows');
  await user.click(within(panel).getByText('Roles and bot texts'));
  await within(panel).findAllByTestId('bot-text');
  const textRow = (key: string) => within(panel).getAllByTestId('bot-text').find((el) => el.getAttribute('data-key') === key)!;
  return { user, fake, panel, textRow };
}

describe("a bot's roles and texts", () => {
  it('shows the roles as checkboxes (the inbox always on) and saves a change at once; a refused role says why and stays unticked', async () => {
    const { user, fake, panel } = await openPanel();
    const box = (role: string) => within(panel).getAllByTestId('bot-role').find((el) => el.getAttribute('data-role') === role)!.querySelector('input')!;
    expect(within(panel).getAllByTestId('bot-role').map((el) => el.textContent)).toEqual(['Support inbox', 'Rewards', 'Team tasks']);
    expect([box('inbox').checked, box('rewards').checked, box('team-tasks').checked]).toEqual([true, false, true]);

    // What no flow takes reaches the inbox anyway: that role cannot be taken off.
    expect(box('inbox').disabled).toBe(true);
    await user.click(box('team-tasks'));
    await waitFor(() => expect(box('team-tasks').checked).toBe(false));
    await user.click(box('rewards'));
    expect((await within(panel).findByTestId('bot-roles-error')).textContent).toBe('Roles not saved: Unknown bot role: rewards.');
    expect(box('rewards').checked).toBe(false);
    expect(fake.callsOf('botFlows.setRoles')).toEqual([
      { botId: 1, roles: ['inbox'] },
      { botId: 1, roles: ['inbox', 'rewards'] },
    ]);
  });

  it('edits a text in the chosen language, checks its variables before saving, and resets it to the default', async () => {
    const { user, fake, panel, textRow } = await openPanel();
    expect(within(textRow('done')).getByTestId('bot-text-state').textContent).toBe('default');
    expect(within(textRow('help')).getByTestId('bot-text-state').textContent).toBe('edited');
    expect(within(textRow('help')).getByTestId('bot-text-hint').textContent).toBe('Default: Send /tasks to see your tasks.');

    await user.click(within(panel).getAllByTestId('text-language').find((b) => b.getAttribute('data-language') === 'ru')!);
    const input = within(textRow('done')).getByTestId<HTMLTextAreaElement>('bot-text-input');
    expect(input.value).toBe('Задача {{id}} выполнена, {{name}}.');
    await user.clear(input);
    await user.type(input, 'Готово: {{{{id}}');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(within(textRow('done')).getByTestId('bot-text-hint').textContent).toBe('Keep {{name}}: the bot puts each person’s value there.');
    expect(within(textRow('done')).getByTestId<HTMLButtonElement>('bot-text-save').disabled).toBe(true);

    await user.type(input, ', {{{{name}}!');
    await user.click(within(textRow('done')).getByTestId('bot-text-save'));
    await waitFor(() => expect(within(textRow('done')).getByTestId('bot-text-state').textContent).toBe('edited'));
    expect(within(textRow('done')).getByTestId('bot-text-hint').textContent).toBe('Default: Задача {{id}} выполнена, {{name}}.');

    await user.click(within(textRow('done')).getByTestId('bot-text-reset'));
    await waitFor(() => expect(within(textRow('done')).getByTestId('bot-text-state').textContent).toBe('default'));
    expect(within(textRow('done')).getByTestId<HTMLTextAreaElement>('bot-text-input').value).toBe('Задача {{id}} выполнена, {{name}}.');
    expect(fake.callsOf('botFlows.setText')).toEqual([{ role: 'team-tasks', key: 'done', language: 'ru', text: 'Готово: {{id}}, {{name}}!' }]);
    expect(fake.callsOf('botFlows.resetText')).toEqual([{ role: 'team-tasks', key: 'done', language: 'ru' }]);
  });

  it("shows the engine's refusal and keeps what the operator wrote", async () => {
    const { user, textRow } = await openPanel();
    const input = within(textRow('help')).getByTestId<HTMLTextAreaElement>('bot-text-input');
    await user.clear(input);
    await user.type(input, 'forbidden words');
    await user.click(within(textRow('help')).getByTestId('bot-text-save'));
    expect((await within(textRow('help')).findByTestId('bot-text-error')).textContent).toBe('Not saved: The text is too long.');
    expect(input.value).toBe('forbidden words');
  });

  it("follows another window's change of the bot's roles", async () => {
    const { fake, panel } = await openPanel();
    act(() => fake.emit('botFlows.rolesChanged', { botId: 1, roles: ['inbox'], available: ['inbox', 'rewards', 'team-tasks'] }));
    await waitFor(() => expect(within(panel).queryAllByTestId('role-texts')).toHaveLength(0));
    expect(within(panel).getByText('Give the bot a role besides the support inbox to edit what it says.')).toBeTruthy();
  });
});
