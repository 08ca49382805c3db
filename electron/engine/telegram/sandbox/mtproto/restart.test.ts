import { Api } from 'telegram';
import { describe, expect, it } from 'vitest';
import { SandboxWorld } from '../world/world';
import { SandboxMtproto } from './sandbox-mtproto';
import { mtprotoSnapshotSchema } from './snapshot';
import { inputChannel, inputUser, setup, signedIn, text } from './test-support';

/** What the sandbox workspace does across a desk restart: snapshot, dispose, restore, reopen. */
function restart(world: SandboxWorld, sandbox: SandboxMtproto) {
  const saved = JSON.parse(JSON.stringify({ world: world.snapshot(), mtproto: sandbox.snapshot() })) as { world: unknown; mtproto: unknown };
  sandbox.dispose();
  const restored = SandboxWorld.restore(saved.world, { clock: world.clock });
  return { world: restored, sandbox: new SandboxMtproto({ world: restored, restored: mtprotoSnapshotSchema.parse(saved.mtproto) }) };
}

async function resume(sandbox: SandboxMtproto, sessionKey: string) {
  const transport = sandbox.transport({ sessionKey });
  await transport.connect();
  return transport;
}

const difference = (pts: number) => new Api.updates.GetDifference({ pts, date: 0, qts: 0 });

describe('MTProto front door across a restart', () => {
  it('keeps signed-in sessions and continues pts; events from before the restart are too long to list', async () => {
    const { world, sandbox, person } = setup();
    const alice = person();
    const bob = person();
    const a = await signedIn(sandbox, alice);
    const b = await signedIn(sandbox, bob);
    const aliceKey = a.exportSession();
    const bobKey = b.exportSession();
    await a.invoke(text(inputUser(bob), 'seen', 1));
    const seen = (await b.invoke(new Api.updates.GetState())).pts;
    await a.invoke(text(inputUser(bob), 'missed', 2));
    const current = (await b.invoke(new Api.updates.GetState())).pts;
    expect(current).toBe(seen + 1);

    const after = restart(world, sandbox);
    const b2 = await resume(after.sandbox, bobKey);
    expect((await b2.invoke(new Api.updates.GetState())).pts).toBe(current);
    expect(await b2.invoke(difference(current))).toBeInstanceOf(Api.updates.DifferenceEmpty);
    // "missed" was logged before the restart and is gone from the log: Telegram says so.
    const tooLong = await b2.invoke(difference(seen));
    expect(tooLong).toEqual(new Api.updates.DifferenceTooLong({ pts: current }));

    const a2 = await resume(after.sandbox, aliceKey);
    const sent = (await a2.invoke(text(inputUser(bob), 'after', 3))) as Api.UpdateShortSentMessage;
    const diff = (await b2.invoke(difference(current))) as Api.updates.Difference;
    expect(diff.newMessages.map((m) => [(m as Api.Message).message, (m as Api.Message).id])).toEqual([['after', 3]]);
    expect(diff.state.pts).toBe(current + 1);
    expect(sent.id).toBe(3);
  });

  it('tells a client that is ahead of the server (its last moments were lost) to start over', async () => {
    const { world, sandbox, person } = setup();
    const alice = person();
    const key = (await signedIn(sandbox, alice)).exportSession();
    const after = restart(world, sandbox);
    const a = await resume(after.sandbox, key);
    const { pts } = await a.invoke(new Api.updates.GetState());
    expect(await a.invoke(difference(pts + 5))).toEqual(new Api.updates.DifferenceTooLong({ pts }));
  });

  it('continues channel pts, and answers ChannelDifferenceTooLong for a pts from before the restart', async () => {
    const { world, sandbox, person } = setup();
    const owner = person();
    const reader = person();
    const channel = world.createChat({ kind: 'channel', title: 'News', creatorId: owner.id, memberIds: [reader.id] });
    const o = await signedIn(sandbox, owner);
    const readerKey = (await signedIn(sandbox, reader)).exportSession();
    const peer = new Api.InputPeerChannel({ channelId: inputChannel(channel).channelId, accessHash: inputChannel(channel).accessHash });
    const first = ((await o.invoke(text(peer, 'post 1', 1))) as Api.Updates).updates[1] as Api.UpdateNewChannelMessage;
    await o.invoke(text(peer, 'post 2', 2));
    const current = first.pts + 1;

    const after = restart(world, sandbox);
    const r = await resume(after.sandbox, readerKey);
    const ask = (pts: number) =>
      r.invoke(new Api.updates.GetChannelDifference({ channel: inputChannel(channel), filter: new Api.ChannelMessagesFilterEmpty(), pts, limit: 10 }));
    expect(await ask(current)).toEqual(new Api.updates.ChannelDifferenceEmpty({ final: true, pts: current }));
    const tooLong = (await ask(first.pts)) as Api.updates.ChannelDifferenceTooLong;
    expect(tooLong).toBeInstanceOf(Api.updates.ChannelDifferenceTooLong);
    expect((tooLong.dialog as Api.Dialog).pts).toBe(current);
    expect(tooLong.messages.map((m) => (m as Api.Message).message).slice(0, 2)).toEqual(['post 2', 'post 1']);
  });

  it('keeps revoked sessions revoked and read marks read', async () => {
    const { world, sandbox, person } = setup();
    const alice = person();
    const bob = person();
    const a = await signedIn(sandbox, alice);
    const b = await signedIn(sandbox, bob);
    const aliceKey = a.exportSession();
    const bobKey = b.exportSession();
    await a.invoke(text(inputUser(bob), 'hello', 1));
    await b.invoke(new Api.messages.ReadHistory({ peer: inputUser(alice), maxId: 0 }));
    sandbox.revokeSessionsOf(alice.id);

    const after = restart(world, sandbox);
    const a2 = await resume(after.sandbox, aliceKey);
    await expect(a2.invoke(new Api.updates.GetState())).rejects.toMatchObject({ errorMessage: 'AUTH_KEY_UNREGISTERED' });
    const b2 = await resume(after.sandbox, bobKey);
    const dialogs = (await b2.invoke(new Api.messages.GetDialogs({ offsetPeer: new Api.InputPeerEmpty(), limit: 10 }))) as Api.messages.Dialogs;
    expect((dialogs.dialogs[0] as Api.Dialog).unreadCount).toBe(0);
  });
});
