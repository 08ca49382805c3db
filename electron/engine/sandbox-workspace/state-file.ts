import { existsSync, readFileSync, renameSync } from 'node:fs';
import { z } from 'zod';
import type { Clock } from '../platform/clock';
import { botApiSnapshotSchema, type BotApiSnapshot } from '../telegram/sandbox/bot-api/index';
import { mtprotoSnapshotSchema, type MtprotoSnapshot } from '../telegram/sandbox/mtproto/index';
import { findSeeded, seededIdsSchema, type SeededWorld } from '../telegram/sandbox/people/seed-world';
import { expectVersion, parseSnapshot, SnapshotError } from '../telegram/sandbox/world/snapshot';
import { SandboxWorld } from '../telegram/sandbox/world/world';

/**
 * The sandbox workspace's simulated Telegram as desks before world-file.ts kept it
 * (`sandbox-world.json`, saved a moment after changes): read once, to carry it over.
 */
const STATE_FILE_VERSION = 1;

const stateFileSchema = z.object({
  version: z.literal(STATE_FILE_VERSION),
  savedAt: z.number(),
  /** Checked by SandboxWorld.restore, which knows its own format and version. */
  world: z.unknown(),
  mtproto: mtprotoSnapshotSchema,
  botApi: botApiSnapshotSchema,
  seeded: seededIdsSchema,
});

export interface RestoredSandbox {
  world: SandboxWorld;
  seeded: SeededWorld;
  mtproto: MtprotoSnapshot;
  botApi: BotApiSnapshot;
}

/** The sandbox the file describes; null when there is no file; a SnapshotError when it is unusable. */
export function readStateFile(path: string, clock: Clock): RestoredSandbox | null {
  if (!existsSync(path)) return null;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new SnapshotError(`The sandbox state file is not JSON: ${(error as Error).message}`);
  }
  expectVersion(data, STATE_FILE_VERSION, 'sandbox state file');
  const state = parseSnapshot(stateFileSchema, data, 'sandbox state file');
  const world = SandboxWorld.restore(state.world, { clock });
  return { world, seeded: findSeeded(world, state.seeded), mtproto: state.mtproto, botApi: state.botApi };
}


/** Moves an unusable file out of the way (kept for a look), returning where it went. */
export function setAside(path: string, now: number): string {
  const aside = `${path}.broken-${new Date(now).toISOString().replace(/[:.]/g, '-')}`;
  renameSync(path, aside);
  return aside;
}
