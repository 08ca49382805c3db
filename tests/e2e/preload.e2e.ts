import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';

/** Runs the built preload bundle as Electron would, with a recording stand-in for `electron`. */
function loadPreload() {
  const exposed: Record<string, unknown> = {};
  const invoked: unknown[][] = [];
  const listeners: Record<string, (event: unknown, payload: unknown) => void> = {};
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
    ipcRenderer: {
      invoke: (...args: unknown[]) => (invoked.push(args), Promise.resolve({ ok: true, value: null })),
      on: (channel: string, listener: (event: unknown, payload: unknown) => void) => (listeners[channel] = listener),
    },
  };
  const source = readFileSync(resolve('out/preload/index.cjs'), 'utf8');
  const required: string[] = [];
  runInNewContext(source, {
    require: (name: string) => {
      required.push(name);
      if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
      return electron;
    },
    console,
  });
  return { exposed, invoked, listeners, required };
}

describe('built preload', () => {
  it('exposes nothing but window.desk with call and on', () => {
    const { exposed, required } = loadPreload();
    expect(Object.keys(exposed)).toEqual(['desk']);
    const desk = exposed.desk as Record<string, unknown>;
    expect(Object.keys(desk).sort()).toEqual(['call', 'on']);
    expect(Object.values(desk).every((v) => typeof v === 'function')).toBe(true);
    expect(required).toEqual(['electron']);
  });

  it('sends calls over the one call channel and fans event batches out to listeners', () => {
    const { exposed, invoked, listeners } = loadPreload();
    const desk = exposed.desk as { call: (m: string, i: unknown) => Promise<unknown>; on: (t: string, l: (p: unknown) => void) => () => void };
    void desk.call('settings.get', {});
    expect(invoked).toEqual([['desk:call', 'settings.get', {}]]);

    const seen: unknown[] = [];
    const off = desk.on('settings.changed', (p) => seen.push(p));
    const deliver = listeners['desk:events']!;
    deliver({}, [{ type: 'settings.changed', payload: { theme: 'dark' } }, { type: 'system.notice', payload: {} }]);
    off();
    deliver({}, [{ type: 'settings.changed', payload: { theme: 'light' } }]);
    expect(seen).toEqual([{ theme: 'dark' }]);
  });
});
