import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useStores } from '../../../stores/context';
import { currentRole } from '../../../stores/operators/me-store';
import { useOperatorName } from '../../../stores/operators/use-operator-name';

/** An admin's view of one operator's conversations; operators see only their own and the queues. */
export function OperatorFilter() {
  const { t } = useTranslation();
  const nameOf = useOperatorName();
  const { useConversationsStore, useOperatorsStore, useMeStore } = useStores();
  const admin = useMeStore((s) => currentRole(s.me) === 'admin');
  const operators = useOperatorsStore((s) => s.items);
  const ensureOperators = useOperatorsStore((s) => s.ensureLoaded);
  const assigneeId = useConversationsStore((s) => s.filter.assigneeId);
  const setFilter = useConversationsStore((s) => s.setFilter);
  const id = useId();

  useEffect(() => {
    if (admin) void ensureOperators();
  }, [admin, ensureOperators]);

  // With only the desk's own admin there is nobody else to look at.
  if (!admin || operators.length < 2) return null;
  return (
    <div className="inbox-operator-filter">
      <label className="visually-hidden" htmlFor={id}>
        {t('queue.byOperator')}
      </label>
      <select
        id={id}
        data-testid="filter-operator"
        value={assigneeId ?? ''}
        onChange={(e) => void setFilter({ assignee: undefined, assigneeId: e.target.value || undefined })}
      >
        <option value="">{t('queue.anyOperator')}</option>
        {operators.map((o) => (
          <option key={o.id} value={o.id}>
            {nameOf(o)}
          </option>
        ))}
      </select>
    </div>
  );
}
