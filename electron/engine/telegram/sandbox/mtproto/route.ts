import type { Api } from 'telegram';
import type { AccountService } from './account-service';
import type { SandboxMtproto } from './sandbox-mtproto';
import type { Session } from './session';

type RequestClass<R> = abstract new (...args: never[]) => R;
type Awaitable<T> = T | Promise<T>;

/** Before sign-in: the server and the calling session. */
export interface PublicCall {
  server: SandboxMtproto;
  session: Session;
}

export interface Route {
  /** 'user' routes need a signed-in session and pass the anti-spam rate check first. */
  access: 'public' | 'user';
  accepts(request: Api.AnyRequest): boolean;
  run(call: PublicCall, account: AccountService | null, request: Api.AnyRequest): Awaitable<unknown>;
}

export function publicRoute<R extends Api.AnyRequest>(type: RequestClass<R>, handle: (call: PublicCall, request: R) => Awaitable<R['__response']>): Route {
  return { access: 'public', accepts: (request) => request instanceof type, run: (call, _account, request) => handle(call, request as R) };
}

export function userRoute<R extends Api.AnyRequest>(type: RequestClass<R>, handle: (account: AccountService, request: R) => Awaitable<R['__response']>): Route {
  return { access: 'user', accepts: (request) => request instanceof type, run: (_call, account, request) => handle(account!, request as R) };
}
