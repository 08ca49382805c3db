import type { ChildProcess } from 'node:child_process';
import { Api, errors } from 'telegram';
import { BinaryReader } from 'telegram/extensions/index.js';
import type { MtprotoTransport } from '../../telegram/mtproto/transport';

/**
 * MTProto across a process boundary as TL bytes, so the desk side can run in a child process
 * that a test kills while the sandbox (in the parent) lives on. Requests and results travel
 * serialized exactly as on the wire; RPC errors travel as Telegram's (code, name) and are
 * rebuilt by GramJS's own RPCMessageToError.
 */
type ToParent = { type: 'invoke'; id: number; bytes: Buffer };
type ToChild =
  | { type: 'result'; id: number; bytes?: Buffer; bool?: boolean }
  | { type: 'error'; id: number; rpc?: { code: number | undefined; name: string }; message?: string };

/** The child's side: an MtprotoTransport whose every request is answered by the parent. */
export function ipcTransport(): MtprotoTransport {
  let next = 0;
  const pending = new Map<number, { request: Api.AnyRequest; resolve: (value: unknown) => void; reject: (error: unknown) => void }>();
  process.on('message', (message: ToChild) => {
    const call = pending.get(message.id);
    if (!call) return;
    pending.delete(message.id);
    if (message.type === 'result') call.resolve(message.bytes ? new BinaryReader(Buffer.from(message.bytes)).tgReadObject() : message.bool);
    else if (message.rpc) call.reject(errors.RPCMessageToError(new Api.RpcError({ errorCode: message.rpc.code ?? 400, errorMessage: message.rpc.name }), call.request));
    else call.reject(new Error(message.message));
  });
  return {
    connected: true,
    connect: async () => undefined,
    disconnect: async () => undefined,
    exportSession: () => '',
    onUpdate: () => () => undefined,
    invoke<R extends Api.AnyRequest>(request: R): Promise<R['__response']> {
      const id = ++next;
      return new Promise((resolve, reject) => {
        pending.set(id, { request, resolve, reject });
        process.send!({ type: 'invoke', id, bytes: request.getBytes() } satisfies ToParent);
      });
    },
  };
}

/**
 * The parent's side: runs the child's requests on `transport`. `hold` may keep an answer back
 * (the request still takes effect), which is how a test gets a send in flight at the kill.
 */
export function serveOverIpc(child: ChildProcess, transport: MtprotoTransport, hold: (request: Api.AnyRequest) => boolean): void {
  const reply = (message: ToChild) => {
    // The child may be gone (killed): its answer is simply lost, as on a dropped connection.
    if (child.connected) child.send(message, () => undefined);
  };
  child.on('message', (message: ToParent) => {
    if (message.type !== 'invoke') return;
    const request = new BinaryReader(Buffer.from(message.bytes)).tgReadObject() as Api.AnyRequest;
    transport.invoke(request).then(
      (result: unknown) => {
        if (hold(request)) return;
        reply(typeof result === 'boolean' ? { type: 'result', id: message.id, bool: result } : { type: 'result', id: message.id, bytes: (result as Api.AnyRequest).getBytes() });
      },
      (error: unknown) =>
        reply(
          error instanceof errors.RPCError
            ? { type: 'error', id: message.id, rpc: { code: error.code, name: error.errorMessage } }
            : { type: 'error', id: message.id, message: error instanceof Error ? error.message : String(error) },
        ),
    );
  });
}
