import { Api } from 'telegram';
import { toLong } from './long';

/**
 * Channels whose events reached an account while none of its connections was there to take
 * them. Telegram does not list a channel's events in the account's getDifference; it names
 * the channel with updateChannelTooLong (and the pts to start from for a client that does not
 * follow it yet), and the client asks getChannelDifference.
 */
export class ChannelBacklog {
  /** userId → channelId → the channel's pts before the first event the account missed. */
  private readonly missed = new Map<number, Map<number, number>>();

  note(userId: number, channelId: number, ptsBefore: number): void {
    let channels = this.missed.get(userId);
    if (!channels) this.missed.set(userId, (channels = new Map()));
    if (!channels.has(channelId)) channels.set(channelId, ptsBefore);
  }

  /** The updateChannelTooLong notes for an account; `take` forgets them (the difference that carries them is final). */
  notes(userId: number, take: boolean): Api.UpdateChannelTooLong[] {
    const channels = this.missed.get(userId);
    if (take) this.missed.delete(userId);
    return [...(channels ?? [])].map(([channelId, pts]) => new Api.UpdateChannelTooLong({ channelId: toLong(channelId), pts }));
  }
}
