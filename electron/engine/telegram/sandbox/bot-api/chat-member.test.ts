import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from './test/harness';

let s: Sandbox;
beforeEach(async () => {
  s = await startSandbox();
});
afterEach(async () => {
  await s.server.close();
});

const channelId = (id: number) => -(1e12 + id);

describe('Bot API front door: chat members and invite links', () => {
  it('hides channel subscribers from a bot that is not an administrator', async () => {
    const bob = s.world.addUser({ firstName: 'Bob' });
    const channel = s.world.createChat({ kind: 'channel', title: 'News', creatorId: s.alice.id, memberIds: [s.botUser.id, bob.id] });
    await expect(s.bot.api.getChatMember(channelId(channel.id), bob.id)).rejects.toMatchObject({
      error_code: 400,
      description: 'Bad Request: member list is inaccessible',
    });
    // A bot may always see itself.
    expect(await s.bot.api.getChatMember(channelId(channel.id), s.botUser.id)).toMatchObject({ status: 'member' });

    s.world.promote(channel.id, s.botUser.id, s.alice.id, { inviteUsers: true });
    expect(await s.bot.api.getChatMember(channelId(channel.id), bob.id)).toMatchObject({ status: 'member', user: { id: bob.id, first_name: 'Bob' } });
    expect(await s.bot.api.getChatMember(channelId(channel.id), s.alice.id)).toMatchObject({ status: 'creator' });
    expect(await s.bot.api.getChatMember(channelId(channel.id), s.botUser.id)).toMatchObject({ status: 'administrator', can_invite_users: true });
  });

  it('shows group members to a bot that is a member, and not to one outside', async () => {
    const bob = s.world.addUser({ firstName: 'Bob' });
    const group = s.world.createChat({ kind: 'group', title: 'G', creatorId: s.alice.id, memberIds: [bob.id] });
    await expect(s.bot.api.getChatMember(-group.id, bob.id)).rejects.toMatchObject({ description: 'Bad Request: chat not found' });
    s.world.addMember(group.id, s.botUser.id, s.alice.id);
    expect(await s.bot.api.getChatMember(-group.id, bob.id)).toMatchObject({ status: 'member' });
    s.world.removeMember(group.id, bob.id, s.alice.id, { ban: true });
    expect(await s.bot.api.getChatMember(-group.id, bob.id)).toMatchObject({ status: 'kicked', until_date: 0 });
  });

  it('creates invite links only with the right to invite', async () => {
    const group = s.world.createChat({ kind: 'supergroup', title: 'S', creatorId: s.alice.id, memberIds: [s.botUser.id] });
    await expect(s.bot.api.createChatInviteLink(channelId(group.id))).rejects.toMatchObject({
      description: 'Bad Request: not enough rights to manage chat invite links',
    });
    s.world.promote(group.id, s.botUser.id, s.alice.id, { inviteUsers: true });
    const link = await s.bot.api.createChatInviteLink(channelId(group.id), { name: 'promo', member_limit: 5 });
    expect(link).toMatchObject({ name: 'promo', member_limit: 5, creates_join_request: false, creator: { id: s.botUser.id } });
    const dave = s.world.addUser({ firstName: 'Dave' });
    expect(s.world.joinByLink(dave.id, link.invite_link).joined).toBe(true);
  });

  it('reports join requests to an administrator bot', async () => {
    const group = s.world.createChat({ kind: 'supergroup', title: 'S', creatorId: s.alice.id, memberIds: [s.botUser.id] });
    s.world.promote(group.id, s.botUser.id, s.alice.id, { inviteUsers: true });
    const link = await s.bot.api.createChatInviteLink(channelId(group.id), { creates_join_request: true });
    const erin = s.world.addUser({ firstName: 'Erin' });
    s.world.joinByLink(erin.id, link.invite_link);
    const updates = await s.bot.api.getUpdates();
    expect(updates.find((u) => u.chat_join_request)?.chat_join_request).toMatchObject({ user_chat_id: erin.id, invite_link: { invite_link: link.invite_link } });
  });

  it('describes chats with getChat, and hides a private group it is not in', async () => {
    const group = s.world.createChat({ kind: 'supergroup', title: 'S', creatorId: s.alice.id, username: 'public_s' });
    expect(await s.bot.api.getChat('@public_s')).toMatchObject({ id: channelId(group.id), type: 'supergroup', title: 'S', username: 'public_s' });
    const hidden = s.world.createChat({ kind: 'group', title: 'Hidden', creatorId: s.alice.id });
    await expect(s.bot.api.getChat(-hidden.id)).rejects.toMatchObject({ description: 'Bad Request: chat not found' });
  });
});
