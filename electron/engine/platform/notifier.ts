export interface DeskNotification {
  title: string;
  body: string;
}

/** Shows a native notification where the host has one (Electron); headless mode has none. */
export interface Notifier {
  /** Returns whether a notification was actually shown. */
  notify(notification: DeskNotification): boolean;
}

export const silentNotifier: Notifier = { notify: () => false };
