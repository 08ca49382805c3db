/** English strings of the UI kit (renderer/src/ui); `ru.ts` beside it fills the same keys. */
export const uiEn = {
  ui: {
    confirm: {
      cancel: 'Cancel',
    },
    dialog: {
      close: 'Close',
    },
    table: {
      exportCsv: 'Export CSV',
      rows_one: '{{count}} row',
      rows_other: '{{count}} rows',
    },
    progress: {
      counts: '{{done}} of {{total}}',
      rate: '{{rate}} per minute',
      estimating: 'Working out the time left…',
      lessThanMinute: 'Less than a minute left',
      minutesLeft_one: 'About {{count}} minute left',
      minutesLeft_other: 'About {{count}} minutes left',
      hoursLeft_one: 'About {{count}} hour left',
      hoursLeft_other: 'About {{count}} hours left',
      finished: 'Finished',
    },
    copy: {
      copy: 'Copy',
      copied: 'Copied.',
      failed: 'Could not copy; select the text and copy it by hand.',
    },
    chart: {
      empty: 'Nothing to show yet',
    },
  },
} as const;
