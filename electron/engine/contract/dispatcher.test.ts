import { tmpdir } from 'node:os';
import pino from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { DeskError } from '../../../shared/contract/index';
import { createDiskGuard } from '../platform/disk-guard';
import { createDispatcher, type EngineHandlers } from './dispatcher';
import { adminCall } from '../test-support/call-context';

const ctx = adminCall('operator:local');

function setup(overrides: Partial<EngineHandlers> = {}) {
  const update = vi.fn((patch: object) => ({ ...patch }));
  const handlers = { 'settings.update': update, ...overrides } as unknown as EngineHandlers;
  return { update, dispatch: createDispatcher(handlers, pino({ level: 'silent' }), createDiskGuard({ folder: tmpdir() })) };
}

describe('dispatcher', () => {
  it('refuses invalid input naming the field, and the handler never runs', async () => {
    const { dispatch, update } = setup();
    const result = await dispatch('settings.update', { httpIntake: { port: 80 } }, ctx);
    expect(result).toEqual({ ok: false, error: { code: 'invalid_input', message: 'httpIntake.port: must be 1024 or higher' } });
    expect(await dispatch('settings.update', { theme: 'purple' }, ctx)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^theme: /) } });
    expect(await dispatch('settings.update', { colour: 'red' }, ctx)).toMatchObject({ ok: false, error: { message: 'colour: unknown field' } });
    expect(update).not.toHaveBeenCalled();
  });

  it('refuses unknown and non-string method names the same way', async () => {
    const { dispatch } = setup();
    expect(await dispatch('settings.destroy', {}, ctx)).toEqual({ ok: false, error: { code: 'invalid_input', message: 'Unknown method "settings.destroy".' } });
    expect(await dispatch(42, {}, ctx)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await dispatch('__proto__', {}, ctx)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('passes parsed input and returns the value', async () => {
    const { dispatch, update } = setup();
    expect(await dispatch('settings.update', { language: 'ru' }, ctx)).toEqual({ ok: true, value: { language: 'ru' } });
    expect(update).toHaveBeenCalledWith({ language: 'ru' }, ctx);
  });

  it('keeps a handler error code, and hides unexpected errors behind a generic message', async () => {
    const failing = setup({ 'settings.update': () => { throw new DeskError('conflict', 'Busy.'); } });
    expect(await failing.dispatch('settings.update', {}, ctx)).toEqual({ ok: false, error: { code: 'conflict', message: 'Busy.' } });
    const crashing = setup({ 'settings.update': () => { throw new Error('SQLITE_BUSY at /secret/path'); } });
    const result = await crashing.dispatch('settings.update', {}, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('/secret/path');
  });

  it('takes null or missing input as what it is, not as an empty object', async () => {
    const reset = vi.fn(() => ({ reset: true }));
    const { dispatch } = setup({ 'sandbox.reset': reset } as Partial<EngineHandlers>);
    expect(await dispatch('settings.update', null, ctx)).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/^input: /) } });
    expect(await dispatch('sandbox.reset', null, ctx)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await dispatch('sandbox.reset', undefined, ctx)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(reset).not.toHaveBeenCalled();
  });

  it('runs a call that throws data away only when its input confirms it', async () => {
    const calls = ['sandbox.reset', 'accounts.remove', 'bots.remove', 'inbox.removeLabel', 'inbox.removeCannedReply'] as const;
    const handlers = Object.fromEntries(calls.map((method) => [method, vi.fn(() => ({ done: true }))]));
    const { dispatch } = setup(handlers as Partial<EngineHandlers>);
    for (const method of calls) {
      const target = method === 'sandbox.reset' ? {} : { id: 1 };
      expect(await dispatch(method, target, ctx)).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/^confirm: /) } });
      expect(await dispatch(method, { ...target, confirm: 'yes' }, ctx)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(handlers[method]).not.toHaveBeenCalled();
      expect(await dispatch(method, { ...target, confirm: true }, ctx)).toEqual({ ok: true, value: { done: true } });
    }
  });
});
