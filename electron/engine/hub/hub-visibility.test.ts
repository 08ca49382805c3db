import { afterEach, expect, it } from 'vitest';
import type { TeamSharingState } from '../../../shared/domain/operators';
import type { ChatMessage, ConversationView } from '../../../shared/domain/inbox';
import { A, B, seedTwoOperators } from '../access/test/two-operators';
import type { CallContext } from '../contract/dispatcher';
import type { EventBus } from '../contract/event-bus';
import type { DomainFactory } from '../domains/domain-module';
import type { Engine } from '../engine';
import { testEngine, valueOf } from '../test-support/test-engine';
import { useTempDirs } from '../test-support/temp-dir';
import { until } from '../test-support/until';
import { cookieFrom, fetchHub, freePort, openWindow } from './test/hub-harness';

const tempDir = useTempDirs();
let engine: Engine | null = null;
afterEach(async () => {
  await engine?.stop();
  engine = null;
});

/** Every conversation an event frame names, wherever in it. */
function conversationIdsIn(value: unknown, into = new Set<number>(), key = ''): Set<number> {
  if (Array.isArray(value)) for (const item of value) conversationIdsIn(item, into, key);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'conversationId' && typeof v === 'number') into.add(v);
      else if (k === 'id' && key === 'conversations' && typeof v === 'number') into.add(v);
      else conversationIdsIn(v, into, k === 'id' ? key : k);
    }
  }
  return into;
}

it('one operator’s socket never carries another operator’s conversation', async () => {
  let bus: EventBus | null = null;
  const probe: DomainFactory = (ctx) => ((bus = ctx.events), { name: 'probe' });
  const started = testEngine(tempDir(), { extraDomains: [probe] });
  engine = started.engine;
  await engine.start();
  const desk = engine;
  const world = seedTwoOperators(desk.db, started.clock.now());
  const team = await valueOf<TeamSharingState>(
    desk.dispatch('operators.saveTeam', { shared: true, host: '127.0.0.1', port: await freePort(), sessionHours: 12, returnAfterMinutes: 60, operatorsMayReassign: false }),
  );
  expect(team.error).toBeNull();
  const base = team.url!;
  const ca = desk.db.prepare('SELECT certificate FROM hub_certificate').pluck().get() as string;

  /** The operator chooses a password on their invite link and opens a window on the hub. */
  async function windowOf(operator: CallContext) {
    const { invite } = await valueOf<{ invite: { url: string } }>(desk.dispatch('operators.reinvite', { id: operator.actor }));
    const token = new URL(invite.url).searchParams.get('token')!;
    const password = `a long password for ${operator.actor}`;
    const accepted = await fetchHub(base, '/invite', ca, { form: { token, password, repeat: password }, headers: { Origin: base } });
    const window = openWindow(base, ca, { Cookie: cookieFrom(accepted), Origin: base });
    expect(await window.opened).toBe('open');
    return window;
  }
  const anna = await windowOf(A);
  const boris = await windowOf(B);

  // Everything of every conversation goes out on the engine's bus at once, as a busy desk's batch would.
  const { conversations } = await valueOf<{ conversations: ConversationView[] }>(desk.dispatch('inbox.conversations', { filter: {}, limit: 100, offset: 0 }));
  const messages: ChatMessage[] = [];
  for (const conversation of conversations) {
    messages.push(...(await valueOf<{ messages: ChatMessage[] }>(desk.dispatch('inbox.messages', { conversationId: conversation.id }))).messages);
  }
  bus!.emit({ type: 'inbox.conversationsChanged', payload: { conversations } });
  bus!.emit({ type: 'inbox.messagesChanged', payload: { messages } });

  const seenBy = (window: typeof anna) => conversationIdsIn(window.messages.filter((m) => m.kind === 'events'));
  const annaSees = world.a.visible.map((c) => c.id).sort();
  const borisSees = world.a.hidden.map((c) => c.id).sort();
  await until(() => [...seenBy(anna)].sort(), (ids) => ids.length >= annaSees.length, 'Anna’s window to hear of her conversations');
  await until(() => [...seenBy(boris)].sort(), (ids) => ids.length >= borisSees.length, 'Boris’s window to hear of his conversations');
  expect([...seenBy(anna)].sort()).toEqual(annaSees);
  expect([...seenBy(boris)].sort()).toEqual(borisSees);
  anna.socket.close();
  boris.socket.close();
});
