import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ overrideConfigFile: 'eslint.config.js' });

/** The layering messages ESLint gives `code` as if it were the file at `filePath`. */
async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'desk/layers').map((m) => m.message);
}

describe('layering lint', () => {
  it.each([
    ['electron/engine/accounts/x.ts', "import 'electron';"],
    ['electron/engine/accounts/x.ts', "import { app } from 'electron/main';"],
    ['electron/engine/x.ts', "import { tray } from '../main/tray';"],
    ['electron/engine/accounts/x.ts', "export { tray } from '../../preload/index';"],
    ['electron/engine/x.ts', "const m = await import('../../renderer/src/main');"],
    ['renderer/src/x.ts', "import { EventEmitter } from 'events';"],
    ['renderer/src/x.ts', "import { Readable } from 'stream';"],
    ['renderer/src/x.ts', "import { readFileSync } from 'node:fs';"],
    ['renderer/src/x.ts', "import pino from 'pino';"],
    ['renderer/src/x.ts', "import WebSocket from 'ws';"],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron/renderer';"],
    ['renderer/src/x.ts', "import type { Engine } from '../../electron/engine/engine';"],
    ['shared/contract/x.ts', "import { EventEmitter } from 'events';"],
    ['shared/contract/x.ts', "import { Readable } from 'node:stream';"],
    ['shared/contract/x.ts', "import pino from 'pino';"],
    ['shared/contract/x.ts', "import WebSocket from 'ws';"],
    ['shared/contract/x.ts', "import { create } from 'zustand';"],
    ['shared/contract/x.ts', "import { t } from '../../renderer/src/i18n';"],
    ['shared/x.ts', "const { join } = require('path');"],
    ['electron/main/x.ts', "import { App } from '../../renderer/src/app/App';"],
    ['electron/engine/telegram/mtproto/translate/x.ts', "import type { ReadMark } from '../../../inbox/ingest/read-marks';"],
    ['electron/engine/telegram/x.ts', "import { findBot } from '../bots/store/bot-repo';"],
    ['electron/engine/telegram/entities/x.ts', "export { createOutbox } from '../../outbox/outbox';"],
    ['electron/engine/telegram/sandbox/x.ts', "const a = await import('../../accounts/accounts-service');"],
    ['electron/engine/telegram/x.ts', "import { app } from 'electron';"],
  ])('refuses %s: %s', async (filePath, code) => {
    expect(await layerErrors(filePath, code)).toHaveLength(1);
  });

  it.each([
    ['electron/engine/x.ts', "import { readFileSync } from 'node:fs'; import pino from 'pino'; import { z } from '../../shared/contract/index';"],
    ['electron/engine/domain/x.ts', "import { maintain } from './main-loop';"],
    ['electron/engine/telegram/bots/x.ts', "import { Api } from 'grammy'; import type { Clock } from '../../platform/clock'; import type { InboundPerson } from '../inbound/types';"],
    ['electron/engine/inbox/x.ts', "import type { InboundReadMark } from '../telegram/inbound/types';"],
    ['electron/main/x.ts', "import { app } from 'electron'; import { createEngine } from '../engine/engine';"],
    ['renderer/src/x.tsx', "import { useState } from 'react'; import { create } from 'zustand'; import { contract } from '../../shared/contract/index';"],
    ['renderer/src/x.test.tsx', "import { render } from '@testing-library/react'; import { it } from 'vitest';"],
    ['shared/contract/x.ts', "import { z } from 'zod'; import { sandbox } from './domains/sandbox';"],
  ])('allows %s: %s', async (filePath, code) => {
    expect(await layerErrors(filePath, code)).toEqual([]);
  });
});
