import type { RussianOf } from '../../../i18n/messages';
import type { logsEn } from './en';

export const logsRu: RussianOf<typeof logsEn> = {
  logs: {
    title: 'Журнал',
    tabsLabel: 'Разделы журнала',
    tabs: {
      logs: 'Журнал',
      audit: 'Аудит',
    },
    filters: 'Фильтры',
    minLevel: 'Минимальный уровень',
    levels: {
      debug: 'Отладка',
      info: 'Информация',
      warn: 'Предупреждение',
      error: 'Ошибка',
    },
    search: 'Поиск',
    searchPlaceholder: 'Текст в сообщении, источнике или подробностях',
    export: 'Экспорт в CSV',
    exporting: 'Экспорт…',
    exportError: 'Не удалось выполнить экспорт: {{message}}',
    loadOlder: 'Загрузить более ранние',
    loading: 'Загрузка…',
    empty: 'Нет записей, подходящих под эти фильтры.',
    error: 'Не удалось загрузить журнал: {{message}}',
    live: 'Новые записи появляются по мере их добавления.',
    columns: {
      time: 'Время',
      level: 'Уровень',
      scope: 'Источник',
      message: 'Сообщение',
      details: 'Подробности',
    },
    audit: {
      searchPlaceholder: 'Текст в авторе, действии, объекте или подробностях',
      empty: 'Нет записей аудита, подходящих под этот фильтр.',
      error: 'Не удалось загрузить журнал аудита: {{message}}',
      columns: {
        time: 'Время',
        actor: 'Кто',
        action: 'Действие',
        target: 'Объект',
        details: 'Подробности',
      },
    },
  },
  logScopes: {
    accounts: 'Аккаунты',
    bots: 'Боты',
    db: 'База данных',
    engine: 'Ядро',
    headless: 'Режим без окна',
    http: 'Локальный API',
    inbox: 'Входящие',
    outbox: 'Отправка',
    sandbox: 'Песочница',
    settings: 'Настройки',
    shell: 'Окно',
  },
};
