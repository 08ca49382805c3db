import { writeStateFile, type SandboxState } from './state-file';

/** Quiet time after the last change before saving: a burst of events costs one write. */
const DEBOUNCE_MS = 500;
/** Under steady activity, save at least this often, so a crash loses only the last moments. */
const MAX_WAIT_MS = 5_000;

/**
 * Saves the sandbox's state a moment after it changes, one write at a time (each write takes
 * the state as it is then), and once more on stop.
 */
export function createStateSaver(options: { path: string; state: () => SandboxState; now: () => number; onError: (error: unknown) => void }) {
  let timer: NodeJS.Timeout | null = null;
  let pendingSince: number | null = null;
  let writing: Promise<void> = Promise.resolve();
  let stopped = false;

  function save(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    pendingSince = null;
    writing = writing.then(() => writeStateFile(options.path, options.state(), options.now())).catch(options.onError);
    return writing;
  }

  return {
    save,
    changed(): void {
      if (stopped) return;
      // Real time, not the world's clock: this paces disk writes, whatever time the world has.
      const now = Date.now();
      pendingSince ??= now;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void save(), Math.min(DEBOUNCE_MS, Math.max(0, pendingSince + MAX_WAIT_MS - now)));
    },
    /** The last save; nothing is scheduled after it. */
    stop(): Promise<void> {
      stopped = true;
      return save();
    },
  };
}
