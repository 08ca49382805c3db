import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStores } from '../../stores/context';

/** Where other systems reach the desk and the token they need; the token stays hidden until asked. */
export function HttpApiInfo() {
  const { t } = useTranslation();
  const { useHttpApiStore, useSettingsStore } = useStores();
  const info = useHttpApiStore((s) => s.info);
  const error = useHttpApiStore((s) => s.error);
  const renewing = useHttpApiStore((s) => s.renewing);
  const load = useHttpApiStore((s) => s.load);
  const renewToken = useHttpApiStore((s) => s.renewToken);
  const intake = useSettingsStore((s) => s.value?.httpIntake);
  const [shown, setShown] = useState(false);

  // The server follows the saved settings, so its address is read again after each save.
  useEffect(() => {
    void load();
  }, [load, intake?.enabled, intake?.port]);

  if (!info) return error ? <p className="field-error">{error}</p> : null;
  return (
    <div className="field" data-testid="http-api-info">
      <p className="field-hint" data-testid="http-api-status">
        {info.url
          ? t('settings.httpApi.listening', { url: `${info.url}/api/health` })
          : info.error
            ? t('settings.httpApi.failed', { reason: info.error })
            : t('settings.httpApi.off')}
      </p>
      <label>{t('settings.httpApi.token')}</label>
      <div className="field-inline">
        <code className="sandbox-code" data-testid="http-api-token">
          {shown ? info.token : '•'.repeat(16)}
        </code>
        <button type="button" className="button button-small" onClick={() => setShown((v) => !v)}>
          {shown ? t('settings.httpApi.hide') : t('settings.httpApi.show')}
        </button>
        <button type="button" className="button button-small" data-testid="http-api-renew" disabled={renewing} onClick={() => void renewToken()}>
          {t('settings.httpApi.renew')}
        </button>
      </div>
      <p className="field-hint">{t('settings.httpApi.hint')}</p>
    </div>
  );
}
