import { useTranslation } from 'react-i18next';
import type { InviteLink } from '../../../../shared/domain/operators';
import { CopyButton } from '../../ui/CopyButton';
import { useDateTimeFormat } from '../../ui/use-date-format';

/** The one-time link and the hub's fingerprint: the two things to pass to the new operator. */
export function InviteLinkView({ invite, fingerprint }: { invite: InviteLink; fingerprint: string | null }) {
  const { t } = useTranslation();
  const format = useDateTimeFormat();
  return (
    <div className="invite-link" data-testid="invite-link">
      <p>{t('team.invite.linkIntro')}</p>
      <div className="copy-row">
        <code className="copy-value" data-testid="invite-url">
          {invite.url}
        </code>
        <CopyButton text={invite.url} testId="invite-copy" />
      </div>
      <p className="field-hint" data-testid="invite-expiry">
        {t('team.invite.expires', { time: format(invite.expiresAt) })}
      </p>
      {fingerprint ? (
        <>
          <p>{t('team.invite.fingerprintIntro')}</p>
          <div className="copy-row">
            <code className="copy-value fingerprint" data-testid="invite-fingerprint">
              {fingerprint}
            </code>
            <CopyButton text={fingerprint} testId="invite-fingerprint-copy" />
          </div>
        </>
      ) : (
        <p className="field-hint" data-testid="invite-not-shared">
          {t('team.invite.notShared')}
        </p>
      )}
    </div>
  );
}
