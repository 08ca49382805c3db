import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SandboxFeedItem } from '../../../../shared/domain/sandbox';
import { useStores } from '../../stores/context';
import { useTimeFormat } from '../../ui/use-date-format';

/** A glyph per kind so the feed scans at a glance; the kind is also written out beside it. */
const KIND_GLYPHS: Record<SandboxFeedItem['kind'], string> = {
  message: '✉',
  screenshot: '▣',
  join: '+',
  leave: '−',
  block: '⊘',
  unblock: '↺',
  edit: '✎',
  delete: '✕',
};

/** What happens in the simulated Telegram, newest first, as the engine reports it. */
export function ActivityFeed() {
  const { t } = useTranslation();
  const feed = useStores().useSandboxStore((s) => s.feed);
  const formatTime = useTimeFormat();
  const ids = useId();
  return (
    <section className="sandbox-card" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`} className="sandbox-card-title">
        {t('sandbox.feed.title')}
      </h2>
      {feed.length === 0 && <p className="field-hint">{t('sandbox.feed.empty')}</p>}
      <ol className="sandbox-feed" data-testid="sandbox-feed">
        {feed.map((item) => (
          <li key={item.id} className="sandbox-feed-item" data-testid="sandbox-feed-item" data-id={item.id} data-kind={item.kind}>
            <time className="sandbox-feed-time" dateTime={new Date(item.at).toISOString()}>
              {formatTime(item.at)}
            </time>
            <span className={`sandbox-kind kind-${item.kind}`}>
              <span aria-hidden="true">{KIND_GLYPHS[item.kind]}</span> {t(`sandbox.feed.kinds.${item.kind}`)}
            </span>
            <span className="sandbox-feed-route">
              {t('sandbox.feed.route', { from: item.fromName, to: item.toName })}
            </span>
            {item.text && <span className="sandbox-feed-text">{item.text}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
