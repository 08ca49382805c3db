import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../../../shared/domain/settings';
import { createI18n } from '../../i18n/index';
import { useInboxFormats } from './format';

function sizes(language: Language, values: number[]) {
  const i18n = createI18n(language);
  const wrapper = ({ children }: { children: ReactNode }) => <I18nextProvider i18n={i18n}>{children}</I18nextProvider>;
  const { result } = renderHook(() => useInboxFormats(), { wrapper });
  return values.map((v) => result.current.size(v));
}

describe('file sizes', () => {
  it('words bytes with their plural, in both languages', () => {
    expect(sizes('en', [1, 29, 2048])).toEqual(['1 byte', '29 bytes', '2 kB']);
    expect(sizes('ru', [1, 22, 29])).toEqual(['1 байт', '22 байта', '29 байт']);
  });
});
