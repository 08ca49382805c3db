import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ConversationView } from '../../../shared/domain/inbox';
import { createFakeClient, type FakeClient } from './fake-client';
import { handleShell } from './fixtures';
import { handleInbox, testConversation, testMessage } from './inbox-fixtures';
import { renderApp } from './render-app';

/** The whole window on a fake engine, with the first conversation open and its composer ready. */
export async function openChat(conversations: ConversationView[] = [testConversation()], engine: (fake: FakeClient) => void = () => {}) {
  const user = userEvent.setup();
  const fake = createFakeClient();
  handleShell(fake);
  handleInbox(fake, { conversations, messages: [testMessage({ id: 1, text: 'hi there' })] });
  engine(fake);
  renderApp(fake);
  await user.click((await screen.findAllByTestId('conversation-row'))[0]!);
  await screen.findByTestId('composer-text');
  return { user, fake };
}
