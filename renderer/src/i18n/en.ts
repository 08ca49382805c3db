/** English strings. `ru.ts` must have exactly the same keys (checked by type and by test). */
export const en = {
  app: {
    name: 'Telegram Operator Desk',
    skipToContent: 'Skip to content',
  },
  nav: {
    label: 'Sections',
    shortcut: 'Alt+{{key}}',
    areas: {
      inbox: 'Inbox',
      contacts: 'Contacts',
      campaigns: 'Campaigns',
      invites: 'Invites',
      rewards: 'Rewards',
      team: 'Team tasks',
      statistics: 'Statistics',
      accounts: 'Accounts & bots',
      logs: 'Logs',
      settings: 'Settings',
      sandbox: 'Sandbox console',
    },
  },
  placeholder: {
    notAvailable: 'This section is not available in this build yet.',
    descriptions: {
      inbox:
        'One inbox for every chat of every connected account and bot, updated in real time. Operators see the chats assigned to them and reply with text and media.',
      contacts:
        'Contacts gathered from Telegram (an account’s own contacts, members of groups and channels), added by hand or imported from CSV, with each contact’s message history.',
      campaigns:
        'A message template sent to a chosen set of contacts at a pace Telegram accepts, then monitored with per-campaign statistics.',
      invites:
        'Mass invitation into a channel by phone number: numbers arrive by webhook, wait in a queue and are worked through by a pool of accounts, with an outcome for every number.',
      rewards:
        'Tasks for bot users (subscribe to a channel, join a group), screenshot proofs reviewed by operators, and balances credited for completed tasks.',
      team: 'Teams, task lists and tasks with assignees and deadlines. Changes appear live, and people are reminded in the app or by the bot when a task is overdue.',
      statistics:
        'Statistics per group, channel, user and campaign, and invitation history by day and week.',
      accounts:
        'Personal Telegram accounts, signed in with phone number, code and two-step password, and bots: added, started and stopped without a restart, with health monitoring.',
    },
  },
  connection: {
    label: 'Connection to the engine',
    connected: 'Engine reachable',
    connecting: 'Connecting to the engine…',
    reconnecting: 'Reconnecting (attempt {{attempt}})',
    offline: 'Engine offline',
  },
  mode: {
    label: 'Run mode',
    electron: 'Desktop',
    headless: 'Headless',
    unknown: 'Mode unknown',
  },
  common: {
    retry: 'Try again',
    loading: 'Loading…',
  },
  settings: {
    title: 'Settings',
    loading: 'Loading settings…',
    loadError: 'Could not load the settings: {{message}}',
    sections: {
      appearance: 'Appearance',
      storage: 'Storage',
      intake: 'HTTP intake',
      workspace: 'Workspace',
    },
    language: 'Language',
    languages: {
      en: 'English',
      ru: 'Русский',
    },
    theme: 'Theme',
    themes: {
      light: 'Light',
      dark: 'Dark',
      system: 'Same as the system',
    },
    workspace: 'Workspace',
    workspaces: {
      sandbox: 'Sandbox (simulated Telegram)',
      telegram: 'Real Telegram',
    },
    workspaceNotChosen: 'Not chosen yet',
    workspaceHint:
      'Switching restarts the engine on that workspace’s own data: sandbox data is kept apart from real data, and neither is lost.',
    dataDir: 'Data folder',
    dataDirHint: 'Where the database, media and backups are kept. A change takes effect after a restart.',
    dataDirRequired: 'Enter a folder path.',
    intakeEnabled: 'Accept phone numbers and other data over local HTTP',
    intakePort: 'Port',
    intakePortHint: 'A whole number from 1024 to 65535.',
    intakePortInvalid: 'The port must be a whole number from 1024 to 65535.',
    save: 'Save',
    saving: 'Saving…',
    saved: 'Settings saved.',
    saveError: 'The settings were not saved: {{message}}',
    fieldError: '{{field}}: {{message}}',
    fields: {
      language: 'Language',
      theme: 'Theme',
      dataDir: 'Data folder',
      workspace: 'Workspace',
      httpIntake: {
        enabled: 'HTTP intake',
        port: 'Port',
      },
    },
  },
  logs: {
    title: 'Logs',
    tabsLabel: 'Log views',
    tabs: {
      logs: 'Logs',
      audit: 'Audit',
    },
    filters: 'Filters',
    minLevel: 'Minimum level',
    levels: {
      debug: 'Debug',
      info: 'Info',
      warn: 'Warning',
      error: 'Error',
    },
    search: 'Search',
    searchPlaceholder: 'Text in message, scope or details',
    export: 'Export CSV',
    exporting: 'Exporting…',
    exportError: 'The export failed: {{message}}',
    loadOlder: 'Load older',
    loading: 'Loading…',
    empty: 'No log entries match these filters.',
    error: 'Could not load the log: {{message}}',
    live: 'New entries appear as they are written.',
    columns: {
      time: 'Time',
      level: 'Level',
      scope: 'Scope',
      message: 'Message',
      details: 'Details',
    },
    audit: {
      searchPlaceholder: 'Text in actor, action, target or details',
      empty: 'No audit entries match this filter.',
      error: 'Could not load the audit log: {{message}}',
      columns: {
        time: 'Time',
        actor: 'Actor',
        action: 'Action',
        target: 'Target',
        details: 'Details',
      },
    },
  },
  sandbox: {
    banner: {
      label: 'Sandbox workspace',
      title: 'Sandbox',
      text: 'A simulated Telegram. Nothing here reaches real Telegram.',
      open: 'Open console',
    },
    inactive: 'The sandbox console works only in the sandbox workspace. You can switch workspaces in Settings.',
    openSettings: 'Open Settings',
    loadError: 'Could not load the sandbox: {{message}}',
    people: {
      title: 'People',
      empty: 'The sandbox has no people.',
      addToGroups: {
        everybody: 'Anyone may add to groups',
        contacts: 'Only contacts may add to groups',
        nobody: 'Nobody may add to groups',
      },
      inChannel: 'In channel',
      blockedBot: 'Blocked the bot',
    },
    kinds: {
      account: 'Accounts',
      bot: 'Bots',
      channel: 'Channels',
      group: 'Groups',
    },
    act: {
      title: 'Act as {{name}}',
      groups: {
        write: 'Write to',
        chats: 'Channel or group',
        bots: 'Bot',
      },
      text: 'Message (or caption for a screenshot)',
      actions: {
        write: 'Send',
        screenshot: 'Send screenshot',
        join: 'Join',
        leave: 'Leave',
        block: 'Block the bot',
        unblock: 'Unblock the bot',
      },
      error: 'Not done: {{message}}',
    },
    feed: {
      title: 'Activity',
      empty: 'Nothing has happened yet.',
      route: '{{from}} → {{to}}',
      kinds: {
        message: 'Message',
        screenshot: 'Screenshot',
        join: 'Joined',
        leave: 'Left',
        block: 'Blocked',
        unblock: 'Unblocked',
        edit: 'Edited',
        delete: 'Deleted',
      },
    },
    info: {
      title: 'Connect to the sandbox',
      botApi: 'Bot API URL',
      botApiOff: 'The sandbox’s Bot API is not running.',
      botApiHint: 'Any bot can use it: in grammY, set client.apiRoot to this URL.',
      copy: 'Copy',
      copied: 'Copied.',
      copyFailed: 'Could not copy; select the address and copy it by hand.',
      bots: 'Bots',
      accounts: 'Accounts',
      phone: 'Phone',
      password: 'Two-step password',
      noPassword: 'none',
    },
    auto: {
      title: 'Scripted people',
      label: 'People act on their own',
      interval: 'Every (seconds)',
      intervalInvalid: 'A whole number of seconds from 1 to 3600.',
      error: 'Could not change it: {{message}}',
    },
    reset: {
      title: 'Reset',
      hint: 'Throws away the simulated world and everything done in the sandbox, and starts fresh. Real data is not touched.',
      button: 'Reset sandbox',
      ask: 'Reset the sandbox? Everything in it will be lost.',
      confirm: 'Yes, reset',
      cancel: 'Cancel',
      resetting: 'Resetting…',
      error: 'The sandbox was not reset: {{message}}',
    },
  },
  workspace: {
    choice: {
      title: 'How do you want to start?',
      intro: 'Choose what the desk works with.',
      later:
        'You can change this in Settings. Switching restarts the engine; sandbox data is always kept apart from real data.',
      error: 'The choice was not saved: {{message}}',
    },
    options: {
      sandbox: {
        title: 'Try the sandbox',
        description:
          'A simulated Telegram on this computer, with people who write, join channels and block bots; nothing reaches real Telegram.',
      },
      telegram: {
        title: 'Connect real Telegram',
        description: 'Sign in with your real accounts and bots and work with real chats.',
      },
    },
  },
} as const;

type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The shape every language must fill. */
export type Messages = Widen<typeof en>;
