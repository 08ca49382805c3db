import { useTranslation } from 'react-i18next';
import { useStores } from '../stores/context';
import './disk-full-notice.css';

/**
 * Shown on every screen while the disk holding the data folder is full: until there is room,
 * nothing new is saved, and each call that would save says so. It goes away by itself.
 */
export function DiskFullNotice() {
  const { t } = useTranslation();
  const disk = useStores().useSystemStore((s) => s.disk);
  if (!disk?.full) return null;
  return (
    <div className="disk-full-notice" data-testid="disk-full" role="alert">
      <strong className="disk-full-notice-title">{t('diskFull.title')}</strong>
      <span>{t('diskFull.text', { folder: disk.folder })}</span>
    </div>
  );
}
