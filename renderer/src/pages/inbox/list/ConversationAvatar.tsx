import type { CSSProperties } from 'react';

/** Dark enough for white initials on both themes (contrast 4.5:1 or more). */
const AVATAR_COLORS = ['#c0392b', '#a84f00', '#7b4fc9', '#2e7d32', '#00796b', '#1565c0', '#ad1457'];

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The first character of the first two words ("Anna Petrova" → "AP"), an emoji kept whole. */
export function initials(title: string): string {
  return title
    .trim()
    .split(/\s+/)
    .slice(0, 2)
    .map((word) => graphemes.segment(word)[Symbol.iterator]().next().value?.segment ?? '')
    .join('')
    .toUpperCase();
}

/**
 * Initials on a colour that follows the conversation, as Telegram shows a chat without a photo.
 * The engine keeps no profile photos yet; when it does, the photo takes this place.
 */
export function ConversationAvatar({ id, title }: { id: number; title: string }) {
  const style = { '--avatar-color': AVATAR_COLORS[id % AVATAR_COLORS.length] } as CSSProperties;
  return (
    <span className="conv-avatar" data-testid="conversation-avatar" style={style} aria-hidden="true">
      {initials(title)}
    </span>
  );
}
