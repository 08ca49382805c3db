import { Cron } from 'croner';
import type { Database } from 'better-sqlite3';
import type { Logger } from '../logging/logger';
import type { Clock } from '../platform/clock';
import { backupDatabase, listBackups } from './backup';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A daily copy of the database. The check runs at start and then hourly, so a desk that is
 * only open in the afternoon still gets its daily backup.
 */
export function createBackupSchedule(options: {
  db: Database;
  dir: string;
  keep: number;
  clock: Clock;
  logger: Logger;
  afterBackup?: () => void;
}) {
  let job: Cron | null = null;

  const lastBackupAt = (): number | null => listBackups(options.dir).at(-1)?.at ?? null;

  const runIfDue = (): boolean => {
    const last = lastBackupAt();
    if (last !== null && options.clock.now() - last < DAY_MS) return false;
    try {
      const backup = backupDatabase(options.db, options.dir, { now: options.clock.now(), reason: 'daily', keep: options.keep });
      options.logger.info({ scope: 'db', file: backup.file }, 'daily backup written');
      options.afterBackup?.();
      return true;
    } catch (error) {
      options.logger.error({ scope: 'db', err: error }, 'daily backup failed');
      return false;
    }
  };

  return {
    lastBackupAt,
    runIfDue,
    start() {
      runIfDue();
      job = new Cron('0 * * * *', { protect: true }, () => {
        runIfDue();
      });
    },
    stop() {
      job?.stop();
      job = null;
    },
  };
}
