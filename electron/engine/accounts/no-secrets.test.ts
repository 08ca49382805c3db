import { describe, expect, it } from 'vitest';
import { Redactor } from '../logging/redact';
import { createSecretBox } from '../secrets/secret-box';
import { useTempDirs } from '../test-support/temp-dir';
import { accountsHarness, sandboxWorld } from './test/harness';
import { signIn, write, storedCopies } from './test/sign-in-helper';
import { eventually } from './test/harness';

const tempDir = useTempDirs();

describe('secrets of a sign-in', () => {
  it('never appear in events, log lines, the audit trail or what the window is sent', async () => {
    // Eight-digit codes: a five-digit one could turn up inside a timestamp by chance.
    const w = sandboxWorld({ codes: { length: 8 } });
    const h = accountsHarness({ dir: tempDir(), world: w });
    const apiHash = 'c0ffee'.padEnd(32, '7');
    const codes: string[] = [];

    const started = await h.call('accounts.startSignIn', { phone: `+${w.bob.phone}`, apiId: 4242, apiHash });
    if (started.step !== 'code') throw new Error('expected the code step');
    codes.push(w.sandbox.lastCode(w.bob.phone!)!);
    await h.call('accounts.submitCode', { flowId: started.flowId, code: w.sandbox.lastCode(w.bob.phone!)! });
    await expect(h.call('accounts.submitPassword', { flowId: started.flowId, password: 'wrong horse' })).rejects.toMatchObject({ code: 'password_invalid' });
    const done = await h.call('accounts.submitPassword', { flowId: started.flowId, password: w.bob.twoFactor!.password });
    expect(done.step).toBe('done');
    const alice = await signIn(h, w, w.alice);
    codes.push(...[w.alice, w.bob].map((u) => w.sandbox.lastCode(u.phone!)).filter((c): c is string => c !== undefined));
    write(w, w.people[0]!, w.alice, 'hello');
    await eventually(() => storedCopies(h, alice.id).total === 1, 'a message');
    await h.timers.advance(60_000);
    h.flush();

    const box = createSecretBox(h.key, new Redactor());
    const sessions = (h.db.prepare('SELECT session_enc FROM accounts').pluck().all() as string[]).map((s) => box.decrypt(s));
    expect(sessions).toHaveLength(2);
    expect(codes.length).toBeGreaterThan(0);
    const secrets = [...sessions, apiHash, 'correct horse', 'wrong horse', ...codes];

    const seen = {
      events: JSON.stringify(h.events),
      log: h.logLines.join('\n'),
      audit: JSON.stringify(h.db.prepare('SELECT * FROM audit_log').all()),
      list: JSON.stringify(await h.call('accounts.list', {})),
      health: JSON.stringify(h.service.health()),
    };
    expect(seen.events).toContain('accounts.changed');
    expect(seen.log).toContain('account signed in');
    for (const [where, text] of Object.entries(seen)) {
      for (const secret of secrets) expect(text.includes(secret), `${where} must not contain a secret`).toBe(false);
    }
    await h.service.stopAll();
  }, 30_000);
});
