import { act, cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeskError } from '../../../../shared/contract/result';
import type { SignInStep } from '../../../../shared/domain/connections';
import type { Language, Workspace } from '../../../../shared/domain/settings';
import { createFakeClient } from '../../test/fake-client';
import { handleConnections, handleShell, testAccount, testSettings, testStatus } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const codeStep = (overrides: Partial<Extract<SignInStep, { step: 'code' }>> = {}): SignInStep => ({
  step: 'code',
  flowId: 'flow-1',
  phone: '+79990000001',
  sentVia: 'app',
  nextVia: 'sms',
  codeLength: 5,
  resendAfterSeconds: 30,
  ...overrides,
});

const passwordStep = (hint: string | null): SignInStep => ({ step: 'password', flowId: 'flow-1', phone: '+79990000001', hint });
const doneStep = (account = testAccount()): SignInStep => ({ step: 'done', account });

/** Opens the page with fake timers that still let user-event and findBy* run. */
async function openWizard({
  language = 'en',
  fakeTimers = false,
  apiId = 12345,
  workspace = 'telegram',
}: { language?: Language; fakeTimers?: boolean; apiId?: number | null; workspace?: Workspace } = {}) {
  if (fakeTimers) {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    vi.setSystemTime(new Date(2025, 0, 2, 12, 0, 0));
  }
  const user = userEvent.setup(fakeTimers ? { advanceTimers: vi.advanceTimersByTime } : {});
  const fake = createFakeClient();
  handleShell(fake, testSettings({ language }));
  handleConnections(fake, { apiId });
  fake.handle('system.status', () => testStatus({ workspace }));
  const view = renderApp(fake, { area: 'accounts' });
  await user.click(await screen.findByTestId('account-add'));
  return { fake, user, ...view };
}

async function toCodeStep(user: ReturnType<typeof userEvent.setup>, fake: ReturnType<typeof createFakeClient>, step = codeStep()) {
  fake.handle('accounts.startSignIn', () => step);
  await user.type(screen.getByTestId('signin-phone'), '+7 999 000-00-01');
  await user.click(screen.getByTestId('signin-next'));
  await screen.findByTestId('signin-code');
}

const wizardStep = () => screen.getByTestId('signin-wizard').getAttribute('data-step');
const errorText = () => screen.getByTestId('signin-error').textContent;

describe('add-account wizard', () => {
  it('signs in with code and two-step password, and the account joins the list', async () => {
    const { fake, user } = await openWizard();
    await toCodeStep(user, fake);
    expect(fake.callsOf('accounts.startSignIn')).toEqual([{ phone: '+7 999 000-00-01' }]);
    expect(screen.getByTestId('signin-sent-via').textContent).toBe(
      'The code was sent to the Telegram app on another device signed in as +79990000001.',
    );

    fake.handle('accounts.submitCode', () => passwordStep('cat’s name'));
    await user.type(screen.getByTestId('signin-code'), '12345');
    await user.click(screen.getByTestId('signin-submit-code'));
    await screen.findByTestId('signin-password');
    expect(screen.getByText('Two-step verification')).toBeTruthy();
    expect(screen.getByTestId('signin-hint').textContent).toBe('Hint: cat’s name');

    fake.handle('accounts.submitPassword', () => doneStep(testAccount({ id: 8, firstName: 'Ann', lastName: '', state: { status: 'connecting' } })));
    await user.type(screen.getByTestId('signin-password'), 'secret');
    await user.click(screen.getByTestId('signin-submit-password'));
    expect((await screen.findByTestId('signin-done')).textContent).toContain('Ann (+79990000001) is signed in');
    expect(screen.getByTestId('account-row').getAttribute('data-id')).toBe('8');
    expect(fake.callsOf('accounts.submitCode')).toEqual([{ flowId: 'flow-1', code: '12345' }]);
    expect(fake.callsOf('accounts.submitPassword')).toEqual([{ flowId: 'flow-1', password: 'secret' }]);

    await user.click(screen.getByTestId('signin-close'));
    expect(screen.queryByTestId('signin-wizard')).toBeNull();
    expect(fake.callsOf('accounts.cancelSignIn')).toEqual([]);
  });

  it('offers the next delivery method only when the countdown runs out', async () => {
    const { fake, user } = await openWizard({ fakeTimers: true });
    await toCodeStep(user, fake);
    expect(screen.getByTestId('signin-resend-countdown').textContent).toBe('Another way to get the code in 0:30.');
    expect(screen.queryByTestId('signin-resend')).toBeNull();

    act(() => vi.advanceTimersByTime(10_000));
    expect(screen.getByTestId('signin-resend-countdown').textContent).toContain('0:20');
    act(() => vi.advanceTimersByTime(20_000));
    const resend = screen.getByTestId('signin-resend');
    expect(resend.textContent).toBe('Send the code by SMS');

    fake.handle('accounts.resendCode', () => codeStep({ sentVia: 'sms', nextVia: null, resendAfterSeconds: null }));
    await user.click(resend);
    await waitFor(() => expect(screen.getByTestId('signin-sent-via').textContent).toBe('The code was sent by SMS to +79990000001.'));
    expect(fake.callsOf('accounts.resendCode')).toEqual([{ flowId: 'flow-1' }]);
    // Telegram offers nothing further, so nothing is offered.
    expect(screen.queryByTestId('signin-resend')).toBeNull();
    expect(screen.queryByTestId('signin-resend-countdown')).toBeNull();
  });

  it('keeps a wrong code for another try', async () => {
    const { fake, user } = await openWizard();
    await toCodeStep(user, fake);
    let calls = 0;
    fake.handle('accounts.submitCode', () => {
      if (++calls === 1) throw new DeskError('code_invalid', 'PHONE_CODE_INVALID');
      return doneStep();
    });
    await user.type(screen.getByTestId('signin-code'), '11111');
    await user.click(screen.getByTestId('signin-submit-code'));
    await waitFor(() => expect(errorText()).toBe('Wrong code. Check it and try again.'));
    expect(wizardStep()).toBe('code');
    const input = screen.getByTestId<HTMLInputElement>('signin-code');
    expect(input.value).toBe('11111');
    expect(input.getAttribute('aria-invalid')).toBe('true');

    // Focused and selected, so typing replaces it.
    expect(document.activeElement).toBe(input);
    await user.keyboard('12345');
    await user.click(screen.getByTestId('signin-submit-code'));
    await screen.findByTestId('signin-done');
    expect(fake.callsOf('accounts.submitCode')).toEqual([
      { flowId: 'flow-1', code: '11111' },
      { flowId: 'flow-1', code: '12345' },
    ]);
  });

  it('lets an expired code be replaced at once', async () => {
    const { fake, user } = await openWizard();
    await toCodeStep(user, fake);
    fake.handle('accounts.submitCode', () => {
      throw new DeskError('code_expired', 'PHONE_CODE_EXPIRED');
    });
    await user.type(screen.getByTestId('signin-code'), '12345');
    await user.click(screen.getByTestId('signin-submit-code'));
    await waitFor(() => expect(errorText()).toBe('This code has expired. Ask for a new one.'));
    expect(screen.getByTestId('signin-resend').textContent).toBe('Send the code by SMS');
  });

  it('says when to try again after a flood wait, counting down', async () => {
    const { fake, user } = await openWizard({ fakeTimers: true });
    const until = Date.now() + 5 * 60_000;
    fake.handle('accounts.startSignIn', () => {
      throw new DeskError('flood_wait', 'A wait of 300 seconds is required', { until });
    });
    await user.type(screen.getByTestId('signin-phone'), '+79990000001');
    await user.click(screen.getByTestId('signin-next'));
    const hhmm = new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit' }).format(until);
    await waitFor(() => expect(errorText()).toBe(`Too many attempts. Try again at ${hhmm} (in 5:00).`));
    expect(screen.getByTestId<HTMLButtonElement>('signin-next').disabled).toBe(true);

    act(() => vi.advanceTimersByTime(61_000));
    expect(errorText()).toContain('(in 3:59)');
    act(() => vi.advanceTimersByTime(4 * 60_000));
    expect(errorText()).toBe('Too many attempts earlier; you can try again now.');
    expect(screen.getByTestId<HTMLButtonElement>('signin-next').disabled).toBe(false);
  });

  it('words errors in Russian when the window speaks Russian', async () => {
    const { fake, user } = await openWizard({ language: 'ru', fakeTimers: true });
    const until = Date.now() + 90_000;
    fake.handle('accounts.startSignIn', () => {
      throw new DeskError('flood_wait', 'wait', { until });
    });
    await user.type(screen.getByTestId('signin-phone'), '+79990000001');
    await user.click(screen.getByTestId('signin-next'));
    const hhmm = new Intl.DateTimeFormat('ru', { hour: '2-digit', minute: '2-digit' }).format(until);
    await waitFor(() => expect(errorText()).toBe(`Слишком много попыток. Повторите в ${hhmm} (через 1:30).`));

    fake.handle('accounts.startSignIn', () => {
      throw new DeskError('phone_banned', 'PHONE_NUMBER_BANNED');
    });
    act(() => vi.advanceTimersByTime(91_000));
    await user.click(screen.getByTestId('signin-next'));
    await waitFor(() => expect(errorText()).toBe('Telegram заблокировал этот номер; войти с ним нельзя.'));
  });

  it('explains refused phone numbers and falls back to the engine’s message', async () => {
    const { fake, user } = await openWizard();
    const refusals = [
      new DeskError('phone_invalid', 'PHONE_NUMBER_INVALID'),
      new DeskError('phone_unregistered', 'PHONE_NUMBER_UNOCCUPIED'),
      new DeskError('unavailable', 'The engine is restarting.'),
    ];
    fake.handle('accounts.startSignIn', () => {
      throw refusals.shift()!;
    });
    await user.type(screen.getByTestId('signin-phone'), '+999 12');
    await user.click(screen.getByTestId('signin-next'));
    await waitFor(() => expect(errorText()).toContain('This phone number is not valid.'));
    expect(screen.getByTestId('signin-phone').getAttribute('aria-invalid')).toBe('true');
    await user.click(screen.getByTestId('signin-next'));
    await waitFor(() => expect(errorText()).toContain('No Telegram account uses this phone number.'));
    await user.click(screen.getByTestId('signin-next'));
    await waitFor(() => expect(errorText()).toBe('The engine is restarting.'));
  });

  it('in the sandbox workspace says no api pair is needed instead of asking for one', async () => {
    await openWizard({ apiId: null, workspace: 'sandbox' });
    await waitFor(() => expect(screen.getByTestId('signin-wizard').textContent).toContain('The sandbox needs no api_id or api_hash.'));
    expect(screen.getByTestId('signin-wizard').textContent).not.toContain('No app-wide api_id and api_hash yet.');
    expect(screen.queryByTestId('default-api-edit')).toBeNull();
  });

  it('sends the account’s own api pair, and after a refusal offers the app-wide one', async () => {
    const { fake, user } = await openWizard({ apiId: null });
    expect(screen.getByTestId('signin-wizard').textContent).toContain('No app-wide api_id and api_hash yet.');

    fake.handle('accounts.startSignIn', () => {
      throw new DeskError('api_credentials_invalid', 'API_ID_INVALID');
    });
    await user.type(screen.getByTestId('signin-phone'), '+79990000001');
    await user.type(screen.getByTestId('signin-api-id'), '999');
    await user.type(screen.getByTestId('signin-api-hash'), '0123456789abcdef0123456789abcdef');
    await user.click(screen.getByTestId('signin-next'));
    await waitFor(() => expect(errorText()).toContain('Telegram did not accept the api_id and api_hash.'));
    expect(fake.callsOf('accounts.startSignIn')).toEqual([
      { phone: '+79990000001', apiId: 999, apiHash: '0123456789abcdef0123456789abcdef' },
    ]);

    fake.handle('accounts.setDefaultApi', ({ apiId }) => ({ apiId, hasApiHash: true as const }));
    await user.type(screen.getByTestId('default-api-id'), '4242');
    await user.type(screen.getByTestId('default-api-hash'), 'fedcba9876543210fedcba9876543210');
    await user.click(screen.getByTestId('default-api-save'));
    expect((await screen.findByTestId('default-api-saved')).textContent).toContain('api_id 4242');
    expect(fake.callsOf('accounts.setDefaultApi')).toEqual([{ apiId: 4242, apiHash: 'fedcba9876543210fedcba9876543210' }]);
    expect(screen.queryByTestId('signin-error')).toBeNull();
    expect(screen.getByTestId('signin-wizard').textContent).toContain('App-wide api_id: 4242.');

    // Cleared own fields mean the app-wide pair is used.
    fake.handle('accounts.startSignIn', () => codeStep());
    await user.clear(screen.getByTestId('signin-api-id'));
    await user.clear(screen.getByTestId('signin-api-hash'));
    await user.click(screen.getByTestId('signin-next'));
    await screen.findByTestId('signin-code');
    expect(fake.callsOf('accounts.startSignIn').at(-1)).toEqual({ phone: '+79990000001' });
  });

  it('asks for both api fields or neither before calling the engine', async () => {
    const { fake, user } = await openWizard();
    await user.type(screen.getByTestId('signin-phone'), '+79990000001');
    await user.type(screen.getByTestId('signin-api-id'), '999');
    await user.click(screen.getByTestId('signin-next'));
    expect(screen.getByText('Give both api_id and api_hash, or neither.')).toBeTruthy();
    expect(fake.callsOf('accounts.startSignIn')).toEqual([]);
  });

  it('wrong password keeps the step; an expired flow starts over with the number kept', async () => {
    const { fake, user } = await openWizard();
    await toCodeStep(user, fake);
    fake.handle('accounts.submitCode', () => passwordStep(null));
    await user.type(screen.getByTestId('signin-code'), '12345');
    await user.click(screen.getByTestId('signin-submit-code'));
    await screen.findByTestId('signin-password');
    expect(screen.queryByTestId('signin-hint')).toBeNull();

    const refusals = [new DeskError('password_invalid', 'PASSWORD_HASH_INVALID'), new DeskError('sign_in_expired', 'flow gone')];
    fake.handle('accounts.submitPassword', () => {
      throw refusals.shift()!;
    });
    await user.type(screen.getByTestId('signin-password'), 'wrong');
    await user.click(screen.getByTestId('signin-submit-password'));
    await waitFor(() => expect(errorText()).toBe('Wrong password. Try again.'));
    expect(wizardStep()).toBe('password');

    await user.click(screen.getByTestId('signin-submit-password'));
    await waitFor(() => expect(errorText()).toBe('This sign-in took too long and has expired. Start over.'));
    await user.click(screen.getByTestId('signin-restart'));
    expect(wizardStep()).toBe('phone');
    expect(screen.getByTestId<HTMLInputElement>('signin-phone').value).toBe('+7 999 000-00-01');
    expect(screen.queryByTestId('signin-error')).toBeNull();
  });

  it('cancels the engine’s flow and ignores an answer that comes after', async () => {
    const { fake, user } = await openWizard();
    await toCodeStep(user, fake);
    fake.handle('accounts.cancelSignIn', () => ({ cancelled: true }));
    let answer: (step: SignInStep) => void = () => {};
    fake.handle('accounts.submitCode', () => new Promise<SignInStep>((resolve) => (answer = resolve)));
    await user.type(screen.getByTestId('signin-code'), '12345');
    await user.click(screen.getByTestId('signin-submit-code'));
    await user.click(screen.getByTestId('signin-cancel'));
    expect(screen.queryByTestId('signin-wizard')).toBeNull();
    await waitFor(() => expect(fake.callsOf('accounts.cancelSignIn')).toEqual([{ flowId: 'flow-1' }]));

    await act(async () => answer(passwordStep(null)));
    expect(screen.queryByTestId('signin-wizard')).toBeNull();
    expect(screen.getByTestId('account-add')).toBeTruthy();
  });
});
