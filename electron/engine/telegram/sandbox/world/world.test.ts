import { describe, expect, it } from 'vitest';
import { manualClock } from '../../../platform/clock';
import { SandboxWorld } from './world';
import type { WorldEvent } from './types';

function world() {
  const w = new SandboxWorld({ clock: manualClock(Date.UTC(2026, 10, 21)), seed: 7 });
  const events: WorldEvent[] = [];
  w.subscribe((e) => events.push(e));
  const alice = w.addUser({ firstName: 'Alice', phone: '+7 900 000-00-01', username: 'alice' });
  const bob = w.addUser({ firstName: 'Bob', phone: '79000000002' });
  return { w, events, alice, bob };
}

describe('sandbox world', () => {
  it('numbers private messages per box and channel messages per channel', () => {
    const { w, alice, bob } = world();
    const dm = w.privateConversation(alice.id, bob.id);
    w.sendMessage({ senderId: bob.id, conversation: w.privateConversation(bob.id, bob.id), text: 'note to self' });
    const m = w.sendMessage({ senderId: alice.id, conversation: dm, text: 'hi' });
    expect(w.viewId(m, alice.id)).toBe(1);
    expect(w.viewId(m, bob.id)).toBe(2);

    const channel = w.createChat({ kind: 'channel', title: 'News', creatorId: alice.id });
    const post = w.sendMessage({ senderId: alice.id, conversation: { kind: 'chat', chatId: channel.id }, text: 'post' });
    expect(post.channelMessageId).toBe(2); // 1 is the "channel created" service message
    expect(w.viewId(post, bob.id)).toBe(2);
  });

  it('returns the original message for a repeated random_id, never a second one', () => {
    const { w, alice, bob } = world();
    const dm = w.privateConversation(alice.id, bob.id);
    const first = w.sendMessage({ senderId: alice.id, conversation: dm, text: 'once', randomId: 42n });
    const again = w.sendMessage({ senderId: alice.id, conversation: dm, text: 'once', randomId: 42n });
    expect(again).toBe(first);
    expect(w.receivedBy(bob.id)).toHaveLength(1);
  });

  it('applies privacy, bans and the channel limit when adding people', () => {
    const { w, alice, bob } = world();
    const carol = w.addUser({ firstName: 'Carol', privacy: { addToGroups: 'contacts' } });
    const dave = w.addUser({ firstName: 'Dave', privacy: { addToGroups: 'nobody' } });
    const channel = w.createChat({ kind: 'channel', title: 'News', creatorId: alice.id });
    const add = (userId: number, by = alice.id) => () => w.addMember(channel.id, userId, by);

    expect(add(dave.id)).toThrow('USER_PRIVACY_RESTRICTED');
    expect(add(carol.id)).toThrow('USER_PRIVACY_RESTRICTED');
    w.addContact(alice.id, carol.id);
    expect(add(carol.id)).toThrow('USER_NOT_MUTUAL_CONTACT');
    w.addContact(carol.id, alice.id);
    add(carol.id)();
    expect(add(carol.id)).toThrow('USER_ALREADY_PARTICIPANT');
    expect(add(bob.id, carol.id)).toThrow('CHAT_ADMIN_REQUIRED');

    w.removeMember(channel.id, bob.id, alice.id, { ban: true });
    expect(add(bob.id)).toThrow('USER_KICKED');

    bob.channelCount = 500;
    w.unban(channel.id, bob.id);
    expect(add(bob.id)).toThrow('USER_CHANNELS_TOO_MUCH');
  });

  it('keeps bots from writing first and from writing to people who blocked them', () => {
    const { w, alice, events } = world();
    const bot = w.addBot({ username: 'desk_demo_bot', firstName: 'Desk' });
    expect(bot.token).toMatch(/^\d+:[A-Za-z0-9_-]{35}$/);
    const dm = w.privateConversation(alice.id, bot.id);
    expect(() => w.sendMessage({ senderId: bot.id, conversation: dm, text: 'hello?' })).toThrow('BOT_CANT_INITIATE');
    w.sendMessage({ senderId: alice.id, conversation: dm, text: '/start' });
    w.sendMessage({ senderId: bot.id, conversation: dm, text: 'welcome' });
    w.setBotBlocked(alice.id, bot.id, true);
    expect(() => w.sendMessage({ senderId: bot.id, conversation: dm, text: 'still there?' })).toThrow('USER_IS_BLOCKED');
    expect(events.filter((e) => e.type === 'bot.blocked')).toHaveLength(1);
  });

  it('enforces message length, keeps edit history and hides deleted messages', () => {
    const { w, alice, bob } = world();
    const dm = w.privateConversation(alice.id, bob.id);
    expect(() => w.sendMessage({ senderId: alice.id, conversation: dm, text: 'x'.repeat(4097) })).toThrow('MESSAGE_TOO_LONG');
    const m = w.sendMessage({ senderId: alice.id, conversation: dm, text: 'draft' });
    w.editMessage(m.uid, alice.id, { text: 'final' });
    expect(m.editHistory).toEqual(['draft']);
    expect(() => w.editMessage(m.uid, bob.id, { text: 'hack' })).toThrow('MESSAGE_AUTHOR_REQUIRED');
    w.deleteMessages([m.uid], alice.id);
    expect(w.history(bob.id, dm)).toEqual([]);
  });

  it('joins by invite link, or queues a join request when the link asks for approval', () => {
    const { w, alice, bob } = world();
    const channel = w.createChat({ kind: 'supergroup', title: 'Club', creatorId: alice.id });
    const open = w.createInviteLink(channel.id, alice.id);
    expect(w.joinByLink(bob.id, open.link).joined).toBe(true);
    const carol = w.addUser({ firstName: 'Carol' });
    const gated = w.createInviteLink(channel.id, alice.id, { requestsApproval: true });
    expect(w.joinByLink(carol.id, gated.link).joined).toBe(false);
    w.approveJoinRequest(channel.id, carol.id, alice.id);
    expect(w.memberStatus(channel.id, carol.id)).toBe('member');
    expect(() => w.joinByLink(carol.id, 'https://t.me/+nothing')).toThrow('INVITE_HASH_INVALID');
  });
});
