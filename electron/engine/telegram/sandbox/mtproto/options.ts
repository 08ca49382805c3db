export type CodeType = 'app' | 'sms' | 'call';

/** A token bucket: `burst` calls at once, then one more every `everySeconds`. */
export interface RateLimit {
  burst: number;
  everySeconds: number;
}

export interface LoginCodeOptions {
  /** The order codes are delivered in; auth.resendCode moves to the next. */
  types: CodeType[];
  length: number;
  lifetimeSeconds: number;
  /** What Telegram puts in SentCode.timeout before the next type may be asked for. */
  resendTimeoutSeconds: number;
  /** sendCode calls for one number within `windowSeconds` before FLOOD_WAIT. */
  sendsPerNumber: number;
  windowSeconds: number;
}

export interface AntiSpamOptions {
  /** Per-method call rate per account (GramJS class names, e.g. 'messages.SendMessage'). */
  methodLimits: Record<string, RateLimit>;
  /** Private messages to people who are not contacts, per account per day, before PEER_FLOOD. */
  strangerMessagesPerDay: number;
  /** Invites of people who are not contacts, per account per day, before PEER_FLOOD. */
  strangerInvitesPerDay: number;
  /** Phone numbers importContacts accepts per account per day; the rest come back in retryContacts. */
  contactImportsPerDay: number;
}

export interface SandboxMtprotoOptions {
  codes: LoginCodeOptions;
  antiSpam: AntiSpamOptions;
  /** updates.getDifference gives at most this many events before answering with a slice. */
  differenceLimit: number;
  /**
   * A channel's getChannelDifference missing more events than this is answered with
   * ChannelDifferenceTooLong (Telegram drops old events from a channel's box).
   */
  channelDifferenceTooLongAfter: number;
  /**
   * Since layer 160 Telegram answers invites blocked by privacy with `missingInvitees`
   * instead of USER_PRIVACY_RESTRICTED; 'error' reproduces the older behaviour.
   */
  privacyRestrictedInvites: 'missing-invitees' | 'error';
}

export const DEFAULT_OPTIONS: SandboxMtprotoOptions = {
  codes: { types: ['app', 'sms', 'call'], length: 5, lifetimeSeconds: 300, resendTimeoutSeconds: 60, sendsPerNumber: 5, windowSeconds: 3600 },
  antiSpam: {
    methodLimits: {},
    strangerMessagesPerDay: 50,
    strangerInvitesPerDay: 50,
    contactImportsPerDay: 200,
  },
  differenceLimit: 100,
  channelDifferenceTooLongAfter: 100_000,
  privacyRestrictedInvites: 'missing-invitees',
};

export interface OptionsOverride {
  codes?: Partial<LoginCodeOptions>;
  antiSpam?: Partial<AntiSpamOptions>;
  differenceLimit?: number;
  channelDifferenceTooLongAfter?: number;
  privacyRestrictedInvites?: SandboxMtprotoOptions['privacyRestrictedInvites'];
}

export function resolveOptions(override: OptionsOverride = {}): SandboxMtprotoOptions {
  return {
    codes: { ...DEFAULT_OPTIONS.codes, ...override.codes },
    antiSpam: { ...DEFAULT_OPTIONS.antiSpam, ...override.antiSpam },
    differenceLimit: override.differenceLimit ?? DEFAULT_OPTIONS.differenceLimit,
    channelDifferenceTooLongAfter: override.channelDifferenceTooLongAfter ?? DEFAULT_OPTIONS.channelDifferenceTooLongAfter,
    privacyRestrictedInvites: override.privacyRestrictedInvites ?? DEFAULT_OPTIONS.privacyRestrictedInvites,
  };
}
