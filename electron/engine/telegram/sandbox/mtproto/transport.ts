import type { Api } from 'telegram';
import type { MtprotoTransport } from '../../mtproto/transport';
import type { SandboxMtproto } from './sandbox-mtproto';
import type { Session } from './session';

/** One client connection to the sandbox: the production port, answered in-process. */
export class SandboxMtprotoTransport implements MtprotoTransport {
  private isConnected = false;
  private readonly listeners = new Set<(update: Api.TypeUpdates) => void>();

  constructor(
    private readonly server: SandboxMtproto,
    readonly session: Session,
  ) {}

  /** Keep it to resume the session from a new transport (what a restarted app does). */
  get sessionKey(): string {
    return this.session.key;
  }

  exportSession(): string {
    return this.server.exportSession(this.session);
  }

  get connected(): boolean {
    return this.isConnected;
  }

  async connect(): Promise<void> {
    this.isConnected = true;
    this.server.attach(this);
  }

  async disconnect(): Promise<void> {
    this.isConnected = false;
    this.server.detach(this);
  }

  async invoke<R extends Api.AnyRequest>(request: R): Promise<R['__response']> {
    // GramJS's own message when a request is made on a closed connection.
    if (!this.isConnected) throw new Error('Cannot send requests while disconnected. You need to call .connect()');
    return (await this.server.handle(this.session, request)) as R['__response'];
  }

  onUpdate(listener: (update: Api.TypeUpdates) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Updates travel like network packets: after the current call stack, and only while connected. */
  deliver(update: Api.TypeUpdates): void {
    if (!this.isConnected) return;
    queueMicrotask(() => {
      for (const listener of this.listeners) listener(update);
    });
  }
}
