import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SandboxTarget } from '../../../../shared/domain/sandbox';
import { useStores } from '../../stores/context';
import { TELEGRAM_LIMITS, type TelegramLimit } from '../../stores/sandbox/sandbox-store';

/** "End all sessions" asks first, inline, with Cancel focused (as Reset does). */
function RevokeSessions({ account }: { account: SandboxTarget }) {
  const { t } = useTranslation();
  const { useSandboxStore } = useStores();
  const revoking = useSandboxStore((s) => s.revoking === account.id);
  const revokeError = useSandboxStore((s) => (s.revokeError?.targetId === account.id ? s.revokeError.message : null));
  const revokeSessions = useSandboxStore((s) => s.revokeSessions);
  const ids = useId();
  const [confirming, setConfirming] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !revoking) setConfirming(false);
  };
  const confirm = async () => {
    if (await revokeSessions(account.id)) setConfirming(false);
  };

  return (
    <dd>
      {confirming ? (
        <div className="sandbox-confirm" role="group" aria-labelledby={`${ids}-ask`} onKeyDown={onKeyDown}>
          <p id={`${ids}-ask`}>{t('sandbox.info.revokeAsk', { name: account.name })}</p>
          <div className="form-actions">
            <button type="button" className="button button-danger button-small" data-testid="sandbox-revoke-confirm" data-id={account.id} disabled={revoking} onClick={() => void confirm()}>
              {revoking ? t('sandbox.info.revoking') : t('sandbox.info.revokeConfirm')}
            </button>
            <button type="button" className="button button-small" data-testid="sandbox-revoke-cancel" ref={cancelRef} disabled={revoking} onClick={() => setConfirming(false)}>
              {t('sandbox.info.revokeCancel')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="button button-small" data-testid="sandbox-revoke" data-id={account.id} disabled={account.sessions === 0} onClick={() => setConfirming(true)}>
          {t('sandbox.info.revoke')}
        </button>
      )}
      {revokeError && (
        <p className="form-error" role="alert">
          {t('sandbox.info.revokeError', { message: revokeError })}
        </p>
      )}
    </dd>
  );
}

/** Telegram pushing back on the account, to see what the desk's outbox does about it. */
function TelegramLimits({ account }: { account: SandboxTarget }) {
  const { t, i18n } = useTranslation();
  const impose = useStores().useSandboxStore((s) => s.impose);
  const [until, setUntil] = useState<{ limit: TelegramLimit; at: number } | null>(null);
  const run = async (limit: TelegramLimit) => {
    const at = await impose(account.id, limit);
    if (at !== null) setUntil({ limit, at });
  };
  return (
    <dd className="sandbox-limits">
      {(Object.keys(TELEGRAM_LIMITS) as TelegramLimit[]).map((limit) => (
        <button key={limit} type="button" className="button button-small" data-testid={`sandbox-${limit}`} data-id={account.id} onClick={() => void run(limit)}>
          {t(`sandbox.info.limits.${limit}`, { seconds: TELEGRAM_LIMITS[limit].seconds })}
        </button>
      ))}
      {until && (
        <p className="field-hint" role="status" data-testid="sandbox-limit-until">
          {t(`sandbox.info.limits.${until.limit}Until`, { time: new Date(until.at).toLocaleTimeString(i18n.language) })}
        </p>
      )}
    </dd>
  );
}

/** What a person would need to sign in to a sandbox account, and what a real phone would show. */
export function AccountTarget({ account }: { account: SandboxTarget }) {
  const { t } = useTranslation();
  return (
    <div data-testid="sandbox-info-account" data-id={account.id}>
      <dt>{account.name}</dt>
      <dd>
        {t('sandbox.info.phone')}: <code className="sandbox-code">{account.phone ?? '—'}</code>
      </dd>
      <dd>
        {t('sandbox.info.password')}: <code className="sandbox-code">{account.password ?? t('sandbox.info.noPassword')}</code>
      </dd>
      <dd data-testid="sandbox-last-code" data-id={account.id}>
        {t('sandbox.info.lastCode')}: <code className="sandbox-code">{account.lastCode ?? t('sandbox.info.noCode')}</code>
      </dd>
      <dd data-testid="sandbox-sessions" data-id={account.id}>
        {t('sandbox.info.sessions', { count: account.sessions })}
      </dd>
      <TelegramLimits account={account} />
      <RevokeSessions account={account} />
    </div>
  );
}
