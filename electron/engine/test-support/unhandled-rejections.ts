import { afterEach, beforeEach } from 'vitest';

/** The rejections nobody handled during each test of the file; every test starts with none. */
export function collectUnhandledRejections(): unknown[] {
  const seen: unknown[] = [];
  const record = (reason: unknown) => void seen.push(reason);
  beforeEach(() => {
    seen.length = 0;
    process.on('unhandledRejection', record);
  });
  afterEach(() => {
    process.off('unhandledRejection', record);
  });
  return seen;
}
