import { expect, it } from 'vitest';
import { useTempDirs } from '../../test-support/temp-dir';
import { OPERATOR, startBotsWorld, waitFor } from '../test/bots-harness';

const tempDir = useTempDirs();

it('retries polling answered by a proxy with a body that is not a Bot API answer, saying so, instead of giving up', async () => {
  const w = await startBotsWorld(tempDir());
  const db = w.openDb();
  const bots = w.service(db);
  try {
    const { id } = await bots.handlers['bots.add']({ token: w.deskBot.token, mode: 'polling' }, OPERATOR);
    await waitFor(() => (w.lastState(id)?.status === 'online' ? true : undefined), 5_000);
    w.server.setFaults({ foreignError: { status: 502, body: 'json', methods: ['getUpdates'], times: 2 } });
    // The poll held now ends with nothing; the two after it meet the proxy.
    await waitFor(() => (w.statesOf(id).filter((s) => s === 'reconnecting').length === 2 && w.lastState(id)?.status === 'online' ? true : undefined), 4_000);
    const last = w.events.findLast((e) => e.type === 'bots.changed' && e.payload.state.status === 'reconnecting');
    expect(last).toMatchObject({ payload: { state: { reason: expect.stringContaining('did not come from Telegram') } } });
    w.writes(w.deskBot, 'after the proxy hiccup');
    await waitFor(() => (db.prepare('SELECT text FROM messages').pluck().all().includes('after the proxy hiccup') ? true : undefined), 5_000);
  } finally {
    await bots.stopAll();
    await w.server.close();
    db.close();
  }
});
