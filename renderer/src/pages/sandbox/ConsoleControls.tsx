import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SandboxStatus } from '../../../../shared/domain/sandbox';
import { useStores } from '../../stores/context';

/** The interval the engine accepts, or null. */
function parseSeconds(text: string): number | null {
  if (!/^\d{1,4}$/.test(text.trim())) return null;
  const n = Number(text.trim());
  return n >= 1 && n <= 3600 ? n : null;
}

/** Scripted people writing, joining and blocking by themselves, every N seconds. */
export function AutoActivity({ value }: { value: SandboxStatus['autoActivity'] }) {
  const { t } = useTranslation();
  const { useSandboxStore } = useStores();
  const autoError = useSandboxStore((s) => s.autoError);
  const setAutoActivity = useSandboxStore((s) => s.setAutoActivity);
  const ids = useId();
  const [seconds, setSeconds] = useState(String(value.everySeconds));
  const parsed = parseSeconds(seconds);

  // A new interval applies at once while people are already acting; otherwise with the toggle.
  const commitInterval = () => {
    if (value.enabled && parsed !== null && parsed !== value.everySeconds) void setAutoActivity(true, parsed);
  };

  return (
    <section className="sandbox-card" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`} className="sandbox-card-title">
        {t('sandbox.auto.title')}
      </h2>
      <div className="field-inline">
        <input
          id={`${ids}-auto`}
          type="checkbox"
          data-testid="sandbox-auto"
          checked={value.enabled}
          disabled={parsed === null}
          onChange={(e) => void setAutoActivity(e.target.checked, parsed ?? value.everySeconds)}
        />
        <label htmlFor={`${ids}-auto`}>{t('sandbox.auto.label')}</label>
      </div>
      <label className="sandbox-field sandbox-interval">
        <span>{t('sandbox.auto.interval')}</span>
        <input
          type="text"
          inputMode="numeric"
          data-testid="sandbox-auto-interval"
          value={seconds}
          aria-invalid={parsed === null ? true : undefined}
          onChange={(e) => setSeconds(e.target.value)}
          onBlur={commitInterval}
          onKeyDown={(e) => e.key === 'Enter' && commitInterval()}
        />
      </label>
      {parsed === null && <p className="field-error">{t('sandbox.auto.intervalInvalid')}</p>}
      {autoError && (
        <p className="form-error" role="alert">
          {t('sandbox.auto.error', { message: autoError })}
        </p>
      )}
    </section>
  );
}

/** Reset throws the simulated world away, so it asks first, inline, with Cancel focused. */
export function ResetSandbox() {
  const { t } = useTranslation();
  const { useSandboxStore } = useStores();
  const resetting = useSandboxStore((s) => s.resetting);
  const resetError = useSandboxStore((s) => s.resetError);
  const reset = useSandboxStore((s) => s.reset);
  const ids = useId();
  const [confirming, setConfirming] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const resetRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);

  const cancel = () => {
    setConfirming(false);
    // Focus goes back to where the operator started rather than to the page body.
    requestAnimationFrame(() => resetRef.current?.focus());
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !resetting) cancel();
  };
  const confirm = async () => {
    if (await reset()) setConfirming(false);
  };

  return (
    <section className="sandbox-card" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`} className="sandbox-card-title">
        {t('sandbox.reset.title')}
      </h2>
      <p className="field-hint">{t('sandbox.reset.hint')}</p>
      {confirming ? (
        <div className="sandbox-confirm" role="group" aria-labelledby={`${ids}-ask`} onKeyDown={onKeyDown} data-testid="sandbox-reset-confirmation">
          <p id={`${ids}-ask`}>{t('sandbox.reset.ask')}</p>
          <div className="form-actions">
            <button
              type="button"
              className="button button-danger"
              data-testid="sandbox-reset-confirm"
              disabled={resetting}
              onClick={() => void confirm()}
            >
              {resetting ? t('sandbox.reset.resetting') : t('sandbox.reset.confirm')}
            </button>
            <button type="button" className="button" data-testid="sandbox-reset-cancel" ref={cancelRef} disabled={resetting} onClick={cancel}>
              {t('sandbox.reset.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="button" data-testid="sandbox-reset" ref={resetRef} onClick={() => setConfirming(true)}>
          {t('sandbox.reset.button')}
        </button>
      )}
      {resetError && (
        <p className="form-error" role="alert">
          {t('sandbox.reset.error', { message: resetError })}
        </p>
      )}
    </section>
  );
}
