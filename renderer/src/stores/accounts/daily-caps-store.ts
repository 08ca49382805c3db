import { create } from 'zustand';
import type { DailyCapView, OutboxAction } from '../../../../shared/domain/outbox';
import { errorMessage, type DeskClient } from '../../client/desk-client';

export interface DailyCapsState {
  /** Each personal account's caps per kind of action, once asked for. */
  caps: Record<number, DailyCapView[]>;
  errors: Record<number, string | null>;
  saving: Record<number, boolean>;
  load(accountId: number): Promise<void>;
  /** A number caps the kind per day, null removes the cap, 'default' returns to the desk's default. */
  save(accountId: number, action: OutboxAction, cap: number | null | 'default'): Promise<boolean>;
}

/** Daily caps per kind of action on personal accounts (the outbox holds what goes over them until midnight). */
export function createDailyCapsStore(client: DeskClient) {
  return create<DailyCapsState>()((set) => {
    const settle = (accountId: number, patch: { caps?: DailyCapView[]; error: string | null }) =>
      set((s) => ({
        caps: patch.caps ? { ...s.caps, [accountId]: patch.caps } : s.caps,
        errors: { ...s.errors, [accountId]: patch.error },
        saving: { ...s.saving, [accountId]: false },
      }));
    return {
      caps: {},
      errors: {},
      saving: {},
      async load(accountId) {
        try {
          settle(accountId, { caps: (await client.call('outbox.dailyCaps', { accountId })).caps, error: null });
        } catch (error) {
          settle(accountId, { error: errorMessage(error) });
        }
      },
      async save(accountId, action, cap) {
        set((s) => ({ saving: { ...s.saving, [accountId]: true } }));
        try {
          settle(accountId, { caps: (await client.call('outbox.setDailyCap', { accountId, action, cap })).caps, error: null });
          return true;
        } catch (error) {
          settle(accountId, { error: errorMessage(error) });
          return false;
        }
      },
    };
  });
}
