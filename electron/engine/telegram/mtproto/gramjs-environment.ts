import { Logger, TelegramClient } from 'telegram';
import { LogLevel } from 'telegram/extensions/Logger.js';
import { StringSession } from 'telegram/sessions/index.js';
import type { TelegramEnvironment } from '../environment';
import { GramjsTransport } from './gramjs-transport';

/** Real Telegram: MTProto through GramJS, bots through Telegram's own Bot API. */
export function gramjsEnvironment(options: { appVersion: string }): TelegramEnvironment {
  return {
    kind: 'telegram',
    needsApiCredentials: true,
    botApiRoot: undefined,
    mtproto({ apiId, apiHash, session }) {
      const stringSession = new StringSession(session ?? '');
      const client = new TelegramClient(stringSession, apiId, apiHash, {
        connectionRetries: 5,
        autoReconnect: true,
        // Flood waits reach the account logic, which shows them and pauses; GramJS must not sleep on them.
        floodSleepThreshold: 0,
        deviceModel: 'Telegram Operator Desk',
        appVersion: options.appVersion,
        // GramJS logs to the console directly, past the engine's redacting logger.
        baseLogger: new Logger(LogLevel.NONE),
      });
      return new GramjsTransport(client, stringSession, session);
    },
  };
}
