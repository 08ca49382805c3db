import { describe, expect, it } from 'vitest';
import type { SignInStep } from '../../../../shared/domain/connections';
import { useTempDirs } from '../../test-support/temp-dir';
import { accountsHarness, eventually, sandboxWorld } from '../test/harness';

const tempDir = useTempDirs();

function setup(options: Parameters<typeof sandboxWorld>[0] = {}, realTelegram = false) {
  const world = sandboxWorld(options);
  const h = accountsHarness({ dir: tempDir(), world, realTelegram });
  const code = (phone: string) => world.sandbox.lastCode(phone)!;
  const wrong = (phone: string) => (code(phone) === '00000' ? '11111' : '00000');
  const accountRows = () => h.db.prepare('SELECT count(*) FROM accounts').pluck().get() as number;
  return { ...world, ...h, code, wrong, accountRows };
}

type CodeStep = Extract<SignInStep, { step: 'code' }>;

describe('account sign-in', () => {
  it('signs in with the code, stores the session encrypted and comes online', async () => {
    const t = setup();
    const step = (await t.call('accounts.startSignIn', { phone: '+999 661 0001' })) as CodeStep;
    expect(step).toMatchObject({ step: 'code', phone: '+9996610001', sentVia: 'app', nextVia: 'sms', codeLength: 5, resendAfterSeconds: 60 });
    expect(t.accountRows()).toBe(0);

    const done = await t.call('accounts.submitCode', { flowId: step.flowId, code: t.code('9996610001') });
    expect(done).toMatchObject({ step: 'done', account: { phone: '+9996610001', firstName: 'Alice', lastName: 'Desk', username: 'alice_desk', telegramUserId: t.alice.id, ownApiCredentials: false } });
    const row = t.db.prepare('SELECT session_enc FROM accounts').get() as { session_enc: string };
    expect(row.session_enc).not.toMatch(/^s1\./);
    await eventually(() => t.service.health()[0]?.state.status === 'online', 'online');
    expect(t.sandbox.sessionCount(t.alice.id)).toBeGreaterThan(0);
    expect(t.db.prepare('SELECT action, target FROM audit_log').all()).toEqual([{ action: 'accounts.add', target: 'account:1' }]);
    t.flush();
    expect(t.events.filter((e) => e.type === 'accounts.changed').map((e) => (e.payload as { state: { status: string } }).state.status)).toContain('online');
    await t.service.stopAll();
  });

  it('asks for the 2FA password with its hint, refuses a wrong one and keeps the flow', async () => {
    const t = setup();
    const step = (await t.call('accounts.startSignIn', { phone: '+9996610002' })) as CodeStep;
    const password = await t.call('accounts.submitCode', { flowId: step.flowId, code: t.code('9996610002') });
    expect(password).toEqual({ step: 'password', flowId: step.flowId, phone: '+9996610002', hint: 'the horse' });
    await expect(t.call('accounts.submitPassword', { flowId: step.flowId, password: 'battery staple' })).rejects.toMatchObject({ code: 'password_invalid' });
    expect(t.accountRows()).toBe(0);
    const done = await t.call('accounts.submitPassword', { flowId: step.flowId, password: 'correct horse' });
    expect(done).toMatchObject({ step: 'done', account: { firstName: 'Bob', telegramUserId: t.bob.id } });
    await t.service.stopAll();
  }, 30_000);

  it('resends the code by the next method Telegram offers', async () => {
    const t = setup();
    const step = (await t.call('accounts.startSignIn', { phone: '+9996610001' })) as CodeStep;
    const first = t.code('9996610001');
    const sms = (await t.call('accounts.resendCode', { flowId: step.flowId })) as CodeStep;
    expect(sms).toMatchObject({ step: 'code', flowId: step.flowId, sentVia: 'sms', nextVia: 'call' });
    const call = (await t.call('accounts.resendCode', { flowId: step.flowId })) as CodeStep;
    expect(call).toMatchObject({ sentVia: 'call', nextVia: null, resendAfterSeconds: null });
    await expect(t.call('accounts.resendCode', { flowId: step.flowId })).rejects.toMatchObject({ code: 'unavailable' });
    expect(t.code('9996610001')).not.toBe(first);
    await expect(t.call('accounts.submitCode', { flowId: step.flowId, code: t.code('9996610001') })).resolves.toMatchObject({ step: 'done' });
    await t.service.stopAll();
  });

  it('refuses a wrong code and then accepts the right one; an old code has expired', async () => {
    const t = setup();
    const step = (await t.call('accounts.startSignIn', { phone: '+9996610001' })) as CodeStep;
    await expect(t.call('accounts.submitCode', { flowId: step.flowId, code: t.wrong('9996610001') })).rejects.toMatchObject({ code: 'code_invalid', message: expect.stringMatching(/wrong/) });
    t.clock.advance(301_000);
    await expect(t.call('accounts.submitCode', { flowId: step.flowId, code: t.code('9996610001') })).rejects.toMatchObject({ code: 'code_expired' });
    const again = (await t.call('accounts.resendCode', { flowId: step.flowId })) as CodeStep;
    await expect(t.call('accounts.submitCode', { flowId: again.flowId, code: t.code('9996610001') })).resolves.toMatchObject({ step: 'done' });
    await t.service.stopAll();
  });

  it('maps a flood wait to flood_wait with the moment to try again', async () => {
    const t = setup({ codes: { sendsPerNumber: 2, windowSeconds: 600 } });
    await t.call('accounts.startSignIn', { phone: '+9996610001' });
    t.clock.advance(100_000);
    await t.call('accounts.startSignIn', { phone: '+9996610001' });
    const now = t.clock.now();
    await expect(t.call('accounts.startSignIn', { phone: '+9996610001' })).rejects.toMatchObject({ code: 'flood_wait', details: { until: now + 500_000 } });
    await t.service.stopAll();
  });

  it('refuses a malformed, a banned and an unregistered number, storing nothing', async () => {
    const t = setup();
    await expect(t.call('accounts.startSignIn', { phone: '12ab' })).rejects.toMatchObject({ code: 'phone_invalid' });
    await expect(t.call('accounts.startSignIn', { phone: '+9996610009' })).rejects.toMatchObject({ code: 'phone_banned' });
    const step = (await t.call('accounts.startSignIn', { phone: '+9996610077' })) as CodeStep;
    await expect(t.call('accounts.submitCode', { flowId: step.flowId, code: t.code('9996610077') })).rejects.toMatchObject({ code: 'phone_unregistered' });
    await expect(t.call('accounts.submitCode', { flowId: step.flowId, code: '12345' })).rejects.toMatchObject({ code: 'sign_in_expired' });
    expect(t.accountRows()).toBe(0);
  });

  it('needs api credentials for real Telegram and maps API_ID_INVALID', async () => {
    const t = setup({}, true);
    await expect(t.call('accounts.startSignIn', { phone: '+9996610001' })).rejects.toMatchObject({ code: 'phone_invalid' });
    await expect(t.call('accounts.startSignIn', { phone: '+49 151 23456789' })).rejects.toMatchObject({ code: 'api_credentials_missing', message: expect.stringMatching(/Set api_id and api_hash first/) });
    expect(t.call('accounts.setDefaultApi', { apiId: 12345, apiHash: 'a'.repeat(32) })).toEqual({ apiId: 12345, hasApiHash: true });
    expect((await t.call('accounts.list', {})).defaults).toEqual({ apiId: 12345, hasApiHash: true });
    t.sandbox.faults.failRequests(1, 'API_ID_INVALID', 'auth.SendCode');
    await expect(t.call('accounts.startSignIn', { phone: '+49 151 23456789' })).rejects.toMatchObject({ code: 'api_credentials_invalid' });
    await expect(t.call('accounts.startSignIn', { phone: '+49 151 23456789' })).resolves.toMatchObject({ step: 'code' });
    await t.service.stopAll();
  });

  it('expires an idle flow after 15 minutes and forgets a cancelled one', async () => {
    const t = setup();
    const idle = (await t.call('accounts.startSignIn', { phone: '+9996610001' })) as CodeStep;
    t.clock.advance(16 * 60_000);
    await expect(t.call('accounts.submitCode', { flowId: idle.flowId, code: t.code('9996610001') })).rejects.toMatchObject({ code: 'sign_in_expired' });
    const cancelled = (await t.call('accounts.startSignIn', { phone: '+9996610001' })) as CodeStep;
    expect(t.call('accounts.cancelSignIn', { flowId: cancelled.flowId })).toEqual({ cancelled: true });
    await expect(t.call('accounts.resendCode', { flowId: cancelled.flowId })).rejects.toMatchObject({ code: 'sign_in_expired' });
  });

  it('stores own api credentials with the account, encrypted', async () => {
    const t = setup();
    const apiHash = 'b'.repeat(32);
    const step = (await t.call('accounts.startSignIn', { phone: '+9996610001', apiId: 777, apiHash })) as CodeStep;
    const done = await t.call('accounts.submitCode', { flowId: step.flowId, code: t.code('9996610001') });
    expect(done).toMatchObject({ account: { ownApiCredentials: true } });
    const row = t.db.prepare('SELECT api_id, api_hash_enc FROM accounts').get() as { api_id: number; api_hash_enc: string };
    expect(row.api_id).toBe(777);
    expect(row.api_hash_enc).not.toContain(apiHash);
    await t.service.stopAll();
  });
});
