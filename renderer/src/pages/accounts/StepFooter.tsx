import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useStores } from '../../stores/context';
import { SignInError } from './SignInError';

/**
 * The end of every sign-in step: the last refusal, the step's submit button (its label while
 * the engine works), anything the step adds (resend), and Cancel, which drops the whole flow.
 */
export function StepFooter(p: { submitTestId: string; label: string; pendingLabel: string; disabled: boolean; children?: ReactNode }) {
  const { t } = useTranslation();
  const { useSignInStore } = useStores();
  const pending = useSignInStore((s) => s.pending);
  const cancel = useSignInStore((s) => s.cancel);
  return (
    <>
      <SignInError />
      <div className="form-actions">
        <button type="submit" className="button button-primary" data-testid={p.submitTestId} disabled={pending || p.disabled}>
          {pending ? p.pendingLabel : p.label}
        </button>
        {p.children}
        <button type="button" className="button" data-testid="signin-cancel" onClick={() => void cancel()}>
          {t('accounts.signIn.cancel')}
        </button>
      </div>
    </>
  );
}
