import bigInt from 'big-integer';
import { Api, errors } from 'telegram';
import { describe, expect, it } from 'vitest';
import { inputUser, setup, signedIn, text } from './test-support';

describe('MTProto messages', () => {
  it('sends, lists history in pages and shows dialogs with their people', async () => {
    const { sandbox, person, world } = setup();
    const alice = person();
    const bob = person({ username: 'bobby' });
    const transport = await signedIn(sandbox, alice);
    for (let i = 1; i <= 5; i++) await transport.invoke(text(inputUser(bob), `hello ${i}`, i));
    const sent = await transport.invoke(text(inputUser(bob), 'last', 6));
    expect(sent).toBeInstanceOf(Api.UpdateShortSentMessage);
    expect((sent as Api.UpdateShortSentMessage).id).toBe(6);

    const page = (await transport.invoke(new Api.messages.GetHistory({ peer: inputUser(bob), offsetId: 5, limit: 2 }))) as Api.messages.MessagesSlice;
    expect(page).toBeInstanceOf(Api.messages.MessagesSlice);
    expect(page.count).toBe(6);
    expect(page.messages.map((m) => (m as Api.Message).message)).toEqual(['hello 4', 'hello 3']);

    const dialogs = await transport.invoke(new Api.messages.GetDialogs({ offsetPeer: new Api.InputPeerEmpty(), limit: 10 }));
    expect(dialogs).toBeInstanceOf(Api.messages.Dialogs);
    const d = dialogs as Api.messages.Dialogs;
    expect(d.dialogs).toHaveLength(1);
    expect(d.dialogs[0]!.topMessage).toBe(6);
    const bobEntity = d.users.find((u) => Number(u.id) === bob.id) as Api.User;
    expect(bobEntity.username).toBe('bobby');
    expect(bobEntity.phone).toBeUndefined();
    expect(world.receivedBy(bob.id)).toHaveLength(6);
  });

  it('rejects a peer with the wrong access hash', async () => {
    const { sandbox, person } = setup();
    const alice = person();
    const bob = person();
    const transport = await signedIn(sandbox, alice);
    const forged = new Api.InputPeerUser({ userId: bigInt(bob.id), accessHash: bigInt(1) });
    await expect(transport.invoke(text(forged, 'hi', 1))).rejects.toMatchObject({ errorMessage: 'PEER_ID_INVALID' });
  });

  it('delivers one message for the same random_id sent twice', async () => {
    const { sandbox, person, world } = setup();
    const alice = person();
    const bob = person();
    const transport = await signedIn(sandbox, alice);
    const first = (await transport.invoke(text(inputUser(bob), 'once', 42))) as Api.UpdateShortSentMessage;
    const again = (await transport.invoke(text(inputUser(bob), 'once', 42))) as Api.UpdateShortSentMessage;
    expect(again.id).toBe(first.id);
    expect(again.pts).toBe(first.pts);
    expect(world.receivedBy(bob.id)).toHaveLength(1);
  });

  it('keeps one message when the answer was lost and the sender retries', async () => {
    const { sandbox, person, world } = setup();
    const alice = person();
    const bob = person();
    const transport = await signedIn(sandbox, alice);
    sandbox.faults.loseResponses(1, 'messages.SendMessage');
    const lost = await transport.invoke(text(inputUser(bob), 'maybe', 7)).catch((e: unknown) => e);
    expect(lost).toBeInstanceOf(errors.TimedOutError);
    expect(world.receivedBy(bob.id)).toHaveLength(1);
    const retry = (await transport.invoke(text(inputUser(bob), 'maybe', 7))) as Api.UpdateShortSentMessage;
    expect(retry.id).toBe(1);
    expect(world.receivedBy(bob.id)).toHaveLength(1);
  });

  it('answers RANDOM_ID_DUPLICATE while the first send is still in flight', async () => {
    const { sandbox, person, world } = setup();
    const alice = person();
    const bob = person();
    const transport = await signedIn(sandbox, alice);
    sandbox.faults.latencyMs = 20;
    const first = transport.invoke(text(inputUser(bob), 'slow', 9));
    await expect(transport.invoke(text(inputUser(bob), 'slow', 9))).rejects.toMatchObject({ errorMessage: 'RANDOM_ID_DUPLICATE' });
    await first;
    expect(world.receivedBy(bob.id)).toHaveLength(1);
  });

  it('edits, reads and deletes, with pts moving each time', async () => {
    const { sandbox, person, world } = setup();
    const alice = person();
    const bob = person();
    const a = await signedIn(sandbox, alice);
    const b = await signedIn(sandbox, bob);
    const sent = (await a.invoke(text(inputUser(bob), 'draft', 1))) as Api.UpdateShortSentMessage;
    const edited = (await a.invoke(new Api.messages.EditMessage({ peer: inputUser(bob), id: sent.id, message: 'final' }))) as Api.Updates;
    expect(edited.updates[0]).toBeInstanceOf(Api.UpdateEditMessage);
    expect(world.receivedBy(bob.id)[0]!.text).toBe('final');

    const read = await b.invoke(new Api.messages.ReadHistory({ peer: inputUser(alice), maxId: 0 }));
    expect(read.ptsCount).toBe(1);
    const dialogs = (await a.invoke(new Api.messages.GetDialogs({ offsetPeer: new Api.InputPeerEmpty(), limit: 10 }))) as Api.messages.Dialogs;
    expect((dialogs.dialogs[0] as Api.Dialog).readOutboxMaxId).toBe(sent.id);

    const deleted = await a.invoke(new Api.messages.DeleteMessages({ id: [sent.id], revoke: true }));
    expect(deleted.ptsCount).toBe(1);
    const history = (await b.invoke(new Api.messages.GetHistory({ peer: inputUser(alice), limit: 10 }))) as Api.messages.Messages;
    expect(history.messages).toHaveLength(0);
  });

  it('fails with INTERNAL when told to, without sending', async () => {
    const { sandbox, person, world } = setup();
    const alice = person();
    const bob = person();
    const transport = await signedIn(sandbox, alice);
    sandbox.faults.failRequests(1, 'INTERNAL');
    await expect(transport.invoke(text(inputUser(bob), 'x', 1))).rejects.toMatchObject({ code: 500, errorMessage: 'INTERNAL' });
    expect(world.receivedBy(bob.id)).toHaveLength(0);
  });
});
