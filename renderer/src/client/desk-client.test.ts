import { describe, expect, it } from 'vitest';
import type { DeskApi } from '../../../shared/contract/index';
import { DeskError } from '../../../shared/contract/result';
import { createClientForWindow } from './pick-api';
import { createDeskClient } from './desk-client';

function apiAnswering(answer: (method: string, input: unknown) => unknown): DeskApi {
  return {
    call: (async (method: string, input: unknown) => answer(method, input)) as DeskApi['call'],
    on: () => () => {},
  };
}

describe('desk client', () => {
  it('returns the value of an ok result', async () => {
    const client = createDeskClient(apiAnswering((m) => ({ ok: true, value: `value of ${m}` })));
    await expect(client.call('settings.get', {})).resolves.toBe('value of settings.get');
  });

  it('throws a DeskError with the code and message of a failed result', async () => {
    const client = createDeskClient(
      apiAnswering(() => ({ ok: false, error: { code: 'conflict', message: 'busy' } })),
    );
    const error = await client.call('settings.get', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeskError);
    expect(error).toMatchObject({ code: 'conflict', message: 'busy' });
  });

  it('keeps the details of a failed result', async () => {
    const client = createDeskClient(
      apiAnswering(() => ({ ok: false, error: { code: 'flood_wait', message: 'wait', details: { until: 123 } } })),
    );
    await expect(client.call('settings.get', {})).rejects.toMatchObject({ code: 'flood_wait', details: { until: 123 } });
  });

  it('reports a transport that throws as unavailable', async () => {
    const client = createDeskClient(
      apiAnswering(() => {
        throw new Error('ipc gone');
      }),
    );
    await expect(client.call('settings.get', {})).rejects.toMatchObject({ code: 'unavailable', message: 'ipc gone' });
  });

  it('uses window.desk when the preload provided it', async () => {
    const desk = apiAnswering(() => ({ ok: true, value: 'from preload' }));
    const client = createClientForWindow({ desk, location: window.location } as unknown as Window);
    await expect(client.call('system.status', {})).resolves.toBe('from preload');
    expect(client.connection.getState()).toEqual({ status: 'connected' });
  });
});
