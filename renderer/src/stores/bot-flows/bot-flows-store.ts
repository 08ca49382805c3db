import { create, type StoreApi, type UseBoundStore } from 'zustand';
import type { BotRolesView, BotTextView } from '../../../../shared/domain/bot-flows';
import { errorMessage, type DeskClient } from '../../client/desk-client';

/** One text of one role in one language, as the engine names it. */
export type TextRef = Pick<BotTextView, 'role' | 'key' | 'language'>;

export const textId = (ref: TextRef) => `${ref.role}/${ref.key}/${ref.language}`;

export interface BotFlowsState {
  /** Each bot's roles, once asked for. */
  roles: Record<number, BotRolesView>;
  rolesError: Record<number, string | null>;
  rolesSaving: Record<number, boolean>;
  /** Each role's texts in every language, once asked for. */
  texts: Record<string, BotTextView[]>;
  textsError: Record<string, string | null>;
  /** Per text (`textId`): a save or reset in flight, and the engine's refusal. */
  textSaving: Record<string, boolean>;
  textError: Record<string, string | null>;
  loadRoles(botId: number): Promise<void>;
  setRoles(botId: number, roles: string[]): Promise<boolean>;
  loadTexts(role: string): Promise<void>;
  saveText(ref: TextRef, text: string): Promise<boolean>;
  resetText(ref: TextRef): Promise<boolean>;
  applyRoles(view: BotRolesView): void;
  applyText(view: BotTextView): void;
  /** After a reconnect: what was shown is asked for again. */
  reload(): void;
}

export type BotFlowsStore = UseBoundStore<StoreApi<BotFlowsState>>;

/** A bot's roles (inbox, rewards, team tasks) and the wording of what each role's bot says, per language. */
export function createBotFlowsStore(client: DeskClient): BotFlowsStore {
  return create<BotFlowsState>()((set, get) => {
    const applyText = (view: BotTextView) =>
      set((s) => {
        const list = s.texts[view.role];
        if (!list) return {};
        return { texts: { ...s.texts, [view.role]: list.map((t) => (textId(t) === textId(view) ? view : t)) } };
      });

    async function changeText(ref: TextRef, run: () => Promise<BotTextView>): Promise<boolean> {
      const id = textId(ref);
      set((s) => ({ textSaving: { ...s.textSaving, [id]: true }, textError: { ...s.textError, [id]: null } }));
      try {
        applyText(await run());
        set((s) => ({ textSaving: { ...s.textSaving, [id]: false } }));
        return true;
      } catch (error) {
        set((s) => ({ textSaving: { ...s.textSaving, [id]: false }, textError: { ...s.textError, [id]: errorMessage(error) } }));
        return false;
      }
    }

    return {
      roles: {},
      rolesError: {},
      rolesSaving: {},
      texts: {},
      textsError: {},
      textSaving: {},
      textError: {},
      async loadRoles(botId) {
        try {
          const view = await client.call('botFlows.roles', { botId });
          set((s) => ({ roles: { ...s.roles, [botId]: view }, rolesError: { ...s.rolesError, [botId]: null } }));
        } catch (error) {
          set((s) => ({ rolesError: { ...s.rolesError, [botId]: errorMessage(error) } }));
        }
      },
      async setRoles(botId, roles) {
        set((s) => ({ rolesSaving: { ...s.rolesSaving, [botId]: true }, rolesError: { ...s.rolesError, [botId]: null } }));
        try {
          get().applyRoles(await client.call('botFlows.setRoles', { botId, roles }));
          set((s) => ({ rolesSaving: { ...s.rolesSaving, [botId]: false } }));
          return true;
        } catch (error) {
          set((s) => ({ rolesSaving: { ...s.rolesSaving, [botId]: false }, rolesError: { ...s.rolesError, [botId]: errorMessage(error) } }));
          return false;
        }
      },
      async loadTexts(role) {
        try {
          const { texts } = await client.call('botFlows.texts', { role });
          set((s) => ({ texts: { ...s.texts, [role]: texts }, textsError: { ...s.textsError, [role]: null } }));
        } catch (error) {
          set((s) => ({ textsError: { ...s.textsError, [role]: errorMessage(error) } }));
        }
      },
      // A view carries more than its name; the engine takes exactly role, key and language.
      saveText: (ref, text) => changeText(ref, () => client.call('botFlows.setText', { role: ref.role, key: ref.key, language: ref.language, text })),
      resetText: (ref) => changeText(ref, () => client.call('botFlows.resetText', { role: ref.role, key: ref.key, language: ref.language })),
      applyRoles: (view) => set((s) => ({ roles: { ...s.roles, [view.botId]: view } })),
      applyText,
      reload() {
        const { roles, texts } = get();
        for (const botId of Object.keys(roles)) void get().loadRoles(Number(botId));
        for (const role of Object.keys(texts)) void get().loadTexts(role);
      },
    };
  });
}
