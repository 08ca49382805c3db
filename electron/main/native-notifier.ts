import { Notification } from 'electron';
import type { Notifier } from '../engine/platform/notifier';

export const nativeNotifier: Notifier = {
  notify({ title, body }) {
    if (!Notification.isSupported()) return false;
    new Notification({ title, body }).show();
    return true;
  },
};
