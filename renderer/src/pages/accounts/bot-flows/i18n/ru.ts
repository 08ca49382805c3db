import type { RussianOf } from '../../../../i18n/messages';
import type { botFlowsEn } from './en';

export const botFlowsRu: RussianOf<typeof botFlowsEn> = {
  botFlows: {
    title: 'Роли и тексты бота',
    rolesLegend: 'Чем занимается бот',
    rolesHint: 'Команды, кнопки и сообщения роли попадают к ней; всё остальное — во входящие.',
    roleNames: {
      inbox: 'Поддержка (входящие)',
      rewards: 'Награды',
      'team-tasks': 'Задачи команды',
    },
    rolesError: 'Роли не сохранены: {{message}}',
    texts: 'Тексты бота',
    textsHint: 'Что бот пишет людям — на языке их Telegram. Тексты принадлежат роли: все боты с этой ролью пишут одинаково.',
    noTexts: 'Дайте боту роль помимо поддержки, чтобы править его тексты.',
    languages: { en: 'Английский', ru: 'Русский' },
    variables: 'Сохраните:',
    defaultText: 'По умолчанию: {{text}}',
    isDefault: 'по умолчанию',
    edited: 'изменён',
    save: 'Сохранить',
    reset: 'Вернуть по умолчанию',
    problems: {
      empty: 'Текст пуст. Напишите что-нибудь или верните текст по умолчанию.',
      tooLong: 'Слишком длинно: с подставленными значениями может выйти {{length}} символов, а в одно сообщение Telegram входит {{max}}.',
      missingVariables_one: 'Сохраните {{names}}: бот подставляет туда значение для каждого человека.',
      missingVariables_few: 'Сохраните {{names}}: бот подставляет туда значения для каждого человека.',
      missingVariables_many: 'Сохраните {{names}}: бот подставляет туда значения для каждого человека.',
      missingVariables_other: 'Сохраните {{names}}: бот подставляет туда значения для каждого человека.',
      unknownVariables_one: 'Бот не умеет подставлять {{names}}. Используйте только переменные из списка выше.',
      unknownVariables_few: 'Бот не умеет подставлять {{names}}. Используйте только переменные из списка выше.',
      unknownVariables_many: 'Бот не умеет подставлять {{names}}. Используйте только переменные из списка выше.',
      unknownVariables_other: 'Бот не умеет подставлять {{names}}. Используйте только переменные из списка выше.',
    },
    saveError: 'Не сохранено: {{message}}',
    loadError: 'Не удалось загрузить: {{message}}',
  },
};
