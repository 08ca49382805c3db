import { describe, expect, it } from 'vitest';
import type { InboundConsumer } from '../../inbound/inbound';
import type { MemberChange } from '../../telegram/inbound/types';
import { useTempDirs } from '../../test-support/temp-dir';
import { accountsHarness, eventually, sandboxWorld, settle } from '../test/harness';
import { signIn } from '../test/sign-in-helper';

const tempDir = useTempDirs();

describe('account sync: joins and leaves reach the consumers', () => {
  it('gives a domain each join and leave of a supergroup the account administers, by link and by hand, once; the inbox stores no service message', async () => {
    const w = sandboxWorld();
    const seen: MemberChange[] = [];
    const joins: InboundConsumer = { name: 'joins', consume: (batch) => void seen.push(...batch.members) };
    const h = accountsHarness({ dir: tempDir(), world: w, consumers: [joins] });
    const account = await signIn(h, w, w.alice);
    const [writer, reader] = w.people as [typeof w.alice, typeof w.alice];
    const club = w.world.createChat({ kind: 'supergroup', title: 'Club', creatorId: w.alice.id });
    const link = w.world.createInviteLink(club.id, w.alice.id);

    w.world.joinByLink(writer.id, link.link);
    w.world.addMember(club.id, reader.id, w.alice.id);
    w.world.removeMember(club.id, writer.id, writer.id);
    await eventually(() => seen.length === 3, 'three membership changes');
    await settle();

    const chatKey = `channel:${club.id}`;
    expect(seen.map((m) => [m.chatKey, m.chatTitle, m.userId, m.to, m.byUserId])).toEqual([
      [chatKey, 'Club', writer.id, 'member', w.alice.id],
      [chatKey, 'Club', reader.id, 'member', w.alice.id],
      [chatKey, 'Club', writer.id, 'left', writer.id],
    ]);
    const stored = h.db.prepare("SELECT count(*) FROM messages WHERE source_kind = 'account' AND source_id = ? AND chat_key = ?").pluck().get(account.id, chatKey);
    expect(stored).toBe(0);
    await h.service.stopAll();
  });
});
