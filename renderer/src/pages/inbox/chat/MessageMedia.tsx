import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatMessage, MediaView } from '../../../../../shared/domain/inbox';
import { useStores } from '../../../stores/context';
import { formatDuration, useInboxFormats } from '../format';
import { MediaKindIcon } from './media-icons';
import { photoFileName } from './PhotoViewer';
import { useSeen } from './use-in-view';

/** Photos and voice play inline, so they are fetched when seen; documents and video on request. */
const INLINE = new Set<MediaView['kind']>(['photo', 'voice']);

function DownloadState({ media }: { media: MediaView }) {
  const { t } = useTranslation();
  if (media.download === 'downloading') {
    const percent = Math.round((media.progress ?? 0) * 100);
    return (
      <span className="media-state">
        <progress max={100} value={percent} aria-label={t('inbox.media.downloading')} /> {t('inbox.media.progress', { percent })}
      </span>
    );
  }
  if (media.download === 'done' || media.download === 'none') return null;
  return <span className="media-state">{t(`inbox.media.download.${media.download}`)}</span>;
}

export function MessageMedia({ message, media }: { message: ChatMessage; media: MediaView }) {
  const { t } = useTranslation();
  const formats = useInboxFormats();
  const { useMediaStore } = useStores();
  const entry = useMediaStore((s) => s.entries[message.id]);
  const load = useMediaStore((s) => s.load);
  const view = useMediaStore((s) => s.view);
  const ref = useRef<HTMLDivElement>(null);
  const seen = useSeen(ref);
  const downloaded = media.download === 'done';

  useEffect(() => {
    if (seen && downloaded && INLINE.has(media.kind) && !entry) void load(message.id);
  }, [seen, downloaded, media.kind, entry, load, message.id]);

  const name = media.fileName ?? t(`inbox.media.kinds.${media.kind}`);
  // Files the engine did not keep (too large for a bot, refused) cannot be fetched from here.
  const fetchable = media.download !== 'too_large' && media.download !== 'downloading' && media.download !== 'queued';
  const fetchButton = fetchable && !entry && (
    <button type="button" className="button button-small" data-testid="media-fetch" onClick={() => void load(message.id)}>
      {media.kind === 'video' ? t('inbox.media.play') : t('inbox.media.fetch')}
    </button>
  );
  const ready = entry?.state === 'ready' ? entry : null;

  let body;
  if (media.kind === 'photo') {
    const ratio = media.width && media.height ? `${media.width} / ${media.height}` : undefined;
    body = ready ? (
      <button
        type="button"
        className="photo-open"
        data-testid="photo-open"
        aria-label={t('viewer.open')}
        onClick={() => view({ messageId: message.id, alt: name, fileName: photoFileName(media.fileName, ready.mimeType, message.date) })}
      >
        <img className="media-photo" src={ready.url} alt={name} style={{ aspectRatio: ratio }} />
      </button>
    ) : (
      <div className="media-box" style={{ aspectRatio: ratio }}>
        <MediaKindIcon kind="photo" width={28} height={28} />
        {!downloaded && fetchButton}
      </div>
    );
  } else if (media.kind === 'video') {
    body = ready ? (
      <video className="media-photo" src={ready.url} controls autoPlay />
    ) : (
      <div className="media-box">
        <MediaKindIcon kind="video" width={28} height={28} />
        {media.duration !== null && <span>{formatDuration(media.duration)}</span>}
        {fetchButton}
      </div>
    );
  } else if (media.kind === 'voice') {
    body = ready ? (
      <audio className="media-audio" src={ready.url} controls preload="metadata" aria-label={t('inbox.media.kinds.voice')} />
    ) : (
      <span className="media-file">
        <MediaKindIcon kind="voice" />
        {t('inbox.media.kinds.voice')} {media.duration !== null && formatDuration(media.duration)}
        {!downloaded && fetchButton}
      </span>
    );
  } else {
    body = (
      <span className="media-file">
        <MediaKindIcon kind={media.kind} />
        <span className="media-name">{name}</span>
        {media.size !== null && <span className="media-size">{formats.size(media.size)}</span>}
        {ready ? (
          <a className="button button-small" href={ready.url} download={media.fileName ?? undefined} data-testid="media-save">
            {t('inbox.media.save')}
          </a>
        ) : (
          fetchButton
        )}
      </span>
    );
  }

  return (
    <div ref={ref} className="media" data-testid="message-media" data-kind={media.kind} data-download={media.download}>
      {body}
      <DownloadState media={media} />
      {entry?.state === 'loading' && <span className="media-state">{t('common.loading')}</span>}
      {entry?.state === 'error' && (
        <span className="field-error" role="alert">
          {t('inbox.media.error', { message: entry.message })}
          <button type="button" className="button button-small" onClick={() => void load(message.id)}>
            {t('common.retry')}
          </button>
        </span>
      )}
    </div>
  );
}
