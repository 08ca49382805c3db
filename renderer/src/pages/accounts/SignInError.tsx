import { useTranslation } from 'react-i18next';
import { useStores } from '../../stores/context';
import { ErrorText } from './error-text';

/** The wizard's last refusal; an expired flow can only start over, so that is offered here. */
export function SignInError() {
  const { t } = useTranslation();
  const { useSignInStore } = useStores();
  const error = useSignInStore((s) => s.error);
  const startOver = useSignInStore((s) => s.startOver);
  if (!error) return null;
  return (
    <div className="form-error signin-error" role="alert">
      <span data-testid="signin-error">
        <ErrorText error={error} />
      </span>
      {error.code === 'sign_in_expired' && (
        <button type="button" className="button button-small" data-testid="signin-restart" onClick={startOver}>
          {t('accounts.signIn.startOver')}
        </button>
      )}
    </div>
  );
}
