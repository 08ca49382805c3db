import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStores } from '../../stores/context';

/** api_id as the engine takes it (a positive 32-bit number), or null. */
export function parseApiId(text: string): number | null {
  if (!/^\d{1,10}$/.test(text.trim())) return null;
  const n = Number(text.trim());
  return n >= 1 && n <= 2 ** 31 - 1 ? n : null;
}

/** The app-wide api_id/api_hash; the engine checks the hash's shape, Telegram the pair. */
export function DefaultApiForm({ onSaved }: { onSaved(): void }) {
  const { t } = useTranslation();
  const { useAccountsStore } = useStores();
  const saving = useAccountsStore((s) => s.savingDefaults);
  const error = useAccountsStore((s) => s.defaultsError);
  const setDefaultApi = useAccountsStore((s) => s.setDefaultApi);
  const ids = useId();
  const [apiId, setApiId] = useState('');
  const [apiHash, setApiHash] = useState('');
  const [savedId, setSavedId] = useState<number | null>(null);
  const parsedId = parseApiId(apiId);
  const idInvalid = apiId.trim() !== '' && parsedId === null;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving || parsedId === null || apiHash.trim() === '') return;
    setSavedId(null);
    if (await setDefaultApi(parsedId, apiHash.trim())) {
      setApiHash('');
      setSavedId(parsedId);
      onSaved();
    }
  };

  return (
    <form className="conn-subform" onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby={`${ids}-title`} data-testid="default-api">
      <h4 id={`${ids}-title`} className="conn-form-title">
        {t('accounts.defaultApi.title')}
      </h4>
      <p className="field-hint">{t('accounts.defaultApi.hint')}</p>
      <div className="conn-fields">
        <label className="conn-field">
          <span>{t('accounts.signIn.apiId')}</span>
          <input type="text" inputMode="numeric" data-testid="default-api-id" value={apiId} aria-invalid={idInvalid ? true : undefined} onChange={(e) => setApiId(e.target.value)} />
        </label>
        <label className="conn-field conn-grow">
          <span>{t('accounts.signIn.apiHash')}</span>
          <input type="password" autoComplete="off" spellCheck={false} data-testid="default-api-hash" value={apiHash} onChange={(e) => setApiHash(e.target.value)} />
        </label>
      </div>
      {idInvalid && <p className="field-error">{t('accounts.signIn.apiIdInvalid')}</p>}
      <div className="form-actions">
        <button type="submit" className="button" data-testid="default-api-save" disabled={saving || parsedId === null || apiHash.trim() === ''}>
          {saving ? t('accounts.defaultApi.saving') : t('accounts.defaultApi.save')}
        </button>
      </div>
      {savedId !== null && (
        <p className="form-saved" role="status" data-testid="default-api-saved">
          {t('accounts.defaultApi.saved', { apiId: savedId })}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert" data-testid="default-api-error">
          {t('accounts.defaultApi.error', { message: error.message })}
        </p>
      )}
    </form>
  );
}
