import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStores } from '../../stores/context';
import type { PhoneInput } from '../../stores/accounts/sign-in-store';
import { DefaultApiForm, parseApiId } from './DefaultApiForm';
import { useFloodBlocked } from './error-text';
import { StepFooter } from './StepFooter';

type Problem = 'phoneRequired' | 'apiIdInvalid' | 'apiBoth' | 'apiMissing';

/** The phone number as typed (the engine normalises it) and, optionally, the account's own api pair. */
function readInput(phone: string, apiId: string, apiHash: string, hasDefaults: boolean): PhoneInput | Problem {
  if (phone.trim() === '') return 'phoneRequired';
  if (apiId.trim() === '' && apiHash.trim() === '') return hasDefaults ? { phone: phone.trim() } : 'apiMissing';
  if (apiId.trim() === '' || apiHash.trim() === '') return 'apiBoth';
  const id = parseApiId(apiId);
  return id === null ? 'apiIdInvalid' : { phone: phone.trim(), apiId: id, apiHash: apiHash.trim() };
}

export function PhoneStep() {
  const { t } = useTranslation();
  const { useSignInStore, useAccountsStore, useSystemStore } = useStores();
  // The sandbox answers without an api pair; saying one is missing there would send people to my.telegram.org for nothing.
  const inSandbox = useSystemStore((s) => s.status?.workspace === 'sandbox');
  const onRealTelegram = useSystemStore((s) => s.status?.workspace === 'telegram');
  const storedPhone = useSignInStore((s) => s.phone);
  const pending = useSignInStore((s) => s.pending);
  const error = useSignInStore((s) => s.error);
  const { startSignIn, clearError } = useSignInStore.getState();
  const defaults = useAccountsStore((s) => s.defaults);
  const blocked = useFloodBlocked(error);
  const ids = useId();
  const [phone, setPhone] = useState(storedPhone);
  const [apiId, setApiId] = useState('');
  const [apiHash, setApiHash] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [editDefaults, setEditDefaults] = useState(false);
  // Telegram refused the pair, so the way to fix the app-wide one is shown without a click.
  const showDefaults = editDefaults || problem === 'apiMissing' || error?.code === 'api_credentials_invalid' || error?.code === 'api_credentials_missing';

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (pending || blocked) return;
    // Real Telegram needs a pair before it is asked at all; until the workspace and the defaults are known, the engine decides.
    const input = readInput(phone, apiId, apiHash, !onRealTelegram || defaults === null || Boolean(defaults.apiId));
    if (typeof input === 'string') return setProblem(input);
    setProblem(null);
    void startSignIn(input);
  };

  return (
    <>
      <form className="signin-form" onSubmit={onSubmit} noValidate>
        <label className="conn-field">
          <span>{t('accounts.signIn.phone')}</span>
          <input
            type="tel"
            autoComplete="off"
            autoFocus
            data-testid="signin-phone"
            value={phone}
            aria-invalid={problem === 'phoneRequired' || error?.code === 'phone_invalid' ? true : undefined}
            aria-describedby={`${ids}-phone-hint`}
            onChange={(e) => setPhone(e.target.value)}
          />
          <span className="field-hint" id={`${ids}-phone-hint`}>
            {t('accounts.signIn.phoneHint')}
          </span>
        </label>
        <fieldset className="signin-own-api">
          <legend>{t('accounts.signIn.ownApi')}</legend>
          <p className="field-hint">{t('accounts.signIn.ownApiHint')}</p>
          <div className="conn-fields">
            <label className="conn-field">
              <span>{t('accounts.signIn.apiId')}</span>
              <input type="text" inputMode="numeric" data-testid="signin-api-id" value={apiId} onChange={(e) => setApiId(e.target.value)} />
            </label>
            <label className="conn-field conn-grow">
              <span>{t('accounts.signIn.apiHash')}</span>
              <input type="password" autoComplete="off" spellCheck={false} data-testid="signin-api-hash" value={apiHash} onChange={(e) => setApiHash(e.target.value)} />
            </label>
          </div>
        </fieldset>
        {problem && (
          <p className="field-error" data-testid={problem === 'apiMissing' ? 'signin-api-missing' : undefined}>
            {t(`accounts.signIn.${problem}`)}
          </p>
        )}
        <StepFooter submitTestId="signin-next" label={t('accounts.signIn.next')} pendingLabel={t('accounts.signIn.sending')} disabled={blocked} />
      </form>
      <div className="signin-defaults">
        <span className="field-hint">
          {defaults?.apiId ? t('accounts.signIn.defaults', { apiId: defaults.apiId }) : inSandbox ? t('accounts.signIn.sandboxNeedsNoApi') : t('accounts.signIn.noDefaults')}
        </span>
        {!showDefaults && !(inSandbox && !defaults?.apiId) && (
          <button type="button" className="button-link" data-testid="default-api-edit" onClick={() => setEditDefaults(true)}>
            {defaults?.apiId ? t('accounts.signIn.changeDefaults') : t('accounts.signIn.setDefaults')}
          </button>
        )}
      </div>
      {showDefaults && (
        <DefaultApiForm
          onSaved={() => {
            // Keep the form (and its "saved" note) open after the refusal that opened it is cleared.
            setEditDefaults(true);
            clearError();
          }}
        />
      )}
    </>
  );
}
