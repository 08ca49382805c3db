import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStores } from '../../stores/context';
import type { SignInPhase } from '../../stores/accounts/sign-in-store';
import { useFloodBlocked } from './error-text';
import { StepFooter } from './StepFooter';

type PasswordPhase = Extract<SignInPhase, { step: 'password' }>;

export function PasswordStep({ phase }: { phase: PasswordPhase }) {
  const { t } = useTranslation();
  const { useSignInStore } = useStores();
  const pending = useSignInStore((s) => s.pending);
  const error = useSignInStore((s) => s.error);
  const { submitPassword } = useSignInStore.getState();
  const blocked = useFloodBlocked(error);
  const [password, setPassword] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);

  // A wrong password is selected, so typing the right one replaces it.
  useEffect(() => {
    if (error?.code !== 'password_invalid') return;
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [error]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (pending || blocked || password === '') return;
    void submitPassword(password);
  };

  return (
    <form className="signin-form" onSubmit={onSubmit} noValidate>
      <p>{t('accounts.signIn.passwordIntro')}</p>
      <label className="conn-field">
        <span>{t('accounts.signIn.password')}</span>
        <input
          ref={inputRef}
          type="password"
          autoComplete="current-password"
          autoFocus
          data-testid="signin-password"
          value={password}
          aria-invalid={error?.code === 'password_invalid' ? true : undefined}
          onChange={(e) => setPassword(e.target.value)}
        />
        {phase.hint && (
          <span className="field-hint" data-testid="signin-hint">
            {t('accounts.signIn.hint', { hint: phase.hint })}
          </span>
        )}
      </label>
      <StepFooter
        submitTestId="signin-submit-password"
        label={t('accounts.signIn.submitPassword')}
        pendingLabel={t('accounts.signIn.checking')}
        disabled={blocked || password === ''}
      />
    </form>
  );
}
