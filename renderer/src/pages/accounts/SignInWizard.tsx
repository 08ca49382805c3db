import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useStores } from '../../stores/context';
import { useDismissAfter } from '../../ui/use-dismiss-after';
import { accountName } from './AccountsList';
import { CodeStep } from './CodeStep';
import { PasswordStep } from './PasswordStep';
import { PhoneStep } from './PhoneStep';

const STEPS = ['phone', 'code', 'password'] as const;

/** Phone, code, two-step password: the wizard follows wherever the engine says the flow stands. */
export function SignInWizard() {
  const { t } = useTranslation();
  const { useSignInStore } = useStores();
  const phase = useSignInStore((s) => s.phase);
  const cancel = useSignInStore((s) => s.cancel);
  const ids = useId();
  // The account is already in the list; the note closes by itself.
  useDismissAfter(phase.step === 'done', () => void cancel());
  if (phase.step === 'closed') return null;

  const title =
    phase.step === 'code'
      ? t('accounts.signIn.codeTitle')
      : phase.step === 'password'
        ? t('accounts.signIn.passwordTitle')
        : phase.step === 'done'
          ? t('accounts.signIn.doneTitle')
          : t('accounts.signIn.title');

  return (
    <section className="signin" aria-labelledby={`${ids}-title`} data-testid="signin-wizard" data-step={phase.step}>
      <h3 id={`${ids}-title`} className="conn-form-title">
        {title}
      </h3>
      {phase.step !== 'done' && (
        <ol className="signin-steps" aria-label={t('accounts.signIn.stepsLabel')}>
          {STEPS.map((step) => (
            <li key={step} aria-current={step === phase.step ? 'step' : undefined}>
              {t(`accounts.signIn.steps.${step}`)}
            </li>
          ))}
        </ol>
      )}
      {phase.step === 'phone' && <PhoneStep />}
      {phase.step === 'code' && <CodeStep phase={phase} />}
      {phase.step === 'password' && <PasswordStep phase={phase} />}
      {phase.step === 'done' && (
        <div className="signin-form">
          <p className="form-saved" role="status" data-testid="signin-done">
            {t('accounts.signIn.done', { name: accountName(phase.account) || phase.account.phone, phone: phase.account.phone })}
          </p>
          <div className="form-actions">
            <button type="button" className="button" data-testid="signin-close" autoFocus onClick={() => void cancel()}>
              {t('accounts.signIn.close')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
