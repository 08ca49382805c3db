import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { onTestFinished } from 'vitest';
import type { DeskEvent, MethodName } from '../../../../shared/contract/index';
import type { CallResult } from '../../../../shared/contract/result';
import { manualScheduler } from '../../accounts/test/harness';
import { recordAudit, type AuditRecord } from '../../audit/audit-repo';
import { createDispatcher, type CallContext, type EngineHandlers } from '../../contract/dispatcher';
import { createEventBus } from '../../contract/event-bus';
import { openDatabase } from '../../db/open-database';
import { manualClock } from '../../platform/clock';
import { createDiskGuard } from '../../platform/disk-guard';
import { createDomainEventBus, type DomainEventName, type DomainEvents } from '../../platform/domain-events';
import { adminCall } from '../../test-support/call-context';
import { createOperatorsService } from '../operators-service';
import type { SignInMeta, TeamHub } from '../team-ports';
import { readTeamSettings } from '../team-settings-repo';
import { createUnsharedHub } from '../unshared-hub';

export const BROWSER: SignInMeta = { address: '192.0.2.10', userAgent: 'Chromium test' };

/**
 * The operators service over a real, migrated SQLite file, with a manual clock and scheduler.
 * Calls go through the real dispatcher (schema, roles, errors as the window sees them); the
 * window's events, the domain events, the audit trail and every log line are kept for checks.
 */
export function operatorsHarness(dir: string, options: { hub?: TeamHub } = {}) {
  const clock = manualClock(Date.UTC(2026, 11, 6, 9, 0, 0));
  const timers = manualScheduler(clock);
  const db = openDatabase({ path: join(dir, 'desk.sqlite'), backupsDir: join(dir, 'backups'), now: clock.now, keepBackups: 1 }).db;
  const logLines: string[] = [];
  const logger = pino({ level: 'debug' }, new Writable({ write: (chunk: Buffer, _enc, done) => (logLines.push(chunk.toString()), done()) }));
  const bus = createEventBus();
  const events: DeskEvent[] = [];
  bus.subscribe((batch) => events.push(...batch));
  const domainEvents = createDomainEventBus((name, error) => logger.error({ event: name, err: error }, 'domain event listener failed'));
  const heard: { name: DomainEventName; payload: unknown }[] = [];
  const hear = <E extends DomainEventName>(name: E) => domainEvents.on(name, (payload: DomainEvents[E]) => void heard.push({ name, payload }));
  hear('operators.presenceChanged');
  hear('operators.profilesChanged');
  hear('operators.removed');
  const audits: AuditRecord[] = [];
  const hub = options.hub ?? createUnsharedHub(() => readTeamSettings(db));
  const service = createOperatorsService({
    db,
    clock,
    logger,
    scheduler: timers.scheduler,
    events: bus,
    domainEvents,
    audit: (record) => (audits.push(record), recordAudit(db, clock.now(), record)),
    hub: () => hub,
  });
  const dispatch = createDispatcher(service.handlers as EngineHandlers, logger, createDiskGuard({ folder: dir }));
  service.start();
  onTestFinished(() => {
    service.stop();
    db.close();
  });

  /** A call as the window makes it; the answer is the dispatcher's result. */
  const call = <T = unknown>(method: MethodName, input: unknown, ctx: CallContext = adminCall()) => dispatch(method, input, ctx) as Promise<CallResult<T>>;
  /** A call that must succeed; its value. */
  const value = async <T = unknown>(method: MethodName, input: unknown, ctx: CallContext = adminCall()): Promise<T> => {
    const result = await call<T>(method, input, ctx);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code}: ${result.error.message}`);
    return result.value;
  };
  /** Lets the window's event bus deliver its batch. */
  const flush = () => bus.flush();
  const ofType = <T extends DeskEvent['type']>(type: T) => (flush(), events.filter((e): e is Extract<DeskEvent, { type: T }> => e.type === type));
  /** Everything the service wrote where a person or a copy of the database could read it. */
  const everythingWritten = () => [JSON.stringify(audits), logLines.join(''), JSON.stringify(db.prepare('SELECT * FROM audit_log').all())].join('\n');

  return { clock, timers, db, service, sessions: service.sessions, presence: service.presence, call, value, events, ofType, flush, domainEvents, heard, audits, logLines, everythingWritten };
}

/** The smallest valid profile of an operator, with `overrides`. */
export function profile(overrides: Record<string, unknown> = {}) {
  return { name: 'Anna', role: 'operator', languages: ['ru'], capacity: 3, autoAssign: true, senders: [], ...overrides };
}

/** The token in an invite link, as the hub's page reads it. */
export function tokenOf(url: string): string {
  return new URL(url).searchParams.get('token')!;
}
