import { useTranslation } from 'react-i18next';
import type { InviteLink } from '../../../../shared/domain/operators';
import { CopyRow } from '../../ui/CopyButton';
import { useDateTimeFormat } from '../../ui/use-date-format';

/** The one-time link and the hub's fingerprint: the two things to pass to the new operator. */
export function InviteLinkView({ invite, fingerprint }: { invite: InviteLink; fingerprint: string | null }) {
  const { t } = useTranslation();
  const format = useDateTimeFormat();
  return (
    <div className="invite-link" data-testid="invite-link">
      <p>{t('team.invite.linkIntro')}</p>
      <CopyRow value={invite.url} testId="invite-url" copyTestId="invite-copy" />
      <p className="field-hint" data-testid="invite-expiry">
        {t('team.invite.expires', { time: format(invite.expiresAt) })}
      </p>
      {fingerprint ? (
        <>
          <p>{t('team.invite.fingerprintIntro')}</p>
          <CopyRow value={fingerprint} testId="invite-fingerprint" className="fingerprint" />
        </>
      ) : (
        <p className="field-hint" data-testid="invite-not-shared">
          {t('team.invite.notShared')}
        </p>
      )}
    </div>
  );
}
