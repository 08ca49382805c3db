import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DiskState } from '../../../shared/domain/system';
import { PRIVATE_FILE_MODE } from './private-files';

/** Room a write must find before the disk counts as usable again: a few log lines and a transaction. */
const PROBE_BYTES = 64 * 1024;
const DEFAULT_RECHECK_MS = 5_000;

/** ENOSPC and EDQUOT from Node, SQLITE_FULL from SQLite (which maps the same errno to it). */
export function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL';
}

export function diskFullMessage(folder: string): string {
  return `The disk holding ${folder} is full, so this could not be saved. Free some space on it; the desk carries on by itself once there is room.`;
}

export function diskFullAtStartMessage(folder: string): string {
  return `The disk holding ${folder} is full. Free some space on it and start again; nothing was changed.`;
}

export interface DiskGuard {
  readonly folder: string;
  state(): DiskState;
  /** True when `error` says the disk is full; the guard then shows it and looks for space again until there is. */
  noteFailure(error: unknown): boolean;
  /** While full, tries a write now (a call is about to write); the state clears if it fits. */
  recheck(): void;
  subscribe(listener: (state: DiskState) => void): () => void;
  /** The engine stopped: no more looking for room, and the next run finds out afresh. */
  stop(): void;
}

/**
 * A full disk as a state rather than a crash: whoever meets ENOSPC or SQLITE_FULL reports it
 * here, the window is told, and a small write is tried now and then until one fits. Storage
 * itself needs no help to stay whole: SQLite rolls the failed transaction back.
 */
export function createDiskGuard(options: { folder: string; recheckMs?: number }): DiskGuard {
  const listeners = new Set<(state: DiskState) => void>();
  let full = false;
  let timer: NodeJS.Timeout | null = null;

  const state = (): DiskState => ({ full, folder: options.folder });
  const announce = () => listeners.forEach((listener) => listener(state()));

  function stopTimer(): void {
    if (timer) clearInterval(timer);
    timer = null;
  }

  function recheck(): void {
    if (!full) return;
    const probe = join(options.folder, '.space-check');
    try {
      writeFileSync(probe, Buffer.alloc(PROBE_BYTES), { mode: PRIVATE_FILE_MODE });
    } catch (error) {
      // Any other failure (the folder went away) is not this guard's to show.
      if (isDiskFull(error)) return;
    } finally {
      rmSync(probe, { force: true });
    }
    full = false;
    stopTimer();
    announce();
  }

  return {
    folder: options.folder,
    state,
    noteFailure(error) {
      if (!isDiskFull(error)) return false;
      if (full) return true;
      full = true;
      timer = setInterval(recheck, options.recheckMs ?? DEFAULT_RECHECK_MS);
      timer.unref();
      announce();
      return true;
    },
    recheck,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    stop() {
      stopTimer();
      full = false;
    },
  };
}
