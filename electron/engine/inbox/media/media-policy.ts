import type { MediaKind } from '../../../../shared/domain/inbox';

/** Which media download by themselves as they arrive (the rest on demand). */
export interface MediaPolicy {
  kinds: readonly MediaKind[];
  maxBytes: number;
}

export const DEFAULT_MEDIA_POLICY: MediaPolicy = { kinds: ['photo', 'voice', 'video', 'document'], maxBytes: 20 * 1024 * 1024 };

/** The largest file handed to the window as a data URL. */
export const DATA_URL_LIMIT = 20 * 1024 * 1024;
