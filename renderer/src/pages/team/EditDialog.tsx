import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskErrorShape } from '../../../../shared/contract/result';
import type { OperatorView } from '../../../../shared/domain/operators';
import { useStores } from '../../stores/context';
import type { OperatorProfile } from '../../stores/operators/operators-store';
import { Dialog } from '../../ui/Dialog';
import { OperatorForm } from './OperatorForm';
import { fieldsOf } from './profile-fields';
import { RefusalText } from './RefusalText';
import { useOperatorName } from '../../stores/operators/use-operator-name';

export function EditDialog({ operator, onClose }: { operator: OperatorView; onClose(): void }) {
  const { t } = useTranslation();
  const nameOf = useOperatorName();
  const update = useStores().useOperatorsStore((s) => s.update);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<DeskErrorShape | null>(null);

  const submit = async (profile: OperatorProfile) => {
    setBusy(true);
    setRefusal(null);
    const failed = await update(operator.id, profile);
    setBusy(false);
    if (failed) setRefusal(failed.error);
    else onClose();
  };

  return (
    <Dialog title={t('team.edit.title', { name: nameOf(operator) })} onClose={onClose} testId="edit-dialog" className="team-dialog">
      <OperatorForm
        initial={fieldsOf(operator)}
        submitLabel={t('team.edit.submit')}
        busy={busy}
        refusal={<RefusalText error={refusal} testId="edit-error" />}
        onSubmit={(profile) => void submit(profile)}
        onCancel={onClose}
      />
    </Dialog>
  );
}
