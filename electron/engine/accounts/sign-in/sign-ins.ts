import { Api } from 'telegram';
import { computeCheck } from 'telegram/Password.js';
import { DeskError } from '../../../../shared/contract/result';
import type { AccountView, SignInStep } from '../../../../shared/domain/connections';
import type { Logger } from '../../logging/logger';
import type { Clock } from '../../platform/clock';
import type { TelegramEnvironment } from '../../telegram/environment';
import { classifyRpcError } from '../../telegram/mtproto/rpc-failure';
import { userEntity, type TelegramEntity } from '../../telegram/mtproto/translate/entities';
import { translateSentCode, translateSignedInUser, type SignedInUser } from '../../telegram/mtproto/translate/sign-in';
import type { ApiCredentials } from '../store/default-api';
import { codeStep, newFlow, type SignInFlow } from './sign-in-flow';
import { signInError } from './sign-in-errors';

/** Long enough to fetch a code from another device, short enough not to keep idle connections. */
const SIGN_IN_TTL_MS = 15 * 60 * 1000;

export interface CompletedSignIn {
  phone: string;
  user: SignedInUser;
  self: TelegramEntity | null;
  /** The exported session, in clear: the receiver encrypts it before storing. */
  session: string;
  credentials: ApiCredentials;
  ownApi: boolean;
}

export interface SignInDeps {
  clock: Clock;
  logger: Logger;
  telegram: TelegramEnvironment;
  /** Stores the account Telegram just accepted and returns it as the window shows it. */
  complete(result: CompletedSignIn, actor: string): Promise<AccountView>;
}

/** Errors after which the flow cannot go on; any other keeps it so the person can retry. */
const ENDS_FLOW = new Set<DeskError['code']>(['session_revoked', 'phone_unregistered', 'phone_banned']);

/**
 * The sign-in conversation with Telegram: send code, resend by the next method, check the
 * code, then the 2FA password over SRP. Each flow owns a fresh connection until it ends.
 */
export function createSignIns(deps: SignInDeps) {
  const flows = new Map<string, SignInFlow>();
  const log = deps.logger.child({ scope: 'accounts' });

  const close = (flow: SignInFlow) => {
    flows.delete(flow.id);
    void flow.transport.disconnect().catch(() => undefined);
  };

  const sweep = () => {
    const now = deps.clock.now();
    for (const flow of flows.values()) if (!flow.busy && now - flow.lastActiveAt > SIGN_IN_TTL_MS) close(flow);
  };

  async function step(flowId: string, run: (flow: SignInFlow) => Promise<SignInStep>): Promise<SignInStep> {
    sweep();
    const flow = flows.get(flowId);
    if (!flow) throw new DeskError('sign_in_expired', 'This sign-in has expired or was cancelled. Start again.');
    if (flow.busy) throw new DeskError('conflict', 'The previous step of this sign-in is still running.');
    flow.busy = true;
    try {
      return await run(flow);
    } catch (error) {
      const desk = signInError(error, deps.clock.now());
      log.warn({ flowId, code: desk.code }, 'sign-in step refused');
      if (ENDS_FLOW.has(desk.code)) close(flow);
      throw desk;
    } finally {
      flow.busy = false;
      flow.lastActiveAt = deps.clock.now();
    }
  }

  async function finish(flow: SignInFlow, auth: Api.auth.TypeAuthorization, actor: string): Promise<SignInStep> {
    if (!(auth instanceof Api.auth.Authorization)) {
      throw new DeskError('phone_unregistered', 'This number has no Telegram account. Create one in a Telegram app first.');
    }
    const session = flow.transport.exportSession();
    close(flow);
    const account = await deps.complete({
      phone: flow.phone,
      user: translateSignedInUser(auth.user),
      self: userEntity(auth.user),
      session,
      credentials: flow.credentials,
      ownApi: flow.ownApi,
    }, actor);
    log.info({ flowId: flow.id, accountId: account.id }, 'account signed in');
    return { step: 'done', account };
  }

  async function passwordStep(flow: SignInFlow): Promise<SignInStep> {
    const password = await flow.transport.invoke(new Api.account.GetPassword());
    flow.stage = 'password';
    return { step: 'password', flowId: flow.id, phone: flow.phone, hint: password.hint ?? null };
  }

  return {
    async start(input: { phone: string; credentials: ApiCredentials; ownApi: boolean }): Promise<SignInStep> {
      sweep();
      // A new sign-in for the same number replaces an unfinished one (Telegram keeps one code per number).
      for (const flow of flows.values()) if (flow.phone === input.phone) close(flow);
      const transport = deps.telegram.mtproto({ ...input.credentials, session: null });
      try {
        await transport.connect();
        const sent = await transport.invoke(
          new Api.auth.SendCode({ phoneNumber: input.phone, apiId: input.credentials.apiId, apiHash: input.credentials.apiHash, settings: new Api.CodeSettings({}) }),
        );
        if (!(sent instanceof Api.auth.SentCode)) throw new DeskError('unavailable', 'Telegram answered the code request in a way this version cannot continue; sign in from a Telegram app first.');
        const flow = newFlow({ ...input, transport, code: translateSentCode(sent), lastActiveAt: deps.clock.now() });
        flows.set(flow.id, flow);
        log.info({ flowId: flow.id, sentVia: flow.code.sentVia }, 'sign-in code sent');
        return codeStep(flow);
      } catch (error) {
        void transport.disconnect().catch(() => undefined);
        const desk = signInError(error, deps.clock.now());
        log.warn({ code: desk.code }, 'sign-in refused');
        throw desk;
      }
    },

    resendCode: (flowId: string) =>
      step(flowId, async (flow) => {
        if (flow.stage !== 'code') throw new DeskError('conflict', 'The code was already accepted; enter the password.');
        const sent = await flow.transport.invoke(new Api.auth.ResendCode({ phoneNumber: flow.phone, phoneCodeHash: flow.code.phoneCodeHash }));
        if (!(sent instanceof Api.auth.SentCode)) throw new DeskError('unavailable', 'Telegram did not send a new code.');
        flow.code = translateSentCode(sent);
        return codeStep(flow);
      }),

    submitCode: (flowId: string, code: string, actor: string) =>
      step(flowId, async (flow) => {
        if (flow.stage !== 'code') throw new DeskError('conflict', 'The code was already accepted; enter the password.');
        try {
          const auth = await flow.transport.invoke(new Api.auth.SignIn({ phoneNumber: flow.phone, phoneCodeHash: flow.code.phoneCodeHash, phoneCode: code }));
          return await finish(flow, auth, actor);
        } catch (error) {
          const failure = classifyRpcError(error);
          if (failure.kind === 'rpc' && failure.name === 'SESSION_PASSWORD_NEEDED') return passwordStep(flow);
          throw error;
        }
      }),

    submitPassword: (flowId: string, password: string, actor: string) =>
      step(flowId, async (flow) => {
        if (flow.stage !== 'password') throw new DeskError('conflict', 'Enter the code first.');
        // Each check needs a fresh SRP challenge: the one from the previous try is used up.
        const challenge = await flow.transport.invoke(new Api.account.GetPassword());
        const auth = await flow.transport.invoke(new Api.auth.CheckPassword({ password: await computeCheck(challenge, password) }));
        return finish(flow, auth, actor);
      }),

    cancel(flowId: string): boolean {
      const flow = flows.get(flowId);
      if (flow) close(flow);
      return flow !== undefined;
    },

    closeAll(): void {
      for (const flow of flows.values()) close(flow);
    },
  };
}
