import { describe, expect, it } from 'vitest';
import type { DomainContext, DomainModule } from './domain-module';
import { composeDomains, unhandledMethods } from './compose';

const ctx = {} as DomainContext;
const domain = (module: DomainModule) => () => module;
const noop = () => ({}) as never;

describe('composeDomains', () => {
  it('gathers handlers, kinds, consumers in list order and flows from every domain', () => {
    const composed = composeDomains(
      [
        domain({ name: 'a', handlers: { 'system.status': noop }, consumers: [{ name: 'a-consumer', consume: () => undefined }] }),
        domain({ name: 'b', consumers: [{ name: 'b-consumer', consume: () => undefined }], botFlows: [{ role: 'b-role', texts: {} }] }),
      ],
      ctx,
    );
    expect(Object.keys(composed.handlers)).toEqual(['system.status']);
    expect(composed.consumers.map((c) => c.name)).toEqual(['a-consumer', 'b-consumer']);
    expect(composed.botFlows.map((f) => f.role)).toEqual(['b-role']);
  });

  it('refuses two domains claiming one method, naming both', () => {
    expect(() => composeDomains([domain({ name: 'a', handlers: { 'system.status': noop } }), domain({ name: 'b', handlers: { 'system.status': noop } })], ctx)).toThrow(
      'Method system.status is claimed by both the a and the b domain.',
    );
  });

  it('refuses two flows sharing a callback prefix', () => {
    const flows = (role: string) => domain({ name: role, botFlows: [{ role, callbackPrefix: 'x:', texts: {} }] });
    expect(() => composeDomains([flows('a'), flows('b')], ctx)).toThrow('Callback prefix x: is claimed by both the a and the b domain.');
  });

  it('starts in list order and stops in reverse, a failing stop not keeping the others running', async () => {
    const seen: string[] = [];
    const module = (name: string, failStop = false): DomainModule => ({
      name,
      start: () => void seen.push(`start ${name}`),
      stop: () => {
        seen.push(`stop ${name}`);
        if (failStop) throw new Error('stuck');
      },
    });
    const composed = composeDomains([domain(module('a')), domain(module('b', true)), domain(module('c'))], ctx);
    await composed.start();
    const errors: string[] = [];
    await composed.stop((name, error) => errors.push(`${name}: ${(error as Error).message}`));
    expect(seen).toEqual(['start a', 'start b', 'start c', 'stop c', 'stop b', 'stop a']);
    expect(errors).toEqual(['b: stuck']);
  });

  it('names the contract methods nobody handles', () => {
    expect(unhandledMethods({ 'system.status': noop })).toContain('inbox.conversations');
    expect(unhandledMethods({ 'system.status': noop })).not.toContain('system.status');
  });
});
