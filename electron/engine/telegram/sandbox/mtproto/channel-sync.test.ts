import { Api } from 'telegram';
import { describe, expect, it } from 'vitest';
import { collect, inputChannel, setup, signedIn } from './test-support';

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function updatesOf(seen: Api.TypeUpdates[]): Api.TypeUpdate[] {
  return seen.flatMap((u) => (u instanceof Api.Updates ? u.updates : []));
}

async function supergroupWithMember(options?: Parameters<typeof setup>[0]) {
  const env = setup(options);
  const owner = env.person();
  const member = env.person();
  const chat = env.world.createChat({ kind: 'supergroup', title: 'Club', creatorId: owner.id, memberIds: [member.id] });
  const say = (text: string) => env.world.sendMessage({ senderId: owner.id, conversation: { kind: 'chat', chatId: chat.id }, text });
  return { ...env, owner, member, chat, say };
}

describe('MTProto channel sequences and read marks', () => {
  it('numbers channel events by the channel, and names a channel missed while offline in getDifference', async () => {
    const { sandbox, member, chat, say } = await supergroupWithMember();
    const transport = await signedIn(sandbox, member);
    const seen = collect(transport);
    // The chat was created before this first session: that is named too, once.
    const joined = await transport.invoke(new Api.updates.GetState());
    const first = (await transport.invoke(new Api.updates.GetDifference({ pts: joined.pts, qts: 0, date: joined.date }))) as Api.updates.Difference;
    expect(first.otherUpdates).toEqual([expect.objectContaining({ className: 'UpdateChannelTooLong' })]);
    say('live');
    await settle();
    const live = updatesOf(seen).find((u) => u instanceof Api.UpdateNewChannelMessage) as Api.UpdateNewChannelMessage;
    expect(live.pts).toBe(sandbox.hub.channel(chat.id).pts);
    const state = await transport.invoke(new Api.updates.GetState());

    await sandbox.dropConnections();
    for (const text of ['one', 'two', 'three']) say(text);
    await transport.connect();
    const difference = (await transport.invoke(new Api.updates.GetDifference({ pts: state.pts, qts: 0, date: state.date }))) as Api.updates.Difference;
    expect(difference).toBeInstanceOf(Api.updates.Difference);
    expect(difference.otherUpdates).toEqual([expect.objectContaining({ className: 'UpdateChannelTooLong', pts: live.pts })]);
    expect(difference.chats.map((c) => Number(c.id))).toEqual([chat.id]);
    // Named once: the next difference has nothing more to say.
    const again = await transport.invoke(new Api.updates.GetDifference({ pts: state.pts, qts: 0, date: state.date }));
    expect(again).toBeInstanceOf(Api.updates.DifferenceEmpty);

    const channelDifference = (await transport.invoke(
      new Api.updates.GetChannelDifference({ channel: inputChannel(chat), filter: new Api.ChannelMessagesFilterEmpty(), pts: live.pts, limit: 100 }),
    )) as Api.updates.ChannelDifference;
    expect(channelDifference.final).toBe(true);
    expect(channelDifference.newMessages.map((m) => (m as Api.Message).message)).toEqual(['one', 'two', 'three']);
  });

  it('answers too long, with the dialog and newest messages, when a channel fell too far behind', async () => {
    const { sandbox, member, chat, say } = await supergroupWithMember({ channelDifferenceTooLongAfter: 2 });
    const transport = await signedIn(sandbox, member);
    const from = sandbox.hub.channel(chat.id).pts;
    for (const text of ['one', 'two', 'three']) say(text);
    const answer = (await transport.invoke(
      new Api.updates.GetChannelDifference({ channel: inputChannel(chat), filter: new Api.ChannelMessagesFilterEmpty(), pts: from, limit: 100 }),
    )) as Api.updates.ChannelDifferenceTooLong;
    expect(answer).toBeInstanceOf(Api.updates.ChannelDifferenceTooLong);
    expect((answer.dialog as Api.Dialog).pts).toBe(sandbox.hub.channel(chat.id).pts);
    expect((answer.dialog as Api.Dialog).unreadCount).toBe(3);
    expect(answer.messages.map((m) => (m as Api.Message).message).slice(0, 3)).toEqual(['three', 'two', 'one']);
  });

  it('tells the reader how much is still unread and, in a supergroup, the authors that they were read', async () => {
    const { sandbox, world, owner, member, chat, say } = await supergroupWithMember();
    const ownerSeen = collect(await signedIn(sandbox, owner));
    const memberSeen = collect(await signedIn(sandbox, member));
    const first = say('first');
    say('second');
    world.readHistory(member.id, { kind: 'chat', chatId: chat.id }, first.uid);
    await settle();
    expect(updatesOf(memberSeen).find((u) => u instanceof Api.UpdateReadChannelInbox)).toMatchObject({ maxId: first.channelMessageId, stillUnreadCount: 1 });
    expect(updatesOf(ownerSeen).find((u) => u instanceof Api.UpdateReadChannelOutbox)).toMatchObject({ maxId: first.channelMessageId });
  });
});
