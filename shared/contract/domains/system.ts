import { z } from 'zod';
import { call, teamCall, domain } from '../define';
import type { DiskState, SystemStatus } from '../../domain/system';

export const system = domain({
  status: teamCall(z.object({}).strict()).returns<SystemStatus>(),
  /** Lets a window show a native notification through the engine's notifier. */
  notify: teamCall(
    z
      .object({
        title: z.string().trim().min(1).max(120),
        body: z.string().max(1000),
      })
      .strict(),
  ).returns<{ shown: boolean }>(),
  /** The local API other systems call (health now, intake later) and its token. */
  httpApi: call(z.object({}).strict()).returns<{ enabled: boolean; url: string | null; token: string; error: string | null }>(),
  renewHttpToken: call(z.object({}).strict()).returns<{ enabled: boolean; url: string | null; token: string; error: string | null }>(),
}).events<{
  /** Something the operator should see, raised by the engine itself. */
  notice: { level: 'info' | 'warn' | 'error'; message: string };
  /** The engine restarted on other data (workspace switch, sandbox reset): reload everything. */
  restarted: { workspace: 'sandbox' | 'telegram' };
  /** The disk holding the data folder filled up, or has room again. */
  disk: DiskState;
}>();
