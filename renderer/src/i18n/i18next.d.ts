import 'i18next';
import type { EnglishMessages } from './domains';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: EnglishMessages };
  }
}
