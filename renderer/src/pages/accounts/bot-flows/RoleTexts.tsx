import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BOT_LANGUAGES, type BotLanguage } from '../../../../../shared/domain/bot-flows';
import { useStores } from '../../../stores/context';
import { textId } from '../../../stores/bot-flows/bot-flows-store';
import { roleName } from './role-name';
import { TextEditor } from './TextEditor';

/** One role's texts in one language at a time (the window's language first). */
export function RoleTexts({ role }: { role: string }) {
  const { t, i18n } = useTranslation();
  const { useBotFlowsStore } = useStores();
  const texts = useBotFlowsStore((s) => s.texts[role]);
  const error = useBotFlowsStore((s) => s.textsError[role] ?? null);
  const [language, setLanguage] = useState<BotLanguage>(i18n.language === 'ru' ? 'ru' : 'en');

  useEffect(() => {
    void useBotFlowsStore.getState().loadTexts(role);
  }, [role, useBotFlowsStore]);

  return (
    <div className="role-texts" data-testid="role-texts" data-role={role}>
      <div className="role-texts-head">
        <span className="role-texts-name">{roleName(t, role)}</span>
        <div className="role-texts-languages" role="group" aria-label={t('botFlows.texts')}>
          {BOT_LANGUAGES.map((lang) => (
            <button
              key={lang}
              type="button"
              className="button button-small"
              data-testid="text-language"
              data-language={lang}
              aria-pressed={language === lang}
              onClick={() => setLanguage(lang)}
            >
              {t(`botFlows.languages.${lang}`)}
            </button>
          ))}
        </div>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {t('botFlows.loadError', { message: error })}
        </p>
      )}
      {texts
        ?.filter((text) => text.language === language)
        .map((text) => (
          <TextEditor key={textId(text)} view={text} />
        ))}
    </div>
  );
}
