import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { DeskError } from '../../../shared/contract/result';

/** Telegram's test numbers (99966XYYYY); the sandbox uses them, real Telegram's production DCs do not. */
const TEST_RANGE = /^99966\d{5}$/;

/**
 * A phone number as Telegram and the accounts table expect it: E.164 with the plus.
 * Numbers without a country code are refused rather than guessed.
 */
export function normalisePhone(raw: string, options: { allowTestRange: boolean }): string {
  const trimmed = raw.trim();
  const digits = trimmed.replace(/[\s().-]/g, '').replace(/^\+/, '');
  if (options.allowTestRange && TEST_RANGE.test(digits)) return `+${digits}`;
  const parsed = parsePhoneNumberFromString(trimmed.startsWith('+') ? trimmed : `+${trimmed}`);
  if (!parsed || !parsed.isValid()) {
    throw new DeskError('phone_invalid', 'This is not a valid phone number. Enter it with the country code, e.g. +49 151 23456789.');
  }
  return parsed.number;
}
