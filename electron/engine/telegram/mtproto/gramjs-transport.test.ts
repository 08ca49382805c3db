import bigInt from 'big-integer';
import { Api, errors, Logger, TelegramClient } from 'telegram';
import { _handleUpdate } from 'telegram/client/updates.js';
import { AuthKey } from 'telegram/crypto/AuthKey.js';
import { LogLevel } from 'telegram/extensions/Logger.js';
import { UpdateConnectionState } from 'telegram/network/index.js';
import { StringSession } from 'telegram/sessions/index.js';
import { describe, expect, it, vi } from 'vitest';
import { gramjsEnvironment } from './gramjs-environment';
import { GramjsTransport } from './gramjs-transport';
import { classifyRpcError } from './rpc-failure';

const alice = new Api.User({ id: bigInt(501), accessHash: bigInt('9007199254740993'), firstName: 'Alice', phone: '99966200001' });
const me = new Api.User({ id: bigInt(42), self: true, firstName: 'Desk' });

/** A real TelegramClient whose network calls are replaced: nothing leaves the process. */
function offlineClient() {
  const session = new StringSession('');
  const client = new TelegramClient(session, 1, '0123456789abcdef0123456789abcdef', { baseLogger: new Logger(LogLevel.NONE) });
  const invoke = vi.fn(async (request: Api.AnyRequest): Promise<unknown> => {
    // GramJS asks who it is before dispatching the first update.
    if (request instanceof Api.users.GetUsers) return [me];
    return new Api.updates.State({ pts: 7, qts: 0, date: 1, seq: 0, unreadCount: 0 });
  });
  client.invoke = invoke as unknown as TelegramClient['invoke'];
  client.connect = vi.fn(async () => true);
  client.destroy = vi.fn(async () => undefined);
  const transport = new GramjsTransport(client, session);
  const seen: Api.TypeUpdates[] = [];
  transport.onUpdate((u) => seen.push(u));
  return { client, session, transport, invoke, seen };
}

/** GramJS's MTProtoSender hands every container from the network to this (its typing says inner updates only). */
function fromNetwork(client: TelegramClient, update: Api.TypeUpdates | number): void {
  _handleUpdate(client, update as unknown as Api.TypeUpdate);
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('GramJS transport', () => {
  it('passes requests and answers through unchanged', async () => {
    const { transport, invoke, client } = offlineClient();
    await transport.connect();
    expect(client.connect).toHaveBeenCalledOnce();
    const request = new Api.updates.GetState();
    const state = await transport.invoke(request);
    expect(invoke).toHaveBeenCalledWith(request);
    expect(state).toBeInstanceOf(Api.updates.State);
    expect(state.pts).toBe(7);
    await transport.disconnect();
    expect(client.destroy).toHaveBeenCalledOnce();
  });

  it('fails connect when GramJS could not connect, instead of waiting forever', async () => {
    const { transport, client } = offlineClient();
    client.connect = vi.fn(async () => false);
    await expect(transport.connect()).rejects.toThrow(/Could not connect/);
  });

  it("passes GramJS's own error classes through unchanged", async () => {
    const { transport, invoke } = offlineClient();
    const request = new Api.auth.SendCode({ phoneNumber: '+4915112345678', apiId: 1, apiHash: 'x', settings: new Api.CodeSettings({}) });
    const flood = new errors.FloodWaitError({ request, capture: 30 });
    invoke.mockRejectedValueOnce(flood);
    const caught = await transport.invoke(request).catch((e: unknown) => e);
    expect(caught).toBe(flood);
    expect(classifyRpcError(caught)).toEqual({ kind: 'flood', seconds: 30 });

    const revoked = errors.RPCMessageToError(new Api.RpcError({ errorCode: 401, errorMessage: 'AUTH_KEY_UNREGISTERED' }), request);
    invoke.mockRejectedValueOnce(revoked);
    const second = await transport.invoke(request).catch((e: unknown) => e);
    expect(second).toBe(revoked);
    expect(second).toBeInstanceOf(errors.RPCError);
    expect(classifyRpcError(second)).toEqual({ kind: 'unauthorized', name: 'AUTH_KEY_UNREGISTERED' });
    expect(classifyRpcError(new Error('Cannot send requests while disconnected'))).toMatchObject({ kind: 'network' });
  });

  it("rewraps the updates GramJS's dispatcher splits, with the users they came with", async () => {
    const { client, seen } = offlineClient();
    const message = new Api.Message({ id: 3, peerId: new Api.PeerUser({ userId: alice.id }), fromId: new Api.PeerUser({ userId: alice.id }), date: 1_700_000_000, message: 'hello' });
    const inner = new Api.UpdateNewMessage({ message, pts: 8, ptsCount: 1 });
    fromNetwork(client, new Api.Updates({ updates: [inner], users: [alice], chats: [], date: 1, seq: 0 }));
    await settle();
    expect(seen).toHaveLength(1);
    const wrapped = seen[0] as Api.Updates;
    expect(wrapped).toBeInstanceOf(Api.Updates);
    expect(wrapped.updates).toEqual([inner]);
    expect(wrapped.users.map((u) => Number(u.id))).toEqual([501]);
  });

  it('delivers compact updates as they are, and asks for the difference after GramJS reconnects', async () => {
    const { client, seen } = offlineClient();
    const short = new Api.UpdateShortMessage({ id: 4, userId: alice.id, message: 'hi', pts: 9, ptsCount: 1, date: 1 });
    fromNetwork(client, short);
    await settle();
    expect(seen).toEqual([short]);

    fromNetwork(client, UpdateConnectionState.connected);
    await settle();
    expect(seen).toHaveLength(1);
    fromNetwork(client, UpdateConnectionState.disconnected);
    fromNetwork(client, UpdateConnectionState.connected);
    await settle();
    expect(seen).toHaveLength(2);
    expect(seen[1]).toBeInstanceOf(Api.UpdatesTooLong);
  });

  it('exports the StringSession and the environment resumes from it without connecting', async () => {
    const { session, transport } = offlineClient();
    expect(transport.exportSession()).toBe('');
    const key = new AuthKey();
    await key.setKey(Buffer.alloc(256, 7));
    session.setDC(2, '149.154.167.51', 443);
    session.setAuthKey(key);
    const exported = transport.exportSession();
    expect(exported).toBe(session.save());
    expect(exported.length).toBeGreaterThan(100);

    const resumed = gramjsEnvironment({ appVersion: 'test' }).mtproto({ apiId: 1, apiHash: '0123456789abcdef0123456789abcdef', session: exported });
    expect(resumed).toBeInstanceOf(GramjsTransport);
    expect(resumed.connected).toBe(false);
    expect(resumed.exportSession()).toBe(exported);
  });
});
