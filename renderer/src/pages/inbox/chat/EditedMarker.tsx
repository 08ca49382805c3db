import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatMessage } from '../../../../../shared/domain/inbox';
import { useStores } from '../../../stores/context';
import { useInboxFormats } from '../format';

/** "edited": when the engine kept earlier texts, a click shows them, oldest first. */
export function EditedMarker({ message }: { message: ChatMessage }) {
  const { t } = useTranslation();
  const formats = useInboxFormats();
  const { useChatStore } = useStores();
  const entry = useChatStore((s) => s.edits[message.id]);
  const loadEdits = useChatStore((s) => s.loadEdits);
  const [open, setOpen] = useState(false);

  if (!message.hasEdits) return <span className="bubble-edited">{t('inbox.chat.edited')}</span>;
  return (
    <span className="bubble-edited-wrap">
      <button
        type="button"
        className="bubble-edited bubble-action"
        data-testid="message-edited"
        aria-expanded={open}
        onClick={() => {
          if (!open && entry?.state !== 'ready') void loadEdits(message.id);
          setOpen(!open);
        }}
      >
        {t('inbox.chat.edited')}
      </button>
      {open && (
        <span className="bubble-edits" data-testid="message-edits" role="group" aria-label={t('inbox.chat.earlierVersions')}>
          {(!entry || entry.state === 'loading') && t('common.loading')}
          {entry?.state === 'error' && t('inbox.chat.editsError', { message: entry.message })}
          {entry?.state === 'ready' &&
            entry.versions.map((v) => (
              <span key={v.editedAt} className="bubble-edit-version">
                <time>{formats.full(v.editedAt)}</time> {v.text}
              </span>
            ))}
        </span>
      )}
    </span>
  );
}
