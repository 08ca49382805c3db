import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskErrorShape } from '../../../../shared/contract/result';
import type { InviteLink } from '../../../../shared/domain/operators';
import { useStores } from '../../stores/context';
import type { OperatorProfile } from '../../stores/operators/operators-store';
import { Dialog } from '../../ui/Dialog';
import { InviteLinkView } from './InviteLinkView';
import { OperatorForm } from './OperatorForm';
import { EMPTY_PROFILE } from './profile-fields';
import { RefusalText } from './RefusalText';

/** The hub's fingerprint, loaded with the dialog that hands it out. */
function useFingerprint(): string | null {
  const { useTeamStore } = useStores();
  const fingerprint = useTeamStore((s) => s.value?.fingerprint ?? null);
  const loaded = useTeamStore((s) => s.value !== null || s.loading);
  const load = useTeamStore((s) => s.load);
  useEffect(() => {
    if (!loaded) void load();
  }, [loaded, load]);
  return fingerprint;
}

/** A new operator: their profile, then the one-time link to pass on. */
export function InviteDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const invite = useStores().useOperatorsStore((s) => s.invite);
  const fingerprint = useFingerprint();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<DeskErrorShape | null>(null);
  const [link, setLink] = useState<InviteLink | null>(null);

  const submit = async (profile: OperatorProfile) => {
    setBusy(true);
    setRefusal(null);
    const result = await invite(profile);
    setBusy(false);
    if ('invite' in result) setLink(result.invite);
    else setRefusal(result.error);
  };

  return (
    <Dialog title={t('team.invite.title')} onClose={onClose} testId="invite-dialog" className="team-dialog">
      {link ? (
        <>
          <InviteLinkView invite={link} fingerprint={fingerprint} />
          <div className="form-actions">
            {/* The form that had focus is gone: Done takes it, so Escape and Enter still work. */}
            <button type="button" className="button button-primary" data-testid="invite-done" autoFocus onClick={onClose}>
              {t('team.invite.done')}
            </button>
          </div>
        </>
      ) : (
        <OperatorForm
          initial={EMPTY_PROFILE}
          submitLabel={t('team.invite.submit')}
          busy={busy}
          refusal={<RefusalText error={refusal} testId="invite-error" />}
          onSubmit={(profile) => void submit(profile)}
          onCancel={onClose}
        />
      )}
    </Dialog>
  );
}

/** A fresh link for someone who lost theirs: the old password and sessions stop working. */
export function ReinviteDialog({ operatorId, name, onClose }: { operatorId: string; name: string; onClose(): void }) {
  const { t } = useTranslation();
  const reinvite = useStores().useOperatorsStore((s) => s.reinvite);
  const fingerprint = useFingerprint();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<DeskErrorShape | null>(null);
  const [link, setLink] = useState<InviteLink | null>(null);

  const run = async () => {
    setBusy(true);
    setRefusal(null);
    const result = await reinvite(operatorId);
    setBusy(false);
    if ('invite' in result) setLink(result.invite);
    else setRefusal(result.error);
  };

  return (
    <Dialog title={t('team.reinvite.title', { name })} onClose={onClose} testId="reinvite-dialog" className="team-dialog">
      {link ? (
        <InviteLinkView invite={link} fingerprint={fingerprint} />
      ) : (
        <>
          <p>{t('team.reinvite.warning')}</p>
          <RefusalText error={refusal} testId="reinvite-error" />
        </>
      )}
      <div className="form-actions">
        {link ? (
          <button key="done" type="button" className="button button-primary" data-testid="invite-done" autoFocus onClick={onClose}>
            {t('team.invite.done')}
          </button>
        ) : (
          <>
            <button type="button" className="button button-primary" data-testid="reinvite-confirm" disabled={busy} onClick={() => void run()}>
              {t('team.reinvite.confirm')}
            </button>
            <button type="button" className="button" onClick={onClose}>
              {t('team.form.cancel')}
            </button>
          </>
        )}
      </div>
    </Dialog>
  );
}
