import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_DAILY_CAP, type DailyCapView } from '../../../../shared/domain/outbox';
import { useStores } from '../../stores/context';

/** Empty means no cap; otherwise a whole number the engine accepts. */
function parseCap(text: string): number | null | 'invalid' {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^\d+$/.test(trimmed)) return 'invalid';
  const cap = Number(trimmed);
  return cap <= MAX_DAILY_CAP ? cap : 'invalid';
}

function CapRow({ accountId, view }: { accountId: number; view: DailyCapView }) {
  const { t } = useTranslation();
  const { useDailyCapsStore } = useStores();
  const save = useDailyCapsStore((s) => s.save);
  const saving = useDailyCapsStore((s) => s.saving[accountId] === true);
  const ids = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? (view.cap === null ? '' : String(view.cap));
  const parsed = parseCap(text);
  const changed = draft !== null && parsed !== 'invalid' && parsed !== view.cap;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!changed) return;
    void save(accountId, view.action, parsed).then((saved) => saved && setDraft(null));
  };

  return (
    <form className="caps-row" data-testid="daily-cap" data-action={view.action} onSubmit={onSubmit} noValidate>
      <label htmlFor={`${ids}-cap`}>{t(`accounts.caps.actions.${view.action}`)}</label>
      <span className="caps-used" data-testid="daily-cap-used">
        {t('accounts.caps.sentToday', { count: view.sentToday })}
      </span>
      <input
        id={`${ids}-cap`}
        type="text"
        inputMode="numeric"
        data-testid="daily-cap-input"
        placeholder={t('accounts.caps.noCap')}
        value={text}
        aria-invalid={parsed === 'invalid' ? true : undefined}
        aria-describedby={`${ids}-hint`}
        onChange={(e) => setDraft(e.target.value)}
      />
      <button type="submit" className="button button-small" data-testid="daily-cap-save" disabled={!changed || saving}>
        {t('accounts.caps.save')}
      </button>
      {view.isDefault ? (
        <span className="caps-default">{t('accounts.caps.isDefault')}</span>
      ) : (
        <button type="button" className="button button-small" data-testid="daily-cap-default" disabled={saving} onClick={() => void save(accountId, view.action, 'default').then((saved) => saved && setDraft(null))}>
          {t('accounts.caps.useDefault')}
        </button>
      )}
      <span className="field-hint" id={`${ids}-hint`}>
        {parsed === 'invalid' ? t('accounts.caps.invalid', { max: MAX_DAILY_CAP }) : ''}
      </span>
    </form>
  );
}

/** A personal account's daily limits per kind of action, opened on demand under its row. */
export function DailyCaps({ accountId }: { accountId: number }) {
  const { t } = useTranslation();
  const { useDailyCapsStore } = useStores();
  const caps = useDailyCapsStore((s) => s.caps[accountId]);
  const error = useDailyCapsStore((s) => s.errors[accountId] ?? null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    if (open) void useDailyCapsStore.getState().load(accountId);
  }, [open, accountId, useDailyCapsStore]);

  return (
    <details className="caps" data-testid="daily-caps" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('accounts.caps.title')}</summary>
      <p className="field-hint">{t('accounts.caps.hint')}</p>
      {caps?.map((view) => <CapRow key={view.action} accountId={accountId} view={view} />)}
      {error && (
        <p className="form-error" role="alert" data-testid="daily-caps-error">
          {t('accounts.caps.error', { message: error })}
        </p>
      )}
    </details>
  );
}
