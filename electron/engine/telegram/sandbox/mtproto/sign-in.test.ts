import { Api, errors } from 'telegram';
import { computeCheck } from 'telegram/Password.js';
import { describe, expect, it } from 'vitest';
import { sendCode, setup, signedIn } from './test-support';

async function connected(sandbox: ReturnType<typeof setup>['sandbox'], sessionKey?: string) {
  const transport = sandbox.transport({ sessionKey });
  await transport.connect();
  return transport;
}

describe('MTProto sign-in', () => {
  it('signs in with the code Telegram sent, by app first with SMS next', async () => {
    const { sandbox, person } = setup();
    const alice = person();
    const transport = await connected(sandbox);
    const sent = (await transport.invoke(sendCode(`+${alice.phone}`))) as Api.auth.SentCode;
    expect(sent.type).toBeInstanceOf(Api.auth.SentCodeTypeApp);
    expect(sent.nextType).toBeInstanceOf(Api.auth.CodeTypeSms);
    expect(sent.timeout).toBe(60);

    const code = sandbox.lastCode(alice.phone!)!;
    expect(code).toMatch(/^\d{5}$/);
    const auth = await transport.invoke(new Api.auth.SignIn({ phoneNumber: alice.phone!, phoneCodeHash: sent.phoneCodeHash, phoneCode: code }));
    expect(auth).toBeInstanceOf(Api.auth.Authorization);
    const me = (auth as Api.auth.Authorization).user as Api.User;
    expect(me.self).toBe(true);
    expect(Number(me.id)).toBe(alice.id);
    expect(sandbox.signedInUser(transport.sessionKey)).toBe(alice.id);
    // Telegram's message with the code stays in the chat after it was used, so the console still shows it.
    expect(sandbox.lastCode(alice.phone!)).toBe(code);
  });

  it('moves to SMS, then call on resend, and refuses a fourth way', async () => {
    const { sandbox, person } = setup();
    const alice = person();
    const transport = await connected(sandbox);
    const sent = (await transport.invoke(sendCode(alice.phone!))) as Api.auth.SentCode;
    const first = sandbox.lastCode(alice.phone!);
    const sms = (await transport.invoke(new Api.auth.ResendCode({ phoneNumber: alice.phone!, phoneCodeHash: sent.phoneCodeHash }))) as Api.auth.SentCode;
    expect(sms.type).toBeInstanceOf(Api.auth.SentCodeTypeSms);
    expect(sms.nextType).toBeInstanceOf(Api.auth.CodeTypeCall);
    expect(sandbox.lastCode(alice.phone!)).not.toBe(first);
    const call = (await transport.invoke(new Api.auth.ResendCode({ phoneNumber: alice.phone!, phoneCodeHash: sent.phoneCodeHash }))) as Api.auth.SentCode;
    expect(call.type).toBeInstanceOf(Api.auth.SentCodeTypeCall);
    expect(call.nextType).toBeUndefined();
    await expect(transport.invoke(new Api.auth.ResendCode({ phoneNumber: alice.phone!, phoneCodeHash: sent.phoneCodeHash }))).rejects.toMatchObject({ errorMessage: 'SEND_CODE_UNAVAILABLE' });
  });

  it('rejects a wrong code, an expired code, a bad number and a banned one', async () => {
    const { sandbox, person, clock } = setup({ codes: { lifetimeSeconds: 120 } });
    const alice = person();
    const banned = person();
    banned.banned = true;
    const transport = await connected(sandbox);
    const sent = (await transport.invoke(sendCode(alice.phone!))) as Api.auth.SentCode;
    const signIn = (phoneCode: string) => transport.invoke(new Api.auth.SignIn({ phoneNumber: alice.phone!, phoneCodeHash: sent.phoneCodeHash, phoneCode }));

    const wrong = sandbox.lastCode(alice.phone!) === '00000' ? '11111' : '00000';
    await expect(signIn(wrong)).rejects.toMatchObject({ code: 400, errorMessage: 'PHONE_CODE_INVALID' });
    clock.advance(121_000);
    await expect(signIn(sandbox.lastCode(alice.phone!)!)).rejects.toMatchObject({ code: 400, errorMessage: 'PHONE_CODE_EXPIRED' });
    await expect(transport.invoke(sendCode('12ab'))).rejects.toMatchObject({ errorMessage: 'PHONE_NUMBER_INVALID' });
    await expect(transport.invoke(sendCode(banned.phone!))).rejects.toMatchObject({ errorMessage: 'PHONE_NUMBER_BANNED' });
  });

  it('asks an unknown number to sign up after the code', async () => {
    const { sandbox } = setup();
    const transport = await connected(sandbox);
    const sent = (await transport.invoke(sendCode('4470000000'))) as Api.auth.SentCode;
    const auth = await transport.invoke(new Api.auth.SignIn({ phoneNumber: '4470000000', phoneCodeHash: sent.phoneCodeHash, phoneCode: sandbox.lastCode('4470000000')! }));
    expect(auth).toBeInstanceOf(Api.auth.AuthorizationSignUpRequired);
  });

  it('answers FLOOD_WAIT with the seconds left when one number asks for codes too often', async () => {
    const { sandbox, person, clock } = setup({ codes: { sendsPerNumber: 2, windowSeconds: 600 } });
    const alice = person();
    const transport = await connected(sandbox);
    await transport.invoke(sendCode(alice.phone!));
    clock.advance(100_000);
    await transport.invoke(sendCode(alice.phone!));
    const error = await transport.invoke(sendCode(alice.phone!)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(errors.FloodWaitError);
    expect((error as errors.FloodWaitError).seconds).toBe(500);
    clock.advance(500_000);
    await expect(transport.invoke(sendCode(alice.phone!))).resolves.toBeInstanceOf(Api.auth.SentCode);
  });

  it('checks the 2FA password with GramJS computeCheck over real SRP', async () => {
    const { sandbox, person } = setup();
    const alice = person({ twoFactor: { password: 'correct horse', hint: 'horse' } });
    const transport = await connected(sandbox);
    const sent = (await transport.invoke(sendCode(alice.phone!))) as Api.auth.SentCode;
    await expect(
      transport.invoke(new Api.auth.SignIn({ phoneNumber: alice.phone!, phoneCodeHash: sent.phoneCodeHash, phoneCode: sandbox.lastCode(alice.phone!)! })),
    ).rejects.toMatchObject({ code: 401, errorMessage: 'SESSION_PASSWORD_NEEDED' });
    await expect(transport.invoke(new Api.messages.GetDialogs({ offsetPeer: new Api.InputPeerEmpty(), limit: 10 }))).rejects.toMatchObject({ errorMessage: 'AUTH_KEY_UNREGISTERED' });

    const wrongPassword = await transport.invoke(new Api.account.GetPassword());
    expect(wrongPassword.hasPassword).toBe(true);
    expect(wrongPassword.hint).toBe('horse');
    const wrong = await computeCheck(wrongPassword, 'battery staple');
    await expect(transport.invoke(new Api.auth.CheckPassword({ password: wrong }))).rejects.toMatchObject({ code: 400, errorMessage: 'PASSWORD_HASH_INVALID' });

    const password = await transport.invoke(new Api.account.GetPassword());
    const auth = await transport.invoke(new Api.auth.CheckPassword({ password: await computeCheck(password, 'correct horse') }));
    expect(Number(((auth as Api.auth.Authorization).user as Api.User).id)).toBe(alice.id);
    expect(sandbox.signedInUser(transport.sessionKey)).toBe(alice.id);
  }, 20_000);

  it('resumes a session from its key and answers AUTH_KEY_UNREGISTERED once revoked', async () => {
    const { sandbox, person } = setup();
    const alice = person();
    const first = await signedIn(sandbox, alice);
    await first.disconnect();

    const restarted = await connected(sandbox, first.sessionKey);
    await expect(restarted.invoke(new Api.updates.GetState())).resolves.toBeInstanceOf(Api.updates.State);
    sandbox.revokeSession(first.sessionKey);
    const error = await restarted.invoke(new Api.updates.GetState()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(errors.RPCError);
    expect(error).toMatchObject({ code: 401, errorMessage: 'AUTH_KEY_UNREGISTERED' });
  });

  it('accepts an exported session in a rebuilt world of the same seed, and refuses a forged one', async () => {
    const first = setup();
    const alice = first.person();
    const exported = (await signedIn(first.sandbox, alice)).exportSession();
    expect(exported).toMatch(/^s1\./);

    const rebuilt = setup();
    rebuilt.person();
    const resumed = await connected(rebuilt.sandbox, exported);
    await expect(resumed.invoke(new Api.updates.GetState())).resolves.toBeInstanceOf(Api.updates.State);
    const forged = await connected(rebuilt.sandbox, exported.replace(/\.[^.]+$/, '.forged'));
    await expect(forged.invoke(new Api.updates.GetState())).rejects.toMatchObject({ errorMessage: 'AUTH_KEY_UNREGISTERED' });
  });

  it('refuses requests on a closed connection', async () => {
    const { sandbox } = setup();
    await expect(sandbox.transport().invoke(new Api.updates.GetState())).rejects.toThrow(/disconnected/);
  });
});
