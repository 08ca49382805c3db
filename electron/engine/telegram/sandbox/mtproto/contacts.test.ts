import bigInt from 'big-integer';
import { Api } from 'telegram';
import { describe, expect, it } from 'vitest';
import { inputUser, setup, signedIn } from './test-support';

const phoneContact = (clientId: number, phone: string) => new Api.InputPhoneContact({ clientId: bigInt(clientId), phone, firstName: 'C', lastName: String(clientId) });

describe('MTProto contacts', () => {
  it('imports up to the daily limit and hands the rest back in retryContacts', async () => {
    const { sandbox, person, clock } = setup({ antiSpam: { contactImportsPerDay: 2 } });
    const alice = person();
    const bob = person({ privacy: { phoneNumber: 'contacts', addToGroups: 'everybody' } });
    const carol = person();
    const dave = person();
    const transport = await signedIn(sandbox, alice);
    const result = await transport.invoke(
      new Api.contacts.ImportContacts({ contacts: [phoneContact(1, bob.phone!), phoneContact(2, '19990000000'), phoneContact(3, carol.phone!)] }),
    );
    expect(result.imported.map((i) => Number(i.userId))).toEqual([bob.id]);
    expect(result.retryContacts.map(Number)).toEqual([3]);

    const blocked = await transport.invoke(new Api.contacts.ImportContacts({ contacts: [phoneContact(4, dave.phone!)] }));
    expect(blocked.retryContacts.map(Number)).toEqual([4]);
    clock.advance(86_400_000);
    const nextDay = await transport.invoke(new Api.contacts.ImportContacts({ contacts: [phoneContact(3, carol.phone!)] }));
    expect(nextDay.imported.map((i) => Number(i.userId))).toEqual([carol.id]);

    const contacts = (await transport.invoke(new Api.contacts.GetContacts({ hash: bigInt(0) }))) as Api.contacts.Contacts;
    expect(contacts.contacts.map((c) => Number(c.userId)).sort()).toEqual([bob.id, carol.id].sort());
    await transport.invoke(new Api.contacts.DeleteContacts({ id: [new Api.InputUser({ userId: bigInt(bob.id), accessHash: bigInt(bob.accessHash.toString()) })] }));
    const after = (await transport.invoke(new Api.contacts.GetContacts({ hash: bigInt(0) }))) as Api.contacts.Contacts;
    expect(after.contacts.map((c) => Number(c.userId))).toEqual([carol.id]);
  });

  it('shows a phone only where the person allows it', async () => {
    const { sandbox, person, world } = setup();
    const alice = person();
    const bob = person({ username: 'bob_public', privacy: { phoneNumber: 'contacts', addToGroups: 'everybody' } });
    const transport = await signedIn(sandbox, alice);
    const resolve = () => transport.invoke(new Api.contacts.ResolveUsername({ username: 'bob_public' }));
    expect(((await resolve()).users[0] as Api.User).phone).toBeUndefined();
    world.addContact(bob.id, alice.id);
    expect(((await resolve()).users[0] as Api.User).phone).toBe(bob.phone);
    await expect(transport.invoke(new Api.contacts.ResolveUsername({ username: 'nobody_here' }))).rejects.toMatchObject({ errorMessage: 'USERNAME_NOT_OCCUPIED' });
    await expect(transport.invoke(new Api.contacts.ResolveUsername({ username: 'a!' }))).rejects.toMatchObject({ errorMessage: 'USERNAME_INVALID' });
    expect(inputUser(bob)).toBeInstanceOf(Api.InputPeerUser);
  });
});
