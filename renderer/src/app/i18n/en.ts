/** English strings of the shell domain; `ru.ts` beside it fills the same keys (checked by type and by test). */
export const shellEn = {
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
      team: 'Team',
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
    },
  },
  connection: {
    label: 'Connection to the engine',
    connecting: 'Connecting to the engine…',
    reconnecting: 'Reconnecting (attempt {{attempt}})',
    offline: 'Engine offline',
  },
  common: {
    retry: 'Try again',
    loading: 'Loading…',
  },
  diskFull: {
    title: 'Disk full',
    text: 'The disk holding {{folder}} is full. Nothing new can be saved until there is room: free some space on it and the desk carries on by itself.',
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
