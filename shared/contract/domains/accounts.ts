import { z } from 'zod';
import { call, confirmed, domain, teamCall } from '../define';
import type { BotEndpoints } from '../../domain/bot-endpoints';
import { apiServerInput, configureBotInput, setBotEndpointsInput } from './bot-endpoints';
import type { AccountView, BotView, ConnectionState, IncomingMessage, SignInStep } from '../../domain/connections';

const apiId = z.number().int().positive('must be a positive number').max(2 ** 31 - 1);
const apiHash = z.string().trim().regex(/^[0-9a-f]{32}$/i, 'must be 32 hexadecimal characters');
const id = z.object({ id: z.number().int().positive() }).strict();
const removal = z.object({ id: z.number().int().positive(), confirm: confirmed }).strict();
const flowId = z.string().min(1).max(100);

export const accounts = domain({
  list: teamCall(z.object({}).strict()).returns<{ accounts: AccountView[]; defaults: { apiId: number | null; hasApiHash: boolean } }>(),
  /** The app-wide api_id/api_hash that accounts use unless they carry their own. */
  setDefaultApi: call(z.object({ apiId, apiHash }).strict()).returns<{ apiId: number; hasApiHash: true }>(),
  startSignIn: call(
    z
      .object({
        phone: z.string().trim().min(3, 'must be a phone number').max(32),
        apiId: apiId.optional(),
        apiHash: apiHash.optional(),
      })
      .strict()
      .refine((v) => (v.apiId === undefined) === (v.apiHash === undefined), { message: 'give both api_id and api_hash, or neither', path: ['apiHash'] }),
  ).returns<SignInStep>(),
  resendCode: call(z.object({ flowId }).strict()).returns<SignInStep>(),
  submitCode: call(z.object({ flowId, code: z.string().trim().regex(/^\d{3,8}$/, 'must be the digits of the code') }).strict()).returns<SignInStep>(),
  submitPassword: call(z.object({ flowId, password: z.string().min(1, 'must not be empty').max(256) }).strict()).returns<SignInStep>(),
  cancelSignIn: call(z.object({ flowId }).strict()).returns<{ cancelled: boolean }>(),
  /** Sign in again an account whose session Telegram ended. */
  reSignIn: call(id).returns<SignInStep>(),
  start: call(id).returns<AccountView>(),
  stop: call(id).returns<AccountView>(),
  remove: call(removal).returns<{ removed: true }>(),
  /** An admin's "restart all clients": every account and bot reconnects. */
  restartAll: call(z.object({}).strict()).returns<{ accounts: number; bots: number }>(),
}).events<{
  changed: AccountView;
  removed: { id: number };
}>();

export const bots = domain({
  list: teamCall(z.object({}).strict()).returns<{ bots: BotView[] }>(),
  add: call(
    z
      .object({
        token: z.string().trim().regex(/^\d{1,20}:[A-Za-z0-9_-]{20,}$/, 'does not look like a bot token (digits, a colon, then letters)'),
        mode: z.enum(['polling', 'webhook']).default('polling'),
        apiServer: apiServerInput.optional(),
      })
      .strict(),
  ).returns<BotView>(),
  /** Switches a bot between polling and webhook mode, or sets its own Bot API server. */
  configure: call(configureBotInput).returns<BotView>(),
  /** The public webhook address and the app-wide Bot API server of this workspace. */
  endpoints: call(z.object({}).strict()).returns<BotEndpoints>(),
  setEndpoints: call(setBotEndpointsInput).returns<BotEndpoints>(),
  start: call(id).returns<BotView>(),
  stop: call(id).returns<BotView>(),
  remove: call(removal).returns<{ removed: true }>(),
}).events<{
  changed: BotView;
  removed: { id: number };
  endpointsChanged: BotEndpoints;
}>();

export const messages = domain({
  /** The newest stored incoming messages (the inbox issue adds conversations and search). */
  recent: call(z.object({ limit: z.number().int().min(1).max(500).default(100) }).strict()).returns<{ messages: IncomingMessage[] }>(),
}).events<{
  received: { messages: IncomingMessage[] };
}>();

export type { ConnectionState };
