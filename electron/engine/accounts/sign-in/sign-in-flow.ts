import { randomUUID } from 'node:crypto';
import type { SignInStep } from '../../../../shared/domain/connections';
import type { MtprotoTransport } from '../../telegram/mtproto/transport';
import type { CodeSent } from '../../telegram/mtproto/translate/sign-in';
import type { ApiCredentials } from '../store/default-api';

/** One sign-in in progress: held in memory only, so nothing is stored until it completes. */
export interface SignInFlow {
  readonly id: string;
  readonly phone: string;
  readonly transport: MtprotoTransport;
  readonly credentials: ApiCredentials;
  /** Whether the credentials are the account's own (stored with it) rather than the app-wide default. */
  readonly ownApi: boolean;
  stage: 'code' | 'password';
  code: CodeSent;
  lastActiveAt: number;
  /** A step is running; a second one at the same time would race Telegram's answers. */
  busy: boolean;
}

export function newFlow(input: Omit<SignInFlow, 'id' | 'stage' | 'busy'>): SignInFlow {
  return { ...input, id: randomUUID(), stage: 'code', busy: false };
}

export function codeStep(flow: SignInFlow): SignInStep {
  const { sentVia, nextVia, codeLength, resendAfterSeconds } = flow.code;
  return { step: 'code', flowId: flow.id, phone: flow.phone, sentVia, nextVia, codeLength, resendAfterSeconds };
}
