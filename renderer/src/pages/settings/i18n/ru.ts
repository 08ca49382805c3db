import type { RussianOf } from '../../../i18n/messages';
import type { settingsEn } from './en';

export const settingsRu: RussianOf<typeof settingsEn> = {
  settings: {
    title: 'Настройки',
    loading: 'Загрузка настроек…',
    loadError: 'Не удалось загрузить настройки: {{message}}',
    sections: {
      appearance: 'Внешний вид',
      storage: 'Хранение данных',
      intake: 'Приём по HTTP',
      workspace: 'Рабочее пространство',
    },
    language: 'Язык',
    languages: {
      en: 'English',
      ru: 'Русский',
    },
    theme: 'Тема',
    themes: {
      light: 'Светлая',
      dark: 'Тёмная',
      system: 'Как в системе',
    },
    workspace: 'Рабочее пространство',
    workspaces: {
      sandbox: 'Песочница (симулированный Telegram)',
      telegram: 'Настоящий Telegram',
    },
    workspaceNotChosen: 'Ещё не выбрано',
    workspaceHint:
      'При переключении ядро перезапускается на данных выбранного пространства: данные песочницы хранятся отдельно от настоящих, и ни те ни другие не теряются.',
    dataDir: 'Папка данных',
    dataDirHint:
      'Здесь хранятся база данных, медиафайлы и резервные копии. Изменение вступит в силу после перезапуска.',
    dataDirRequired: 'Укажите путь к папке.',
    intakeEnabled: 'Принимать номера телефонов и другие данные по локальному HTTP',
    intakePort: 'Порт',
    intakePortHint: 'Целое число от 1024 до 65535.',
    httpApi: {
      listening: 'Принимает запросы: {{url}}',
      failed: 'Не запущен: {{reason}}',
      off: 'Выключен. Включите его выше и сохраните, чтобы другие системы могли проверять состояние.',
      token: 'Токен API',
      show: 'Показать',
      hide: 'Скрыть',
      renew: 'Выпустить новый токен',
      hint: 'Другие системы передают его в заголовке «Authorization: Bearer <токен>». Новый токен сразу отменяет старый.',
    },
    intakePortInvalid: 'Порт должен быть целым числом от 1024 до 65535.',
    save: 'Сохранить',
    saving: 'Сохранение…',
    saved: 'Настройки сохранены.',
    saveError: 'Настройки не сохранены: {{message}}',
    fieldError: '{{field}}: {{message}}',
    fields: {
      language: 'Язык',
      theme: 'Тема',
      dataDir: 'Папка данных',
      workspace: 'Рабочее пространство',
      httpIntake: {
        enabled: 'Приём по HTTP',
        port: 'Порт',
      },
    },
  },
};
