import type { Database } from 'better-sqlite3';
import type { SystemStatus } from '../../shared/domain/system';
import type { AuditRecord } from './audit/audit-repo';
import type { EventBus } from './contract/event-bus';
import type { Logger } from './logging/logger';
import type { HttpApi } from './http/http-api';
import type { Clock } from './platform/clock';
import type { Notifier } from './platform/notifier';
import type { SettingsService } from './settings/settings-service';

/** What domain handlers may use: the engine's services, never the engine itself. */
export interface EngineContext {
  db(): Database;
  clock: Clock;
  logger: Logger;
  events: EventBus;
  notifier: Notifier;
  settings: SettingsService;
  audit(record: AuditRecord): void;
  httpApi: HttpApi;
  status(): SystemStatus;
  /** Restart the engine after the current call (workspace switch; `wipeSandbox` for a reset). */
  requestRestart(options?: { wipeSandbox?: boolean }): void;
}
