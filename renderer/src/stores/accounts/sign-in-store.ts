import { create } from 'zustand';
import type { DeskErrorShape } from '../../../../shared/contract/result';
import type { AccountView, SignInStep } from '../../../../shared/domain/connections';
import { errorShape, type DeskClient } from '../../client/desk-client';
import { latestOnly } from '../latest-only';

type CodeStep = Extract<SignInStep, { step: 'code' }>;
type PasswordStep = Extract<SignInStep, { step: 'password' }>;

/**
 * Where the add-account wizard stands. The code step carries when the next delivery method
 * may be asked for, in epoch ms, so a countdown survives re-renders and remounts.
 */
export type SignInPhase =
  | { step: 'closed' }
  | { step: 'phone' }
  | (Omit<CodeStep, 'resendAfterSeconds'> & { resendAt: number | null })
  | PasswordStep
  | { step: 'done'; account: AccountView };

export interface PhoneInput {
  phone: string;
  apiId?: number;
  apiHash?: string;
}

export interface SignInState {
  phase: SignInPhase;
  /** The number last typed, kept so "Start over" does not make the operator type it again. */
  phone: string;
  pending: boolean;
  error: DeskErrorShape | null;
  open(): void;
  /** Continues a flow the engine already started (a re-sign-in). */
  resume(step: SignInStep): void;
  startSignIn(input: PhoneInput): Promise<void>;
  resendCode(): Promise<void>;
  submitCode(code: string): Promise<void>;
  submitPassword(password: string): Promise<void>;
  /** Back to the phone step after an expired flow, with the number kept. */
  startOver(): void;
  /** Closes the wizard, ending the engine's flow when one is open. */
  cancel(): Promise<void>;
  clearError(): void;
}

const flowIdOf = (phase: SignInPhase) => ('flowId' in phase ? phase.flowId : null);

export function createSignInStore(client: DeskClient, onSignedIn: (account: AccountView) => void) {
  // Opening or closing the wizard discards what is on its way: an answer to an older attempt
  // (one sent before a Cancel) must not reopen or move the wizard.
  const attempts = latestOnly();

  return create<SignInState>()((set, get) => {
    const toPhase = (step: SignInStep): SignInPhase => {
      if (step.step === 'code') {
        const { resendAfterSeconds, ...rest } = step;
        return { ...rest, resendAt: resendAfterSeconds === null ? null : Date.now() + resendAfterSeconds * 1000 };
      }
      if (step.step === 'done') onSignedIn(step.account);
      return step;
    };

    /** Sends one request of the flow; an error keeps the step so the operator can retry. */
    const send = async (request: () => Promise<SignInStep>) => {
      if (get().pending) return;
      const fresh = attempts.current();
      set({ pending: true, error: null });
      try {
        const step = await request();
        if (!fresh()) return;
        set({ phase: toPhase(step), pending: false });
      } catch (error) {
        if (!fresh()) return;
        set({ pending: false, error: errorShape(error) });
      }
    };

    const inFlow = () => {
      const flowId = flowIdOf(get().phase);
      if (flowId === null) throw new Error('no sign-in in progress');
      return flowId;
    };

    return {
      phase: { step: 'closed' },
      phone: '',
      pending: false,
      error: null,
      open() {
        attempts.discard();
        set({ phase: { step: 'phone' }, pending: false, error: null });
      },
      resume(step) {
        attempts.discard();
        set({ phase: toPhase(step), phone: 'phone' in step ? step.phone : get().phone, pending: false, error: null });
      },
      startSignIn(input) {
        set({ phone: input.phone });
        return send(() => client.call('accounts.startSignIn', input));
      },
      resendCode() {
        return send(() => client.call('accounts.resendCode', { flowId: inFlow() }));
      },
      submitCode(code) {
        return send(() => client.call('accounts.submitCode', { flowId: inFlow(), code }));
      },
      submitPassword(password) {
        return send(() => client.call('accounts.submitPassword', { flowId: inFlow(), password }));
      },
      startOver() {
        attempts.discard();
        set({ phase: { step: 'phone' }, pending: false, error: null });
      },
      async cancel() {
        const flowId = flowIdOf(get().phase);
        attempts.discard();
        set({ phase: { step: 'closed' }, pending: false, error: null });
        if (flowId === null) return;
        // The wizard closes whatever the answer: a flow the engine could not cancel expires
        // on its own, and the operator has nothing to do about it.
        await client.call('accounts.cancelSignIn', { flowId }).catch(() => undefined);
      },
      clearError() {
        set({ error: null });
      },
    };
  });
}
