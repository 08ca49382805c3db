import { describe, expect, it } from 'vitest';
import { normalisePhone } from './phone';

describe('phone numbers', () => {
  it('normalises numbers written in different ways to E.164', () => {
    const opts = { allowTestRange: false };
    expect(normalisePhone('+49 151 23456789', opts)).toBe('+4915123456789');
    expect(normalisePhone('4915123456789', opts)).toBe('+4915123456789');
    expect(normalisePhone(' +7 (912) 345-67-89 ', opts)).toBe('+79123456789');
  });

  it('refuses what is not a phone number', () => {
    for (const bad of ['12ab', '+1 555 000 0001', '+49 1', '']) {
      expect(() => normalisePhone(bad, { allowTestRange: false })).toThrow(expect.objectContaining({ code: 'phone_invalid' }));
    }
  });

  it("accepts Telegram's test range only where the sandbox answers", () => {
    expect(normalisePhone('99966 1 0001', { allowTestRange: true })).toBe('+9996610001');
    expect(normalisePhone('+9996610001', { allowTestRange: true })).toBe('+9996610001');
    expect(() => normalisePhone('+9996610001', { allowTestRange: false })).toThrow(expect.objectContaining({ code: 'phone_invalid' }));
  });
});
