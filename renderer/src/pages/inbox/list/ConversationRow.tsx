import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationView } from '../../../../../shared/domain/inbox';
import { MediaKindIcon } from '../chat/media-icons';
import { useInboxFormats } from '../format';
import { ConversationAvatar } from './ConversationAvatar';
import { HolderChip } from './HolderChip';
import { SourceChip } from './SourceChip';
import { StatusChip } from './StatusChip';
import './label-chip.css';

/** Every row has the same height, so the virtual list needs no measuring at 100,000 rows. */
export const ROW_HEIGHT = 64;

/** Labels shown on a row; the rest are counted, so the preview keeps its room. */
const ROW_LABELS = 2;

interface Props {
  conversation: ConversationView;
  selected: boolean;
  onOpen(id: number): void;
}

function Preview({ conversation }: { conversation: ConversationView }) {
  const { t } = useTranslation();
  const last = conversation.lastMessage;
  if (!last) return <span className="conv-preview conv-preview-empty">{t('inbox.list.noMessages')}</span>;
  const who = last.outgoing ? t('inbox.list.you') : conversation.kind === 'private' ? null : last.senderName;
  return (
    <span className="conv-preview">
      {who && <span className="conv-preview-who">{t('inbox.list.sender', { name: who })}</span>}
      {last.mediaKind && (
        <span className="conv-preview-media">
          <MediaKindIcon kind={last.mediaKind} width={14} height={14} />
          {!last.text && t(`inbox.media.kinds.${last.mediaKind}`)}
        </span>
      )}
      {last.text}
    </span>
  );
}

export const ConversationRow = memo(function ConversationRow({ conversation: c, selected, onOpen }: Props) {
  const { t } = useTranslation();
  const formats = useInboxFormats();
  return (
    <button
      type="button"
      className="conv-row"
      data-testid="conversation-row"
      data-id={c.id}
      data-unread={c.unreadCount > 0 ? 'true' : 'false'}
      aria-current={selected ? 'true' : undefined}
      onClick={() => onOpen(c.id)}
    >
      <ConversationAvatar id={c.id} title={c.title} />
      <span className="conv-main">
        <span className="conv-line">
          <span className="conv-title">{c.title}</span>
          <SourceChip source={c.source} />
          <time className="conv-time" dateTime={new Date(c.lastActivityAt).toISOString()}>
            {formats.listTime(c.lastActivityAt)}
          </time>
        </span>
        <span className="conv-line">
          <Preview conversation={c} />
          {/* Open is what every new conversation is; only the other statuses tell something. */}
          {c.status !== 'open' && <StatusChip status={c.status} />}
          <HolderChip conversation={c} />
          {c.labels.slice(0, ROW_LABELS).map((label) => (
            <span key={label.id} className="conv-label" style={{ borderColor: label.color }} title={label.name}>
              <span className="conv-label-dot" style={{ background: label.color }} aria-hidden="true" />
              <span className="conv-label-name">{label.name}</span>
            </span>
          ))}
          {c.labels.length > ROW_LABELS && (
            <span className="conv-label" title={c.labels.slice(ROW_LABELS).map((l) => l.name).join(', ')}>
              +{c.labels.length - ROW_LABELS}
            </span>
          )}
          {c.unreadCount > 0 && (
            <span className="conv-unread" aria-label={t('inbox.list.unread', { count: c.unreadCount })}>
              {c.unreadCount}
            </span>
          )}
        </span>

      </span>
    </button>
  );
});
