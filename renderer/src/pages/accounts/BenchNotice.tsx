import { useTranslation } from 'react-i18next';
import type { BenchView } from '../../../../shared/domain/outbox';
import { useStores } from '../../stores/context';
import { useUntilFormat } from '../../ui/use-date-format';

/**
 * An account Telegram limited with PEER_FLOOD: since when, why, what it holds back, when it
 * resumes by itself, and a button to resume now (once the operator believes the limit is over).
 */
export function BenchNotice({ bench, busy }: { bench: BenchView; busy: boolean }) {
  const { t } = useTranslation();
  const formatUntil = useUntilFormat();
  const unbench = useStores().useAccountsStore((s) => s.unbench);
  const again = useStores().useAccountsStore((s) => s.benchedAgain[bench.accountId] ?? false);
  return (
    <div className="conn-bench" role="group" aria-label={t('accounts.bench.title')} data-testid="account-bench" data-until={bench.until}>
      {again && (
        <p className="conn-bench-again" role="alert" data-testid="account-bench-again">
          {t('resume.refusedAgain', { until: formatUntil(bench.until) })}
        </p>
      )}
      <p className="conn-bench-text">
        <strong>{t('accounts.bench.title')}</strong>{' '}
        {t('accounts.bench.detail', { since: formatUntil(bench.since), until: formatUntil(bench.until), count: bench.waiting })}
        <span className="conn-bench-reason">{bench.reason}</span>
      </p>
      <button type="button" className="button button-small" data-testid="account-unbench" disabled={busy} onClick={() => void unbench(bench.accountId)}>
        {t('accounts.bench.resume')}
      </button>
    </div>
  );
}
