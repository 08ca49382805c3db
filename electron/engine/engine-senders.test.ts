import { describe, expect, it } from 'vitest';
import type { CallResult } from '../../shared/contract/index';
import type { BotView } from '../../shared/domain/connections';
import type { ChatMessage, ConversationView } from '../../shared/domain/inbox';
import type { SandboxStatus } from '../../shared/domain/sandbox';
import { useTempDirs } from './test-support/temp-dir';
import { testEngine } from './test-support/test-engine';
import { until } from './test-support/until';

const tempDir = useTempDirs();


describe('the engine follows its senders', () => {
  it('sends a reply queued while its bot was stopped once the bot is back, and fails one queued for a bot then removed', async () => {
    const { engine } = testEngine(tempDir());
    await engine.start();
    const call = async <T>(method: string, input: unknown): Promise<T> => {
      const result = (await engine.dispatch(method, input)) as CallResult<T>;
      if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
      return result.value;
    };
    const sandbox = await call<SandboxStatus>('sandbox.status', {});
    const target = sandbox.targets.find((t) => t.kind === 'bot')!;
    const bot = await call<BotView>('bots.add', { token: target.botToken });
    const botState = async () => (await call<{ bots: BotView[] }>('bots.list', {})).bots.find((b) => b.id === bot.id)?.state.status;
    await until(botState, (s) => s === 'online', 'the bot online');
    await call('sandbox.act', { personId: sandbox.people[0]!.id, action: 'write', targetId: target.id, text: 'is anyone there?' });
    const [conversation] = await until(
      async () => (await call<{ conversations: ConversationView[] }>('inbox.conversations', { filter: {}, limit: 5, offset: 0 })).conversations,
      (list) => list.length === 1,
      'the conversation',
    );
    const delivery = async (reply: ChatMessage) =>
      (await call<{ messages: ChatMessage[] }>('inbox.messages', { conversationId: conversation!.id, limit: 50 })).messages.find((m) => m.id === reply.id)?.delivery;

    await call('bots.stop', { id: bot.id });
    const held = await call<ChatMessage>('inbox.reply', { conversationId: conversation!.id, text: 'here, one moment' });
    await until(() => delivery(held), (d) => d?.state === 'waiting', 'the reply to wait for the bot');
    await call('bots.start', { id: bot.id });
    // Far sooner than the lane's 15 s offline recheck: the lane resumed when the bot said it was online.
    await until(() => delivery(held), (d) => d?.state === 'sent', 'the reply to go out once the bot is back', 5_000);

    await call('bots.stop', { id: bot.id });
    const orphan = await call<ChatMessage>('inbox.reply', { conversationId: conversation!.id, text: 'and one more' });
    await until(() => delivery(orphan), (d) => d?.state === 'waiting', 'the second reply to wait');
    await call('bots.remove', { id: bot.id, confirm: true });
    const failed = await until(() => delivery(orphan), (d) => d?.state === 'failed', 'the reply of a removed bot to fail', 5_000);
    expect(failed).toEqual({ state: 'failed', reason: expect.stringMatching(/^The bot @\w+ was removed from the desk/) });
    await engine.stop();
  }, 30_000);
});
