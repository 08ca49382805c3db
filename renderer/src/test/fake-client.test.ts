import { describe, expect, it } from 'vitest';
import type { CallInput } from '../../../shared/contract/index';
import { createFakeClient } from './fake-client';

describe('fake client', () => {
  it('refuses, as the engine would, an input the contract refuses, and never runs the handler', async () => {
    const fake = createFakeClient();
    let ran = 0;
    fake.handle('sandbox.reset', () => {
      ran += 1;
      return { reset: true as const };
    });
    const unconfirmed = {} as CallInput<'sandbox.reset'>;
    await expect(fake.client.call('sandbox.reset', unconfirmed)).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/^confirm: /),
    });
    await expect(fake.client.call('sandbox.reset', null as unknown as CallInput<'sandbox.reset'>)).rejects.toMatchObject({ code: 'invalid_input' });
    expect(fake.callsOf('sandbox.reset')).toEqual([]);
    expect(ran).toBe(0);
    await expect(fake.client.call('sandbox.reset', { confirm: true })).resolves.toEqual({ reset: true });
    expect(fake.callsOf('sandbox.reset')).toEqual([{ confirm: true }]);
  });
});
