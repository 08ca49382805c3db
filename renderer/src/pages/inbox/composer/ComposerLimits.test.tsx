import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DeskError } from '../../../../../shared/contract/result';
import { testMessage } from '../../../test/inbox-fixtures';
import { stubLayoutForEachTest } from '../../../test/layout';
import { openChat } from '../../../test/open-chat';

stubLayoutForEachTest();

const text = () => screen.getByTestId('composer-text') as HTMLTextAreaElement;
const sentence = 'A sentence of a long answer. ';

describe('composer limits', () => {
  it('never cuts a long text: it says how many messages it goes as, and sends all of it', async () => {
    const { user, fake } = await openChat(undefined, (engine) => engine.handle('inbox.reply', ({ text: t }) => testMessage({ id: 2, text: t ?? '', outgoing: true, outboxId: 7, delivery: { state: 'queued' } })));
    const long = sentence.repeat(180).trim(); // 5,219 characters
    text().focus();
    await user.paste(long);
    expect(text().value).toBe(long);
    expect(screen.getByTestId('composer-counter').textContent).toBe('5,219 characters: goes as 2 messages');
    await user.click(screen.getByTestId('composer-send'));
    await waitFor(() => expect(fake.callsOf('inbox.reply')).toEqual([{ conversationId: 1, text: long }]));
  });

  it('shows what is left near the limit, and nothing far from it', async () => {
    const { user } = await openChat();
    text().focus();
    await user.paste('short');
    expect(screen.queryByTestId('composer-counter')).toBeNull();
    fireEvent.change(text(), { target: { value: 'x'.repeat(4095) } });
    expect(screen.getByTestId('composer-counter').textContent).toBe('1 character left');
    fireEvent.change(text(), { target: { value: 'x'.repeat(4090) } });
    expect(screen.getByTestId('composer-counter').textContent).toBe('6 characters left');
  });

  it('refuses, saying why, a text longer than ten messages, and keeps it', async () => {
    const { user, fake } = await openChat();
    fireEvent.change(text(), { target: { value: sentence.repeat(1500) } });
    expect(screen.getByTestId('composer-counter').textContent).toContain('more than 10 messages');
    expect((screen.getByTestId('composer-send') as HTMLButtonElement).disabled).toBe(true);
    text().focus();
    await user.keyboard('{Enter}');
    expect((await screen.findByTestId('composer-error')).textContent).toContain('send it as a file');
    expect(fake.callsOf('inbox.reply')).toEqual([]);
    expect(text().value.length).toBeGreaterThan(40_000);
  });

  it('clears an error once the operator does something else', async () => {
    const { user } = await openChat(undefined, (engine) =>
      engine.handle('inbox.reply', () => {
        throw new DeskError('forbidden', 'The account left this chat');
      }),
    );
    await user.type(text(), 'are you there?{Enter}');
    await screen.findByTestId('composer-error');
    await user.type(text(), '!');
    expect(screen.queryByTestId('composer-error')).toBeNull();
  });
});

describe('label names', () => {
  it('refuses a name over 40 characters with a message instead of cutting it', async () => {
    const { user, fake } = await openChat(undefined, (engine) => {
      engine.handle('inbox.labels', () => ({ labels: [] }));
      engine.handle('inbox.saveLabel', ({ name, color }) => ({ id: 5, name, color }));
    });
    const name = 'Customers who asked about the spring price list';
    await user.type(await screen.findByTestId('label-name'), name);
    expect((screen.getByTestId('label-name') as HTMLInputElement).value).toBe(name);
    await user.click(screen.getByTestId('label-add'));
    expect((await screen.findByRole('alert')).textContent).toContain(`at most 40 characters (this one has ${name.length})`);
    expect(fake.callsOf('inbox.saveLabel')).toEqual([]);
  });
});

describe('private notes', () => {
  it('never cuts a long note: over 4,000 characters it says so and keeps the text', async () => {
    const { fake } = await openChat(undefined, (engine) => engine.handle('inbox.notes', () => ({ notes: [] })));
    const note = await screen.findByTestId('note-text');
    fireEvent.change(note, { target: { value: 'n'.repeat(4001) } });
    expect((note as HTMLTextAreaElement).value).toHaveLength(4001);
    expect(screen.getByTestId('note-too-long').textContent).toContain('at most 4,000 characters (this one has 4,001)');
    expect((screen.getByTestId('note-add') as HTMLButtonElement).disabled).toBe(true);
    expect(fake.callsOf('inbox.addNote')).toEqual([]);
  });
});
