import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStores } from '../../stores/context';
import type { SignInPhase } from '../../stores/accounts/sign-in-store';
import { formatCountdown, secondsUntil, useNow } from '../../ui/use-now';
import { useFloodBlocked } from './error-text';
import { StepFooter } from './StepFooter';

type CodePhase = Extract<SignInPhase, { step: 'code' }>;

/** "Send the code by SMS" once Telegram allows it; a countdown until then. */
function Resend({ phase, expired }: { phase: CodePhase; expired: boolean }) {
  const { t } = useTranslation();
  const { useSignInStore } = useStores();
  const pending = useSignInStore((s) => s.pending);
  const { resendCode, startOver } = useSignInStore.getState();
  const now = useNow(phase.resendAt !== null && phase.nextVia !== null);

  if (phase.nextVia === null) {
    // No other method to ask for: an expired code needs a whole new sign-in.
    if (!expired) return null;
    return (
      <button type="button" className="button" data-testid="signin-restart" onClick={startOver}>
        {t('accounts.signIn.startOver')}
      </button>
    );
  }
  const left = phase.resendAt === null ? 0 : secondsUntil(phase.resendAt, now);
  // An expired code may be replaced at once; waiting out the countdown would help nobody.
  if (left > 0 && !expired) {
    return (
      <p className="field-hint" data-testid="signin-resend-countdown">
        {t('accounts.signIn.resendIn', { left: formatCountdown(left) })}
      </p>
    );
  }
  return (
    <button type="button" className="button" data-testid="signin-resend" disabled={pending} onClick={() => void resendCode()}>
      {t(`accounts.signIn.resendVia.${phase.nextVia}`)}
    </button>
  );
}

export function CodeStep({ phase }: { phase: CodePhase }) {
  const { t } = useTranslation();
  const { useSignInStore } = useStores();
  const pending = useSignInStore((s) => s.pending);
  const error = useSignInStore((s) => s.error);
  const { submitCode } = useSignInStore.getState();
  const blocked = useFloodBlocked(error);
  const [code, setCode] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);

  // A wrong code stays in the field, selected, so the operator can fix a digit or retype it.
  useEffect(() => {
    if (error?.code !== 'code_invalid') return;
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [error]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (pending || blocked || code.trim() === '') return;
    void submitCode(code.trim());
  };

  return (
    <form className="signin-form" onSubmit={onSubmit} noValidate>
      <p data-testid="signin-sent-via">{t(`accounts.signIn.sentVia.${phase.sentVia}`, { phone: phase.phone })}</p>
      <label className="conn-field">
        <span>{t('accounts.signIn.code')}</span>
        <input
          ref={inputRef}
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          autoFocus
          className="signin-code"
          data-testid="signin-code"
          maxLength={phase.codeLength ?? 8}
          value={code}
          aria-invalid={error?.code === 'code_invalid' ? true : undefined}
          onChange={(e) => setCode(e.target.value)}
        />
        {phase.codeLength && <span className="field-hint">{t('accounts.signIn.codeLength', { count: phase.codeLength })}</span>}
      </label>
      <StepFooter
        submitTestId="signin-submit-code"
        label={t('accounts.signIn.submitCode')}
        pendingLabel={t('accounts.signIn.checking')}
        disabled={blocked || code.trim() === ''}
      >
        <Resend phase={phase} expired={error?.code === 'code_expired'} />
      </StepFooter>
    </form>
  );
}
