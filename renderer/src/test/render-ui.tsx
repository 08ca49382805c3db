import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { Language } from '../../../shared/domain/settings';
import { createI18n } from '../i18n/index';

/** Renders one piece of the UI kit with the window's texts, without the stores. */
export function renderUi(element: ReactElement, language: Language = 'en') {
  return render(<I18nextProvider i18n={createI18n(language)}>{element}</I18nextProvider>);
}
