import { ACTIVE_WITHIN_MS } from '../../../../shared/domain/operators';

/** A window says it is there three times within the engine's "active" window. */
export const HEARTBEAT_EVERY_MS = ACTIVE_WITHIN_MS / 3;
/** No pointer or key for this long: nobody attends the window, even if it is in front. */
export const IDLE_AFTER_MS = 5 * 60_000;

const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

export interface HeartbeatOptions {
  send(attending: boolean): void;
  /** The person set themselves away. */
  isAway(): boolean;
  /** Called when `isAway` may have changed; returns the unsubscribe. */
  onAwayChange(listener: () => void): () => void;
  now?: () => number;
  doc?: Document;
}

/**
 * Tells the engine every 10 s whether someone attends this window: it is visible, someone
 * touched a pointer or key within 5 minutes, and they did not set themselves away. A change of
 * any of these is sent at once, so presence follows the person, not the timer. Returns the stop.
 */
export function startHeartbeat({ send, isAway, onAwayChange, now = Date.now, doc = document }: HeartbeatOptions): () => void {
  let lastActivityAt = now();
  let lastSent: boolean | null = null;

  const attending = () => doc.visibilityState === 'visible' && now() - lastActivityAt < IDLE_AFTER_MS && !isAway();
  const beat = () => {
    lastSent = attending();
    send(lastSent);
  };
  const beatIfChanged = () => {
    if (attending() !== lastSent) beat();
  };
  const onActivity = () => {
    lastActivityAt = now();
    beatIfChanged();
  };

  beat();
  const timer = setInterval(beat, HEARTBEAT_EVERY_MS);
  const win = doc.defaultView ?? window;
  for (const type of ACTIVITY_EVENTS) win.addEventListener(type, onActivity, { passive: true, capture: true });
  doc.addEventListener('visibilitychange', beatIfChanged);
  const offAway = onAwayChange(beatIfChanged);
  return () => {
    clearInterval(timer);
    for (const type of ACTIVITY_EVENTS) win.removeEventListener(type, onActivity, { capture: true });
    doc.removeEventListener('visibilitychange', beatIfChanged);
    offAway();
  };
}
