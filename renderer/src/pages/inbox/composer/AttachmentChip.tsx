import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../../stores/inbox/composer-store';
import { useInboxFormats } from '../format';

export function AttachmentChip({ attachment: a, onRemove }: { attachment: Attachment; onRemove(): void }) {
  const { t } = useTranslation();
  const formats = useInboxFormats();
  const percent = Math.round(a.progress * 100);
  return (
    <div className="composer-chip" data-testid="composer-attachment" data-state={a.state}>
      <span className="media-name">{a.fileName}</span>
      <span className="media-size">{formats.size(a.size)}</span>
      {a.state === 'uploading' && (
        <>
          <progress max={100} value={percent} aria-label={t('inbox.composer.uploading')} />
          <span>{t('inbox.media.progress', { percent })}</span>
        </>
      )}
      {a.state === 'ready' && <span>{t('inbox.composer.uploaded')}</span>}
      {a.state === 'failed' && (
        <span className="field-error" role="alert">
          {t('inbox.composer.uploadFailed', { message: a.error ?? '' })}
        </span>
      )}
      <button type="button" className="button button-small" data-testid="composer-attachment-remove" onClick={onRemove}>
        {t('inbox.composer.remove')}
      </button>
    </div>
  );
}
