import { Api } from 'telegram';
import { describe, expect, it } from 'vitest';
import { collect, inputChannel, inputUser, setup, signedIn, text } from './test-support';

describe('MTProto updates', () => {
  it('streams a private text as UpdateShortMessage with the next pts', async () => {
    const { sandbox, person } = setup();
    const alice = person();
    const bob = person();
    const a = await signedIn(sandbox, alice);
    const b = await signedIn(sandbox, bob);
    const seen = collect(b);
    const before = (await b.invoke(new Api.updates.GetState())).pts;
    await a.invoke(text(inputUser(bob), 'ping', 1));
    expect(seen).toHaveLength(1);
    const short = seen[0] as Api.UpdateShortMessage;
    expect(short).toBeInstanceOf(Api.UpdateShortMessage);
    expect(short.message).toBe('ping');
    expect(Number(short.userId)).toBe(alice.id);
    expect(short.out).toBe(false);
    expect(short.pts).toBe(before + 1);
  });

  it('does not echo a send back to the session that made it', async () => {
    const { sandbox, person } = setup();
    const alice = person();
    const bob = person();
    const a = await signedIn(sandbox, alice);
    const seen = collect(a);
    await a.invoke(text(inputUser(bob), 'ping', 1));
    await Promise.resolve();
    expect(seen).toHaveLength(0);
  });

  it('drops updates while disconnected and getDifference returns exactly the missed messages', async () => {
    const { sandbox, person } = setup();
    const alice = person();
    const bob = person();
    const a = await signedIn(sandbox, alice);
    const b = await signedIn(sandbox, bob);
    const seen = collect(b);
    await a.invoke(text(inputUser(bob), 'before', 1));
    const state = await b.invoke(new Api.updates.GetState());

    await sandbox.dropConnections();
    await a.connect();
    for (let i = 1; i <= 3; i++) await a.invoke(text(inputUser(bob), `missed ${i}`, 10 + i));
    await b.connect();
    await a.invoke(text(inputUser(bob), 'after', 20));
    expect(seen.map((u) => (u as Api.UpdateShortMessage).message)).toEqual(['before', 'after']);

    const diff = await b.invoke(new Api.updates.GetDifference({ pts: state.pts, date: state.date, qts: state.qts }));
    expect(diff).toBeInstanceOf(Api.updates.Difference);
    const d = diff as Api.updates.Difference;
    expect(d.newMessages.map((m) => (m as Api.Message).message)).toEqual(['missed 1', 'missed 2', 'missed 3', 'after']);
    expect(d.users.map((u) => Number(u.id))).toContain(alice.id);
    const empty = await b.invoke(new Api.updates.GetDifference({ pts: d.state.pts, date: d.state.date, qts: 0 }));
    expect(empty).toBeInstanceOf(Api.updates.DifferenceEmpty);
  });

  it('hands a long gap over in slices', async () => {
    const { sandbox, person } = setup({ differenceLimit: 2 });
    const alice = person();
    const bob = person();
    const a = await signedIn(sandbox, alice);
    const b = await signedIn(sandbox, bob);
    const { pts } = await b.invoke(new Api.updates.GetState());
    for (let i = 1; i <= 3; i++) await a.invoke(text(inputUser(bob), `m${i}`, i));
    const slice = (await b.invoke(new Api.updates.GetDifference({ pts, date: 0, qts: 0 }))) as Api.updates.DifferenceSlice;
    expect(slice).toBeInstanceOf(Api.updates.DifferenceSlice);
    expect(slice.newMessages).toHaveLength(2);
    const rest = (await b.invoke(new Api.updates.GetDifference({ pts: slice.intermediateState.pts, date: 0, qts: 0 }))) as Api.updates.Difference;
    expect(rest.newMessages.map((m) => (m as Api.Message).message)).toEqual(['m3']);
  });

  it('numbers channel posts by the channel pts and recovers them with getChannelDifference', async () => {
    const { sandbox, person, world } = setup();
    const owner = person();
    const reader = person();
    const channel = world.createChat({ kind: 'channel', title: 'News', creatorId: owner.id, memberIds: [reader.id] });
    const o = await signedIn(sandbox, owner);
    const r = await signedIn(sandbox, reader);
    const seen = collect(r);
    const peer = new Api.InputPeerChannel({ channelId: inputChannel(channel).channelId, accessHash: inputChannel(channel).accessHash });
    const sent = (await o.invoke(text(peer, 'post 1', 1))) as Api.Updates;
    const posted = sent.updates[1] as Api.UpdateNewChannelMessage;
    expect(posted).toBeInstanceOf(Api.UpdateNewChannelMessage);
    const live = (seen[0] as Api.Updates).updates[0] as Api.UpdateNewChannelMessage;
    expect(live.pts).toBe(posted.pts);
    expect((live.message as Api.Message).post).toBe(true);

    await r.disconnect();
    await o.invoke(text(peer, 'post 2', 2));
    await r.connect();
    const diff = (await r.invoke(
      new Api.updates.GetChannelDifference({ channel: inputChannel(channel), filter: new Api.ChannelMessagesFilterEmpty(), pts: live.pts, limit: 100 }),
    )) as Api.updates.ChannelDifference;
    expect(diff.newMessages.map((m) => (m as Api.Message).message)).toEqual(['post 2']);
    expect(diff.final).toBe(true);
  });
});
