import { Api } from 'telegram';
import { toLong } from '../long';
import { userRoute } from '../route';
import { fail } from '../rpc-error';

const USERNAME = /^[a-zA-Z][a-zA-Z0-9_]{3,31}$/;

export const contactsRoutes = [
  userRoute(Api.contacts.GetContacts, (account) => {
    const ids = [...account.me.contacts];
    return new Api.contacts.Contacts({
      contacts: ids.map((id) => new Api.Contact({ userId: toLong(id), mutual: account.world.user(id).contacts.has(account.me.id) })),
      savedCount: 0,
      users: account.entities(ids).users,
    });
  }),

  // Every number counts against the day's quota, found or not; what is over it comes back in retryContacts.
  userRoute(Api.contacts.ImportContacts, (account, request) => {
    const phones = request.contacts.filter((c): c is Api.InputPhoneContact => c instanceof Api.InputPhoneContact);
    const granted = account.server.antiSpam.takeImports(account.me.id, phones.length);
    const imported: Api.ImportedContact[] = [];
    for (const contact of phones.slice(0, granted)) {
      const user = account.world.userByPhone(contact.phone);
      if (!user || user.id === account.me.id) continue;
      account.world.addContact(account.me.id, user.id);
      imported.push(new Api.ImportedContact({ userId: toLong(user.id), clientId: contact.clientId }));
    }
    return new Api.contacts.ImportedContacts({
      imported,
      popularInvites: [],
      retryContacts: phones.slice(granted).map((c) => c.clientId),
      users: account.entities(imported.map((i) => Number(i.userId.toString()))).users,
    });
  }),

  userRoute(Api.contacts.DeleteContacts, (account, request) => {
    const users = request.id.map((input) => account.user(input));
    for (const user of users) account.world.removeContact(account.me.id, user.id);
    return new Api.Updates({ updates: [], ...account.entities(users.map((u) => u.id)), date: account.world.now(), seq: 0 });
  }),

  userRoute(Api.contacts.ResolveUsername, (account, request) => {
    const name = request.username.replace(/^@/, '');
    if (!USERNAME.test(name)) fail('USERNAME_INVALID');
    const user = account.world.userByUsername(name);
    if (user) return new Api.contacts.ResolvedPeer({ peer: new Api.PeerUser({ userId: toLong(user.id) }), ...account.entities([user.id]) });
    const chat = account.world.chatByUsername(name) ?? fail('USERNAME_NOT_OCCUPIED');
    return new Api.contacts.ResolvedPeer({ peer: new Api.PeerChannel({ channelId: toLong(chat.id) }), ...account.entities([], [chat.id]) });
  }),
];
