import type { Logger } from './logger';

/**
 * Logs a promise rejection nobody handled, or an exception nobody caught, instead of letting
 * Node end the process (its default for both) or the fault pass unseen. The desk keeps running:
 * its work is in SQLite transactions and an outbox, so one failed task does not corrupt the rest,
 * and an operator mid-reply loses less to a logged fault than to a dead window. Returns a
 * function that removes the handlers.
 */
export function logProcessFaults(logger: Logger): () => void {
  const log = logger.child({ scope: 'process' });
  const onRejection = (reason: unknown) => log.error({ err: reason }, 'a promise was rejected and nothing handled it; the desk keeps running');
  const onException = (error: Error, origin: string) => log.error({ err: error, origin }, 'an exception was not caught; the desk keeps running');
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  return () => {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
  };
}
