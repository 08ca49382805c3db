import { useEffect, type ReactNode } from 'react';
import { Controller, useForm, type FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { OPERATOR_ROLES } from '../../../../shared/domain/operators';
import { useStores } from '../../stores/context';
import type { OperatorProfile } from '../../stores/operators/operators-store';
import { Field } from '../../ui/Field';
import { profileResolver, senderKey, type ProfileFields } from './profile-fields';

/** A list field's refusal sits on the field or on one of its items ("languages.1"). */
function firstMessage(error: FieldErrors<ProfileFields>[keyof ProfileFields] | undefined): string | undefined {
  if (!error) return undefined;
  if (typeof error.message === 'string') return error.message;
  const items = Object.values(error as Record<string, { message?: string } | undefined>);
  return items.find((e) => typeof e?.message === 'string')?.message;
}

interface Props {
  initial: ProfileFields;
  submitLabel: string;
  busy: boolean;
  /** What the engine said when it refused, under the form. */
  refusal: ReactNode;
  onSubmit(profile: OperatorProfile): void;
  onCancel(): void;
}

/** An operator's profile: who they are, how much they take, and which accounts and bots they work. */
export function OperatorForm({ initial, submitLabel, busy, refusal, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const { useAccountsStore, useBotsStore } = useStores();
  const accounts = useAccountsStore((s) => s.items);
  const bots = useBotsStore((s) => s.items);
  const ensureAccounts = useAccountsStore((s) => s.ensureLoaded);
  const ensureBots = useBotsStore((s) => s.ensureLoaded);
  const { register, control, handleSubmit, watch, formState } = useForm<ProfileFields, unknown, OperatorProfile>({ defaultValues: initial, resolver: profileResolver });
  const role = watch('role');
  const invalid = (message: string | undefined) => message && t('team.form.invalid', { message });

  useEffect(() => {
    void ensureAccounts();
    void ensureBots();
  }, [ensureAccounts, ensureBots]);

  const senders = [
    ...accounts.map((a) => ({ key: senderKey({ kind: 'account', id: a.id }), name: [a.firstName, a.lastName].filter(Boolean).join(' ') || a.phone })),
    ...bots.map((b) => ({ key: senderKey({ kind: 'bot', id: b.id }), name: `@${b.username}` })),
  ];

  return (
    <form className="operator-form" noValidate onSubmit={(e) => void handleSubmit(onSubmit)(e)} data-testid="operator-form">
      <Field label={t('team.form.name')} error={invalid(formState.errors.name?.message)} testId="operator-name">
        {(a11y) => <input {...a11y} {...register('name')} type="text" autoComplete="off" data-testid="operator-name" />}
      </Field>
      <Field label={t('team.form.role')} hint={t(`team.form.roleHints.${role}`)}>
        {(a11y) => (
          <select {...a11y} {...register('role')} data-testid="operator-role">
            {OPERATOR_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`operatorRoles.${r}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="operator-form-row">
        <Field label={t('team.form.capacity')} hint={t('team.form.capacityHint')} error={invalid(formState.errors.capacity?.message)} testId="operator-capacity">
          {(a11y) => <input {...a11y} {...register('capacity')} type="text" inputMode="numeric" className="input-port" data-testid="operator-capacity" />}
        </Field>
        <Field label={t('team.form.languages')} hint={t('team.form.languagesHint')} error={invalid(firstMessage(formState.errors.languages))} testId="operator-languages">
          {(a11y) => <input {...a11y} {...register('languages')} type="text" autoComplete="off" spellCheck={false} data-testid="operator-languages" />}
        </Field>
      </div>
      <label className="inline-check">
        <input type="checkbox" {...register('autoAssign')} data-testid="operator-auto-assign" />
        {t('team.form.autoAssign')}
      </label>
      <fieldset className="operator-senders">
        <legend>{t('team.form.senders')}</legend>
        <p className="field-hint">{role === 'admin' ? t('team.form.sendersAdmin') : t('team.form.sendersHint')}</p>
        {senders.length === 0 ? (
          <p className="field-hint">{t('team.form.noSenders')}</p>
        ) : (
          <Controller
            control={control}
            name="senders"
            render={({ field }) => (
              <ul className="operator-sender-list">
                {senders.map((s) => (
                  <li key={s.key}>
                    <label className="inline-check">
                      <input
                        type="checkbox"
                        data-testid={`operator-sender-${s.key}`}
                        checked={field.value.includes(s.key)}
                        onChange={(e) => field.onChange(e.target.checked ? [...field.value, s.key] : field.value.filter((k) => k !== s.key))}
                      />
                      {s.name}
                    </label>
                  </li>
                ))}
              </ul>
            )}
          />
        )}
        {firstMessage(formState.errors.senders) && <p className="field-error">{invalid(firstMessage(formState.errors.senders))}</p>}
      </fieldset>
      {refusal}
      <div className="form-actions">
        <button type="submit" className="button button-primary" data-testid="operator-save" disabled={busy}>
          {submitLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('team.form.cancel')}
        </button>
      </div>
    </form>
  );
}
