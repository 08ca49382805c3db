import { useTranslation } from 'react-i18next';
import { useStores } from '../stores/context';
import { currentRole } from '../stores/operators/me-store';

/**
 * Shown on every screen while the engine serves the sandbox, so nobody mistakes simulated
 * people and messages for real ones. It follows the running workspace (`system.status`), not
 * the saved setting, because that is what the data on screen comes from.
 */
export function SandboxBanner() {
  const { t } = useTranslation();
  const { useSystemStore, useNavigationStore, useMeStore } = useStores();
  // The console acts as simulated people: an admin's tool.
  const admin = useMeStore((s) => currentRole(s.me) === 'admin');
  const inSandbox = useSystemStore((s) => s.status?.workspace === 'sandbox');
  const onConsole = useNavigationStore((s) => s.area === 'sandbox');
  const go = useNavigationStore((s) => s.go);
  if (!inSandbox) return null;
  return (
    <div className="sandbox-banner" data-testid="sandbox-banner" role="region" aria-label={t('sandbox.banner.label')}>
      <strong className="sandbox-banner-title">{t('sandbox.banner.title')}</strong>
      <span className="sandbox-banner-text">{t('sandbox.banner.text')}</span>
      {admin && !onConsole && (
        <button type="button" className="sandbox-banner-button" data-testid="sandbox-banner-open" onClick={() => go('sandbox')}>
          {t('sandbox.banner.open')}
        </button>
      )}
    </div>
  );
}
