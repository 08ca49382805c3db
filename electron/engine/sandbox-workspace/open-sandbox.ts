import { dirname, join } from 'node:path';
import type { Logger } from '../logging/logger';
import type { Clock } from '../platform/clock';
import { SnapshotError, type WorldCounters } from '../telegram/sandbox/world/snapshot';
import { readIdFloors } from './id-floors';
import { readStateFile, setAside } from './state-file';
import { openWorldFile, readWorldFile, setWorldFileAside, type RestoredWorld, type WorldFile } from './world-file';

/** Where the sandbox workspace keeps its simulated Telegram, inside its folder. */
export function sandboxPaths(dir: string) {
  return {
    world: join(dir, 'sandbox-world.sqlite'),
    /** What desks before the SQLite file kept (read once, then renamed `.imported`). */
    legacy: join(dir, 'sandbox-world.json'),
    floors: join(dir, 'sandbox-world.ids.json'),
  };
}

/**
 * The saved sandbox, or null to seed a fresh one. An unusable world is kept aside and replaced
 * by a fresh one whose ids start above the floors (id-floors.ts); without floors to go on, a
 * fresh world would hand out the old one's ids again, so the start is refused instead.
 */
export function openSandbox(paths: ReturnType<typeof sandboxPaths>, clock: Clock, log: Logger): { file: WorldFile; restored: RestoredWorld | null; floors: WorldCounters | null } {
  const fresh = (damaged: string, error: unknown, setAsideFile: typeof setAside) => {
    if (!(error instanceof SnapshotError)) throw error;
    const floors = readIdFloors(paths.floors);
    if (!floors) {
      throw new Error(
        `The sandbox's saved world (${damaged}) cannot be read (${(error as Error).message}), and ${paths.floors}, which lets a fresh world go on without reusing its ids, is missing or unreadable too. ` +
          `Move the folder ${dirname(paths.world)} away to start a fresh sandbox (the sandbox's desk data goes with it), or restore the file from a copy.`,
      );
    }
    const keptAs = setAsideFile(damaged, clock.now());
    log.warn({ err: error, keptAs }, 'the saved sandbox world could not be read: starting a fresh one after its ids (the old file is kept aside)');
    return { file: openWorldFile(paths.world), restored: null, floors };
  };
  let file: WorldFile;
  let restored: RestoredWorld | null;
  try {
    file = openWorldFile(paths.world);
  } catch (error) {
    return fresh(paths.world, error, setWorldFileAside);
  }
  try {
    restored = readWorldFile(file, clock);
  } catch (error) {
    file.close();
    return fresh(paths.world, error, setWorldFileAside);
  }
  if (restored) return { file, restored, floors: null };
  try {
    restored = readLegacy(paths.legacy, clock);
  } catch (error) {
    file.close();
    return fresh(paths.legacy, error, setAside);
  }
  return { file, restored, floors: restored ? null : readIdFloors(paths.floors) };
}

function readLegacy(path: string, clock: Clock): RestoredWorld | null {
  const restored = readStateFile(path, clock);
  return restored && { ...restored, keptLogs: null };
}
