import { describeIssues } from '../../../shared/contract/describe-issues';
import { DeskError, fail, lookupCall, ok, type CallResult, type Handlers } from '../../../shared/contract/index';
import type { OperatorRole } from '../../../shared/domain/operators';
import type { Logger } from '../logging/logger';
import { diskFullMessage, type DiskGuard } from '../platform/disk-guard';

export interface CallContext {
  /** Who is asking (an operator id), for the audit trail and for what they may see: `operator:local` at this desk. */
  actor: string;
  /** An `operator` makes only the contract's team calls and sees only their own conversations and queues. */
  role: OperatorRole;
  /** The hub session the call came through; null from the desk's own window. */
  sessionId: string | null;
}

export type EngineHandlers = Handlers<CallContext>;

/**
 * The only way into the engine from a window: the method is looked up in the contract, an
 * operator who is not an admin may make only its team calls, the input must pass its schema
 * before any handler sees it, and every outcome becomes a result.
 * A write that meets a full disk answers `disk_full` naming the folder (and the disk guard shows
 * the state); while the disk is full, each call first looks whether room came back.
 */
export function createDispatcher(handlers: EngineHandlers, logger: Logger, disk: DiskGuard) {
  return async function dispatch(method: unknown, input: unknown, ctx: CallContext): Promise<CallResult<unknown>> {
    const spec = typeof method === 'string' ? lookupCall(method) : undefined;
    const handler = spec ? (handlers as Record<string, (i: unknown, c: CallContext) => unknown>)[method as string] : undefined;
    if (!spec || !handler) {
      return fail('invalid_input', `Unknown method ${JSON.stringify(typeof method === 'string' ? method : String(method))}.`);
    }
    if (spec.access !== 'team' && ctx.role !== 'admin') return fail('forbidden', 'Only an admin of this desk may do that.');
    const parsed = spec.input.safeParse(input);
    if (!parsed.success) return fail('invalid_input', describeIssues(parsed.error));
    disk.recheck();
    try {
      return ok(await handler(parsed.data, ctx));
    } catch (error) {
      if (error instanceof DeskError) return fail(error.code, error.message, error.details);
      if (disk.noteFailure(error)) return fail('disk_full', diskFullMessage(disk.folder));
      logger.error({ err: error, method }, 'call failed');
      return fail('internal', `Something went wrong while handling ${method as string}; the details are in the log.`);
    }
  };
}
