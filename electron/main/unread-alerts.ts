import type { BrowserWindow } from 'electron';
import type { Engine } from '../engine/engine';
import type { Notifier } from '../engine/platform/notifier';

/**
 * While the window is not focused, each new incoming message raises a native notification
 * (one per burst, not one per message) and counts on the tray; focusing the window clears it.
 */
export function alertUnreadWhileAway(options: {
  engine: Engine;
  window: () => BrowserWindow | null;
  notifier: Notifier;
  setTrayCount: (count: number) => void;
}): () => void {
  let count = 0;
  let lastNotifiedAt = 0;
  const focused = () => options.window()?.isFocused() ?? false;

  const unsubscribe = options.engine.subscribe((events) => {
    const incoming = events.flatMap((e) => (e.type === 'messages.received' ? e.payload.messages.filter((m) => !m.outgoing) : []));
    if (incoming.length === 0 || focused()) return;
    count += incoming.length;
    options.setTrayCount(count);
    // A burst of messages is one alert; people do not want a notification per line.
    if (Date.now() - lastNotifiedAt < 5000) return;
    lastNotifiedAt = Date.now();
    const last = incoming[incoming.length - 1]!;
    options.notifier.notify({
      title: incoming.length === 1 ? last.senderName : `${incoming.length} new messages`,
      body: incoming.length === 1 ? last.text.slice(0, 200) || '[media]' : `Latest from ${last.senderName}: ${last.text.slice(0, 120)}`,
    });
  });

  const clear = () => {
    count = 0;
    options.setTrayCount(0);
  };
  const win = options.window();
  win?.on('focus', clear);
  return () => {
    unsubscribe();
    win?.off('focus', clear);
  };
}
