import { Api, type TelegramClient } from 'telegram';
import { Raw } from 'telegram/events/index.js';
import { UpdateConnectionState } from 'telegram/network/index.js';
import type { StringSession } from 'telegram/sessions/index.js';
import type { MtprotoTransport } from './transport';

/** crc32('Updates'): GramJS's tag for the containers of the update stream. */
const UPDATES_SUBCLASS = 0x8af52aac;

/**
 * The production transport: GramJS's TelegramClient behind the narrow port. Requests and
 * errors pass through unchanged. GramJS splits update containers before its handlers see
 * them, so each inner update is wrapped back with the users and chats it came with. When
 * GramJS reconnects by itself, updates may have been lost meanwhile: the port then delivers
 * Telegram's own "fetch the difference" signal, UpdatesTooLong.
 */
export class GramjsTransport implements MtprotoTransport {
  private readonly listeners = new Set<(update: Api.TypeUpdates) => void>();
  private lostConnection = false;

  /**
   * @param resumedFrom the stored session the client was built with: GramJS reads it only
   *   on connect, and until then `session.save()` would answer nothing.
   */
  constructor(
    private readonly client: TelegramClient,
    private readonly session: StringSession,
    private readonly resumedFrom: string | null = null,
  ) {
    client.addEventHandler((update: unknown) => this.receive(update), new Raw({}));
  }

  async connect(): Promise<void> {
    // GramJS answers a failed first connection with false (and keeps retrying in the background).
    if (!(await this.client.connect())) throw new Error('Could not connect to Telegram.');
  }

  /**
   * Destroys the client: a merely disconnected one keeps its ping loop, which reconnects it.
   * The account runtime builds a new transport for every connection attempt anyway.
   */
  async disconnect(): Promise<void> {
    await this.client.destroy();
  }

  get connected(): boolean {
    return this.client.connected === true;
  }

  invoke<R extends Api.AnyRequest>(request: R): Promise<R['__response']> {
    return this.client.invoke(request);
  }

  onUpdate(listener: (update: Api.TypeUpdates) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  exportSession(): string {
    return this.session.save() || (this.resumedFrom ?? '');
  }

  private receive(update: unknown): void {
    if (update instanceof UpdateConnectionState) {
      if (update.state !== UpdateConnectionState.connected) this.lostConnection = true;
      else if (this.lostConnection) {
        this.lostConnection = false;
        this.deliver(new Api.UpdatesTooLong());
      }
      return;
    }
    const tagged = update as { SUBCLASS_OF_ID?: number; _entities?: Map<string, Api.TypeUser | Api.TypeChat> };
    if (tagged.SUBCLASS_OF_ID === UPDATES_SUBCLASS) return this.deliver(update as Api.TypeUpdates);
    const known = [...(tagged._entities?.values() ?? [])];
    const isUser = (e: Api.TypeUser | Api.TypeChat): e is Api.TypeUser => e instanceof Api.User || e instanceof Api.UserEmpty;
    const users = known.filter(isUser);
    const chats = known.filter((e): e is Api.TypeChat => !isUser(e));
    this.deliver(new Api.Updates({ updates: [update as Api.TypeUpdate], users, chats, date: 0, seq: 0 }));
  }

  private deliver(update: Api.TypeUpdates): void {
    for (const listener of this.listeners) listener(update);
  }
}
