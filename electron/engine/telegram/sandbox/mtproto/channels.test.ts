import bigInt from 'big-integer';
import { Api, errors } from 'telegram';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../world/limits';
import type { SandboxUser } from '../world/types';
import type { OptionsOverride } from './options';
import { inputChannel, setup, signedIn } from './test-support';

const asInput = (user: SandboxUser) => new Api.InputUser({ userId: bigInt(user.id), accessHash: bigInt(user.accessHash.toString()) });

async function channelWithAdmin(options?: OptionsOverride) {
  const env = setup(options);
  const admin = env.person();
  const channel = env.world.createChat({ kind: 'channel', title: 'Club', creatorId: admin.id });
  const transport = await signedIn(env.sandbox, admin);
  const invite = (...users: SandboxUser[]) => transport.invoke(new Api.channels.InviteToChannel({ channel: inputChannel(channel), users: users.map(asInput) }));
  return { ...env, admin, channel, transport, invite };
}

describe('MTProto channels', () => {
  it('invites, and lists privacy-restricted people in missingInvitees (layer 198)', async () => {
    const { person, invite, world, channel, admin } = await channelWithAdmin();
    const open = person();
    const shy = person({ privacy: { addToGroups: 'nobody', phoneNumber: 'nobody' } });
    world.addContact(admin.id, open.id);
    world.addContact(admin.id, shy.id);
    const result = await invite(open, shy);
    expect(result.missingInvitees.map((m) => Number(m.userId))).toEqual([shy.id]);
    expect(channel.members.has(open.id)).toBe(true);
    expect(channel.members.has(shy.id)).toBe(false);
    expect((result.updates as Api.Updates).updates[0]).toBeInstanceOf(Api.UpdateNewChannelMessage);
  });

  it('reaches every invite error Telegram names', async () => {
    const { person, invite, world, channel, admin, sandbox } = await channelWithAdmin({ privacyRestrictedInvites: 'error', antiSpam: { strangerInvitesPerDay: 1 } });
    const contact = (input: Parameters<typeof person>[0] = {}) => {
      const user = person(input);
      world.addContact(admin.id, user.id);
      return user;
    };
    const member = contact();
    await invite(member);
    await expect(invite(member)).rejects.toMatchObject({ errorMessage: 'USER_ALREADY_PARTICIPANT' });
    await expect(invite(contact({ privacy: { addToGroups: 'nobody', phoneNumber: 'nobody' } }))).rejects.toMatchObject({ code: 403, errorMessage: 'USER_PRIVACY_RESTRICTED' });
    await expect(invite(contact({ privacy: { addToGroups: 'contacts', phoneNumber: 'nobody' } }))).rejects.toMatchObject({ errorMessage: 'USER_NOT_MUTUAL_CONTACT' });
    const busy = contact();
    busy.channelCount = LIMITS.channelsPerUser;
    await expect(invite(busy)).rejects.toMatchObject({ errorMessage: 'USER_CHANNELS_TOO_MUCH' });
    const kicked = contact();
    await invite(kicked);
    world.removeMember(channel.id, kicked.id, admin.id, { ban: true });
    await expect(invite(kicked)).rejects.toMatchObject({ errorMessage: 'USER_KICKED' });

    await invite(person());
    await expect(invite(person())).rejects.toMatchObject({ errorMessage: 'PEER_FLOOD' });

    const friend = person();
    world.addContact(member.id, friend.id);
    const plainMember = await signedIn(sandbox, member);
    await expect(
      plainMember.invoke(new Api.channels.InviteToChannel({ channel: inputChannel(channel), users: [asInput(friend)] })),
    ).rejects.toMatchObject({ errorMessage: 'CHAT_ADMIN_REQUIRED' });
  });

  it('answers FLOOD_WAIT when invites come faster than allowed', async () => {
    const { person, invite, world, admin } = await channelWithAdmin({ antiSpam: { methodLimits: { 'channels.InviteToChannel': { burst: 1, everySeconds: 30 } } } });
    const [a, b] = [person(), person()];
    world.addContact(admin.id, a.id);
    world.addContact(admin.id, b.id);
    await invite(a);
    const error = await invite(b).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(errors.FloodWaitError);
    expect((error as errors.FloodWaitError).seconds).toBe(30);
  });

  it('shows channel members to admins only, in pages', async () => {
    const { person, world, channel, admin, transport, sandbox } = await channelWithAdmin();
    const people = [person(), person(), person()];
    for (const p of people) world.addMember(channel.id, p.id, p.id);
    const page = (n: number) => new Api.channels.GetParticipants({ channel: inputChannel(channel), filter: new Api.ChannelParticipantsRecent(), offset: n, limit: 2, hash: bigInt(0) });
    const first = (await transport.invoke(page(0))) as Api.channels.ChannelParticipants;
    expect(first.count).toBe(4);
    expect(first.participants[0]).toBeInstanceOf(Api.ChannelParticipantCreator);
    const second = (await transport.invoke(page(2))) as Api.channels.ChannelParticipants;
    expect(second.participants.map((p) => Number((p as Api.ChannelParticipant).userId))).toEqual([people[1]!.id, people[2]!.id]);

    const reader = await signedIn(sandbox, people[0]!);
    await expect(reader.invoke(page(0))).rejects.toMatchObject({ errorMessage: 'CHAT_ADMIN_REQUIRED' });
    expect(admin.id).toBe(channel.creatorId);
  });

  it('answers one person\'s membership: admins see anyone, a banned person shows as banned, a stranger is USER_NOT_PARTICIPANT', async () => {
    const { person, world, channel, admin, transport, sandbox } = await channelWithAdmin();
    const [member, banned, stranger] = [person(), person(), person()];
    world.addMember(channel.id, member.id, member.id);
    world.addMember(channel.id, banned.id, banned.id);
    world.removeMember(channel.id, banned.id, admin.id, { ban: true });
    const ask = (via: typeof transport, who: SandboxUser) =>
      via.invoke(new Api.channels.GetParticipant({ channel: inputChannel(channel), participant: new Api.InputPeerUser({ userId: bigInt(who.id), accessHash: bigInt(who.accessHash.toString()) }) }));
    const found = await ask(transport, member);
    expect(found.participant).toBeInstanceOf(Api.ChannelParticipant);
    expect(Number((found.participant as Api.ChannelParticipant).userId)).toBe(member.id);
    expect(found.users.map((u) => Number(u.id))).toEqual([member.id]);
    expect((await ask(transport, admin)).participant).toBeInstanceOf(Api.ChannelParticipantCreator);
    expect((await ask(transport, banned)).participant).toBeInstanceOf(Api.ChannelParticipantBanned);
    await expect(ask(transport, stranger)).rejects.toMatchObject({ code: 400, errorMessage: 'USER_NOT_PARTICIPANT' });

    // A subscriber may ask about themselves, not about others in a broadcast channel.
    const own = await signedIn(sandbox, member);
    expect((await ask(own, member)).participant).toBeInstanceOf(Api.ChannelParticipant);
    await expect(ask(own, admin)).rejects.toMatchObject({ errorMessage: 'CHAT_ADMIN_REQUIRED' });
    const outsider = await signedIn(sandbox, stranger);
    await expect(ask(outsider, stranger)).rejects.toMatchObject({ errorMessage: 'USER_NOT_PARTICIPANT' });
    await expect(ask(outsider, member)).rejects.toMatchObject({ errorMessage: 'CHANNEL_PRIVATE' });
  });

  it('exports an invite link a person can join by', async () => {
    const { person, world, channel, transport } = await channelWithAdmin();
    const peer = new Api.InputPeerChannel({ channelId: bigInt(channel.id), accessHash: bigInt(channel.accessHash.toString()) });
    const link = (await transport.invoke(new Api.messages.ExportChatInvite({ peer, usageLimit: 5 }))) as Api.ChatInviteExported;
    expect(link.link).toMatch(/^https:\/\/t\.me\/\+/);
    const joiner = person();
    world.joinByLink(joiner.id, link.link);
    expect(channel.members.has(joiner.id)).toBe(true);
  });
});
