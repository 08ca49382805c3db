import type { RussianOf } from '../../i18n/messages';
import type { uiEn } from './en';

export const uiRu: RussianOf<typeof uiEn> = {
  ui: {
    confirm: {
      cancel: 'Отмена',
    },
    dialog: {
      close: 'Закрыть',
    },
    table: {
      exportCsv: 'Выгрузить CSV',
      rows_one: '{{count}} строка',
      rows_few: '{{count}} строки',
      rows_many: '{{count}} строк',
      rows_other: '{{count}} строки',
    },
    progress: {
      counts: '{{done}} из {{total}}',
      rate: '{{rate}} в минуту',
      estimating: 'Оцениваем оставшееся время…',
      lessThanMinute: 'Осталось меньше минуты',
      minutesLeft_one: 'Осталось около {{count}} минуты',
      minutesLeft_few: 'Осталось около {{count}} минут',
      minutesLeft_many: 'Осталось около {{count}} минут',
      minutesLeft_other: 'Осталось около {{count}} минуты',
      hoursLeft_one: 'Осталось около {{count}} часа',
      hoursLeft_few: 'Осталось около {{count}} часов',
      hoursLeft_many: 'Осталось около {{count}} часов',
      hoursLeft_other: 'Осталось около {{count}} часа',
      finished: 'Готово',
    },
    copy: {
      copy: 'Копировать',
      copied: 'Скопировано.',
      failed: 'Не удалось скопировать — выделите текст и скопируйте вручную.',
    },
    chart: {
      empty: 'Пока нечего показать',
    },
  },
};
