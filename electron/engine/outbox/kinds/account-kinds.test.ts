import { describe, expect, it } from 'vitest';
import { settle } from '../../accounts/test/harness';
import { findAccountEntity, upsertAccountEntities } from '../../telegram/entities/account-entities';
import { useTempDirs } from '../../test-support/temp-dir';
import type { SandboxChat } from '../../telegram/sandbox/world/types';
import type { Outbox, OutboxItem } from '../outbox-port';
import { ACCOUNT, outboxWorld, useStartedOutboxes, type OutboxWorld } from '../test/harness';
import { CONTACT_RETRY_MS } from './account-contact-import';

const tempDir = useTempDirs();
let world: OutboxWorld;
const { start: run } = useStartedOutboxes(() => world);

async function setup() {
  world = await outboxWorld(tempDir());
  const outbox = await run(world.outbox({ retry: { baseMs: 1_000, maxMs: 10_000, maxAttempts: 3 } }));
  return { w: world, outbox };
}

/** A channel (Alice's unless said), as her account would have stored it from her updates. */
function alicesChannel(w: typeof world, creatorId = w.alice.id): SandboxChat {
  const channel = w.world.createChat({ kind: 'channel', title: 'Club', creatorId, memberIds: creatorId === w.alice.id ? [] : [w.alice.id] });
  upsertAccountEntities(
    w.db,
    ACCOUNT.id,
    [{ peerType: 'channel', peerId: channel.id, accessHash: channel.accessHash.toString(), username: null, phone: null, firstName: null, lastName: null, title: 'Club', isBot: false }],
    w.clock.now(),
  );
  return channel;
}

const enqueue = (outbox: Outbox, kind: string, payload: unknown) => outbox.enqueue({ sender: ACCOUNT, kind, priority: 'bulk', payload, origin: { domain: 'test', ref: kind } });
const itemOf = (outbox: Outbox, item: OutboxItem) => outbox.item(item.id)!;

describe('account action kinds', () => {
  it('imports a contact by phone, remembers the person for later sends, and says when no account has the number', async () => {
    const { w, outbox } = await setup();
    const dana = w.world.addUser({ firstName: 'Dana', phone: '9996650007' });
    const found = enqueue(outbox, 'contacts.import', { phone: '+999 665 0007', firstName: 'Dana' });
    const nobody = enqueue(outbox, 'contacts.import', { phone: '+999 665 0099', firstName: 'Nobody' });
    await settle();
    expect(itemOf(outbox, found)).toMatchObject({ delivery: { state: 'sent' }, result: { data: { userId: dana.id } } });
    expect(w.alice.contacts.has(dana.id)).toBe(true);
    expect(findAccountEntity(w.db, ACCOUNT.id, 'user', dana.id)?.accessHash).toBe(dana.accessHash.toString());
    expect(itemOf(outbox, nobody)).toMatchObject({ delivery: { state: 'sent' }, result: { data: { userId: null } } });
    expect(() => enqueue(outbox, 'contacts.import', { phone: 'call me', firstName: 'X' })).toThrow(/phone number is digits/);
  });

  it('waits for the numbers Telegram puts in retry_contacts and imports them later, without failing or spending tries', async () => {
    const { w, outbox } = await setup();
    const erin = w.world.addUser({ firstName: 'Erin', phone: '9996650008' });
    w.mtproto.configureAntiSpam(w.alice.id, { contactImportsPerDay: 0 });
    const item = enqueue(outbox, 'contacts.import', { phone: '+9996650008', firstName: 'Erin' });
    await settle();
    expect(itemOf(outbox, item)).toMatchObject({
      attempts: 0,
      delivery: { state: 'waiting', until: w.clock.now() + CONTACT_RETRY_MS, reason: expect.stringMatching(/asked for it later/) },
    });
    expect(w.alice.contacts.has(erin.id)).toBe(false);
    w.mtproto.configureAntiSpam(w.alice.id, { contactImportsPerDay: 10 });
    await w.timers.advance(CONTACT_RETRY_MS);
    expect(itemOf(outbox, item)).toMatchObject({ delivery: { state: 'sent' }, result: { data: { userId: erin.id } } });
  });

  it('after a lost answer finds the contact already imported instead of importing again', async () => {
    const { w, outbox } = await setup();
    // Her number is visible, as Telegram shows a number to whoever saved it.
    const fay = w.world.addUser({ firstName: 'Fay', phone: '9996650009', privacy: { phoneNumber: 'everybody' } });
    w.mtproto.configureAntiSpam(w.alice.id, { contactImportsPerDay: 1 });
    w.mtproto.faults.loseResponses(1, 'contacts.ImportContacts');
    const item = enqueue(outbox, 'contacts.import', { phone: '+9996650009', firstName: 'Fay' });
    await settle();
    expect(itemOf(outbox, item).delivery.state).toBe('waiting');
    await w.timers.advance(10_000);
    // A second import would have found the day's quota of one spent and come back in retry_contacts.
    expect(itemOf(outbox, item)).toMatchObject({ delivery: { state: 'sent' }, result: { alreadyDone: true, data: { userId: fay.id } } });
  });

  it('invites to a channel, reports who privacy kept out as an outcome, and counts a participant as done', async () => {
    const { w, outbox } = await setup();
    const channel = alicesChannel(w);
    const [open, shy, member, busy] = w.people as [(typeof w.people)[0], (typeof w.people)[0], (typeof w.people)[0], (typeof w.people)[0]];
    shy.privacy.addToGroups = 'nobody';
    w.world.addMember(channel.id, member.id, member.id);
    busy.channelCount = 10_000;
    const invite = (userId: number) => enqueue(outbox, 'channels.invite', { chatKey: `channel:${channel.id}`, userId });
    const items = [invite(open.id), invite(shy.id), invite(member.id), invite(busy.id)];
    await settle();
    const [invited, keptOut, already, refused] = items.map((i) => itemOf(outbox, i));
    expect(invited).toMatchObject({ delivery: { state: 'sent' }, result: { data: { invited: true, missing: [] } } });
    expect(channel.members.has(open.id)).toBe(true);
    expect(keptOut).toMatchObject({ delivery: { state: 'sent' }, result: { data: { invited: false, missing: [{ userId: shy.id, premiumWouldAllowInvite: false, premiumRequiredForPm: false }] } } });
    expect(already).toMatchObject({ delivery: { state: 'sent' }, result: { alreadyDone: true, data: { invited: true } } });
    expect(refused!.delivery).toEqual({ state: 'failed', reason: 'This person is already in too many channels and supergroups.' });
    expect(outbox.dailyCaps(ACCOUNT.id).find((c) => c.action === 'invite')!.sentToday).toBe(3);
  });

  it('after a lost invite answer checks the participant list instead of inviting again; PEER_FLOOD benches the account', async () => {
    const { w, outbox } = await setup();
    const channel = alicesChannel(w);
    const [p1, p2] = w.people;
    const joined: number[] = [];
    w.world.subscribe((event) => {
      if (event.type === 'message.new' && event.message.action?.userIds.includes(p1!.id)) joined.push(p1!.id);
    });
    // One invite of a stranger a day: a second InviteToChannel would be answered PEER_FLOOD.
    w.mtproto.configureAntiSpam(w.alice.id, { strangerInvitesPerDay: 1 });
    w.mtproto.faults.loseResponses(1, 'channels.InviteToChannel');
    const lost = enqueue(outbox, 'channels.invite', { chatKey: `channel:${channel.id}`, userId: p1!.id });
    await settle();
    await w.timers.advance(10_000);
    expect(itemOf(outbox, lost)).toMatchObject({ delivery: { state: 'sent' }, result: { alreadyDone: true, data: { invited: true } } });
    expect(joined).toEqual([p1!.id]);

    const flooded = enqueue(outbox, 'channels.invite', { chatKey: `channel:${channel.id}`, userId: p2!.id });
    await settle();
    expect(itemOf(outbox, flooded).delivery).toMatchObject({ state: 'waiting', reason: expect.stringMatching(/PEER_FLOOD/) });
    expect(outbox.benches().map((b) => b.accountId)).toEqual([ACCOUNT.id]);
  });

  it('exports a one-person invite link that expires, and checks who is a participant', async () => {
    const { w, outbox } = await setup();
    const channel = alicesChannel(w);
    const [p1, p2, p3] = w.people;
    w.world.addMember(channel.id, p1!.id, p1!.id);
    w.world.addMember(channel.id, p3!.id, p3!.id);
    w.world.removeMember(channel.id, p3!.id, w.alice.id, { ban: true });
    const link = enqueue(outbox, 'messages.exportInvite', { chatKey: `channel:${channel.id}`, expiresInSeconds: 86_400, title: 'for Client 2' });
    const check = (userId: number) => enqueue(outbox, 'channels.participant', { chatKey: `channel:${channel.id}`, userId });
    const checks = [check(p1!.id), check(p2!.id), check(p3!.id)];
    await settle();

    const made = itemOf(outbox, link);
    const expiresAt = (Math.floor(w.clock.now() / 1000) + 86_400) * 1000;
    expect(made).toMatchObject({ delivery: { state: 'sent' }, result: { data: { link: expect.stringMatching(/^https:\/\/t\.me\/\+/), expiresAt } } });
    const stored = w.world.chat(channel.id).inviteLinks.find((l) => l.link === (made.result!.data as { link: string }).link)!;
    expect(stored).toMatchObject({ usageLimit: 1, expiresAt: expiresAt / 1000, title: 'for Client 2' });

    expect(checks.map((c) => itemOf(outbox, c).result!.data)).toEqual([
      { member: true, status: 'member' },
      { member: false, status: 'left' },
      { member: false, status: 'kicked' },
    ]);
    // Checks count against no cap.
    expect(outbox.dailyCaps(ACCOUNT.id).find((c) => c.action === 'check')).toMatchObject({ cap: null, sentToday: 3 });

    // In someone else's channel Alice is a subscriber, and subscribers are for admins to see.
    const theirs = alicesChannel(w, p1!.id);
    const refused = enqueue(outbox, 'channels.participant', { chatKey: `channel:${theirs.id}`, userId: p1!.id });
    await settle();
    expect(itemOf(outbox, refused).delivery).toEqual({ state: 'failed', reason: 'Only an admin of this channel can see who is subscribed.' });
  });
});
