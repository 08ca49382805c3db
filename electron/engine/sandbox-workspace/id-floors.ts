import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { z } from 'zod';
import type { WorldCounters } from '../telegram/sandbox/world/snapshot';

/**
 * The sandbox's id floors (`sandbox-world.ids.json`): for each world-wide counter (users, bots,
 * chats, messages, callback queries), a value no id handed out so far reaches. They are reserved
 * in blocks, so this small file is written seldom, and it lives apart from the world's own file:
 * when that one is damaged, a fresh world starts above these floors instead of handing out the
 * lost world's ids again (every other id, a box's message ids, a bot's update_ids, a pts, is
 * numbered per user, bot or chat, so new users, bots and chats start those afresh safely).
 */
const BLOCK = 1_000;
const int = z.number().int();
const floorsSchema = z.object({
  version: z.literal(1),
  floors: z.object({ nextUserId: int, nextBotId: int, nextGroupId: int, nextChannelId: int, nextUid: int, nextQueryId: int }),
});

/** The floors kept in `path`, or null when it is missing or cannot be read. */
export function readIdFloors(path: string): WorldCounters | null {
  if (!existsSync(path)) return null;
  try {
    const parsed = floorsSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data.floors : null;
  } catch {
    return null;
  }
}

/** Keeps `path` ahead of the counters: `reserve` writes a new block before any id past the last one can leave. */
export function idFloorKeeper(path: string) {
  let reserved = readIdFloors(path);
  return {
    reserve(counters: WorldCounters): void {
      if (reserved && (Object.keys(counters) as (keyof WorldCounters)[]).every((key) => counters[key] < reserved![key])) return;
      const next = Object.fromEntries(Object.entries(counters).map(([key, value]) => [key, value + BLOCK])) as unknown as WorldCounters;
      writeDurably(path, JSON.stringify({ version: 1, floors: next }));
      reserved = next;
    },
  };
}

/** Beside, flushed to the disk, then renamed over: a crash leaves the old file or the new, whole. */
function writeDurably(path: string, text: string): void {
  const temp = `${path}.tmp`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
}
