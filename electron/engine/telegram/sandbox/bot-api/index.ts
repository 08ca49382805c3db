export { createBotApiServer, type BotApiServer, type BotApiServerOptions } from './server';
export { TELEGRAM_BOT_LIMITS, scaleLimits, type BotApiLimits } from './limits/rate-limits';
export type { RateWindow } from '../../../platform/sliding-window';
export type { BotApiFaults, FaultRule } from './faults/faults';
export type { WebhookRetry } from './updates/webhook';
export { botApiSnapshotSchema, type BotApiSnapshot } from './updates/bot-state';
