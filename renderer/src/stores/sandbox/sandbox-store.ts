import { create } from 'zustand';
import type { SandboxAction, SandboxFeedItem, SandboxStatus } from '../../../../shared/domain/sandbox';
import type { CallInput } from '../../../../shared/contract';
import { errorMessage, type DeskClient } from '../../client/desk-client';
import { mergeNewestFirst } from '../paged-list';
import { latestOnly } from '../latest-only';
import { loadLatest, type Loadable } from '../load-latest';

/** The live feed keeps at most this many items; the console is a demo tool, not an archive. */
export const SANDBOX_FEED_CAP = 200;

/** Feed kinds that change a person's badges (in channel, blocked the bot). */
const CHANGES_PEOPLE: ReadonlySet<SandboxFeedItem['kind']> = new Set(['join', 'leave', 'block', 'unblock']);

export interface ActRequest {
  personId: number;
  action: SandboxAction;
  targetId?: number;
  text?: string;
}

export type ReadChatRequest = CallInput<'sandbox.readChat'>;

/** What the console can make Telegram do to an account, and for how long. */
export const TELEGRAM_LIMITS = {
  floodWait: { method: 'sandbox.imposeFloodWait', seconds: 30 },
  peerFlood: { method: 'sandbox.imposePeerFlood', seconds: 120 },
} as const;
export type TelegramLimit = keyof typeof TELEGRAM_LIMITS;

export interface SandboxState extends Loadable {
  /** The engine's view without the feed, which lives in `feed` so live items merge into it. */
  status: Omit<SandboxStatus, 'feed'> | null;
  feed: SandboxFeedItem[];
  acting: boolean;
  actError: string | null;
  autoError: string | null;
  resetting: boolean;
  resetError: string | null;
  /** The account whose sessions are being ended, and a refusal to show beside it. */
  revoking: number | null;
  revokeError: { targetId: number; message: string } | null;
  /** True when the engine did it, so the form can clear its text; false keeps it for a retry. */
  act(request: ActRequest): Promise<boolean>;
  /** The person reads the private chat, or the account reads it on another device (its phone). */
  readChat(request: ReadChatRequest): Promise<boolean>;
  setAutoActivity(enabled: boolean, everySeconds: number): Promise<void>;
  reset(): Promise<boolean>;
  /** True when Telegram ended the account's sessions, so the confirmation can close. */
  revokeSessions(targetId: number): Promise<boolean>;
  /** Telegram pushes back on a sandbox account: a flood wait, or a spam limit (PEER_FLOOD). Resolves to until when, or null after a refusal. */
  impose(targetId: number, limit: TelegramLimit): Promise<number | null>;
  /** Items announced by `sandbox.activity`. */
  append(items: readonly SandboxFeedItem[]): void;
}

const capped = (items: SandboxFeedItem[]) => items.slice(0, SANDBOX_FEED_CAP);

export function createSandboxStore(client: DeskClient) {
  const requests = latestOnly();

  return create<SandboxState>()((set, get) => ({
    status: null,
    feed: [],
    loaded: false,
    loading: false,
    error: null,
    acting: false,
    actError: null,
    autoError: null,
    resetting: false,
    resetError: null,
    revoking: null,
    revokeError: null,
    ...loadLatest(
      set,
      get,
      requests,
      () => client.call('sandbox.status', {}),
      // Items that arrived live while the request was out are kept, not lost.
      ({ feed, ...status }, s) => ({ status, feed: capped(mergeNewestFirst(feed, s.feed)) }),
    ),
    async act(request) {
      set({ acting: true, actError: null });
      try {
        const item = await client.call('sandbox.act', request);
        set((s) => ({ acting: false, feed: capped(mergeNewestFirst([item], s.feed)) }));
        if (CHANGES_PEOPLE.has(item.kind)) void get().load();
        return true;
      } catch (error) {
        set({ acting: false, actError: errorMessage(error) });
        return false;
      }
    },
    async readChat(request) {
      set({ acting: true, actError: null });
      try {
        await client.call('sandbox.readChat', request);
        set({ acting: false });
        return true;
      } catch (error) {
        set({ acting: false, actError: errorMessage(error) });
        return false;
      }
    },
    async setAutoActivity(enabled, everySeconds) {
      set({ autoError: null });
      try {
        const autoActivity = await client.call('sandbox.setAutoActivity', { enabled, everySeconds });
        set((s) => ({ status: s.status && { ...s.status, autoActivity } }));
      } catch (error) {
        set({ autoError: errorMessage(error) });
      }
    },
    async reset() {
      set({ resetting: true, resetError: null });
      try {
        await client.call('sandbox.reset', { confirm: true });
        // The engine restarts on a fresh world and announces it with `system.restarted`.
        set({ resetting: false, feed: [] });
        return true;
      } catch (error) {
        set({ resetting: false, resetError: errorMessage(error) });
        return false;
      }
    },
    async impose(targetId, limit) {
      set({ actError: null });
      try {
        const { method, seconds } = TELEGRAM_LIMITS[limit];
        return (await client.call(method, { targetId, seconds })).until;
      } catch (error) {
        set({ actError: errorMessage(error) });
        return null;
      }
    },
    async revokeSessions(targetId) {
      set({ revoking: targetId, revokeError: null });
      try {
        await client.call('sandbox.revokeSessions', { targetId });
        set({ revoking: null });
        // The session count shown beside the account is now stale.
        void get().load();
        return true;
      } catch (error) {
        set({ revoking: null, revokeError: { targetId, message: errorMessage(error) } });
        return false;
      }
    },
    append(items) {
      if (!get().loaded || items.length === 0) return;
      set((s) => ({ feed: capped(mergeNewestFirst(items, s.feed)) }));
      // People acting on their own change badges the feed item does not carry.
      if (items.some((item) => CHANGES_PEOPLE.has(item.kind))) void get().load();
    },
  }));
}
