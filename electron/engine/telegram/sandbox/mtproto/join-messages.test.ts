import { Api } from 'telegram';
import { describe, expect, it } from 'vitest';
import { until } from '../../../test-support/until';
import { collect, setup, signedIn } from './test-support';

/** The service messages an account's stream delivers, as GramJS reads them. */
const serviceActions = (seen: Api.TypeUpdates[]) =>
  seen.flatMap((u) => (u instanceof Api.Updates ? u.updates : []))
    .flatMap((u) => (u instanceof Api.UpdateNewChannelMessage || u instanceof Api.UpdateNewMessage ? [u.message] : []))
    .filter((m): m is Api.MessageService => m instanceof Api.MessageService)
    .map((m) => ({ from: Number((m.fromId as Api.PeerUser).userId), action: m.action }));

describe('MTProto service messages for joins', () => {
  it('tells how someone came: added, joined, joined by a link (naming its creator), or by an approved request', async () => {
    const { world, sandbox, person } = setup();
    const admin = person();
    const club = world.createChat({ kind: 'supergroup', title: 'Club', creatorId: admin.id });
    const transport = await signedIn(sandbox, admin);
    const seen = collect(transport);
    const [added, walkIn, linked, asked] = [person(), person(), person(), person()];

    world.addMember(club.id, added.id, admin.id);
    world.addMember(club.id, walkIn.id, walkIn.id);
    const open = world.createInviteLink(club.id, admin.id);
    world.joinByLink(linked.id, open.link);
    const gated = world.createInviteLink(club.id, admin.id, { requestsApproval: true });
    world.joinByLink(asked.id, gated.link);
    world.approveJoinRequest(club.id, asked.id, admin.id);

    // Updates reach listeners a microtask after the change, as over a socket.
    const actions = await until(() => serviceActions(seen), (found) => found.length === 4, 'four join messages');
    expect(actions.map((a) => [a.from, a.action.className])).toEqual([
      [admin.id, 'MessageActionChatAddUser'],
      [walkIn.id, 'MessageActionChatAddUser'],
      [linked.id, 'MessageActionChatJoinedByLink'],
      [asked.id, 'MessageActionChatJoinedByRequest'],
    ]);
    expect(Number((actions[2]!.action as Api.MessageActionChatJoinedByLink).inviterId)).toBe(admin.id);
    expect((actions[1]!.action as Api.MessageActionChatAddUser).users.map(Number)).toEqual([walkIn.id]);
  });
});
