import { GrammyError } from 'grammy';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scaleLimits, TELEGRAM_BOT_LIMITS } from './limits/rate-limits';
import { startSandbox, type Sandbox } from './test/harness';

let s: Sandbox;
beforeEach(async () => {
  s = await startSandbox();
});
afterEach(async () => {
  await s.server.close();
});

/** The retry_after of a refused send, or null when it went through. */
async function retryAfter(send: Promise<unknown>): Promise<number | null> {
  try {
    await send;
    return null;
  } catch (error) {
    if (!(error instanceof GrammyError) || error.error_code !== 429) throw error;
    expect(error.description).toBe(`Too Many Requests: retry after ${error.parameters.retry_after}`);
    return error.parameters.retry_after ?? null;
  }
}

function peopleWhoStarted(count: number) {
  return Array.from({ length: count }, (_, i) => {
    const person = s.world.addUser({ firstName: `P${i}` });
    s.world.sendMessage({ senderId: person.id, conversation: s.world.privateConversation(person.id, s.botUser.id), text: '/start' });
    return person;
  });
}

describe('Bot API front door: rate limits', () => {
  it('allows a short burst to one person, then asks to wait', async () => {
    s.aliceWrites('hi');
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await retryAfter(s.bot.api.sendMessage(s.alice.id, `m${i}`)));
    expect(results).toEqual([null, null, null, 3]);
    s.clock.advance(1_000);
    expect(await retryAfter(s.bot.api.sendMessage(s.alice.id, 'still early'))).toBe(2);
    s.clock.advance(2_000);
    expect(await retryAfter(s.bot.api.sendMessage(s.alice.id, 'now'))).toBeNull();
    // Refused sends never reached the person.
    expect(s.world.receivedBy(s.alice.id).map((m) => m.text)).toEqual(['m0', 'm1', 'm2', 'now']);
  });

  it('allows about 30 messages a second across chats', async () => {
    const people = peopleWhoStarted(31);
    const results = [];
    for (const person of people) results.push(await retryAfter(s.bot.api.sendMessage(person.id, 'news')));
    expect(results.slice(0, 30).every((r) => r === null)).toBe(true);
    expect(results[30]).toBe(1);
    s.clock.advance(1_000);
    expect(await retryAfter(s.bot.api.sendMessage(people[30]!.id, 'news'))).toBeNull();
  });

  it('allows 20 messages a minute to one group', async () => {
    const group = s.world.createChat({ kind: 'group', title: 'G', creatorId: s.alice.id, memberIds: [s.botUser.id] });
    for (let i = 0; i < 20; i++) {
      expect(await retryAfter(s.bot.api.sendMessage(-group.id, `g${i}`))).toBeNull();
      s.clock.advance(1_000);
    }
    // The first of the 20 went out 20 seconds ago: room opens in 40 seconds.
    expect(await retryAfter(s.bot.api.sendMessage(-group.id, 'one more'))).toBe(40);
    s.clock.advance(40_000);
    expect(await retryAfter(s.bot.api.sendMessage(-group.id, 'one more'))).toBeNull();
  });

  it('raises every limit together by a factor, also at runtime', async () => {
    s.aliceWrites('hi');
    s.server.setLimits(scaleLimits(TELEGRAM_BOT_LIMITS, 10));
    const results = [];
    for (let i = 0; i < 31; i++) results.push(await retryAfter(s.bot.api.sendMessage(s.alice.id, `m${i}`)));
    expect(results.filter((r) => r === null)).toHaveLength(30);
    expect(results[30]).toBe(3);
  });
});
