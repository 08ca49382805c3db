import { StrictMode } from 'react';
import type { i18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { StoresProvider } from '../stores/context';
import type { Stores } from '../stores/create-stores';
import { Shell } from './Shell';

/** The whole window, given its stores and translations (real ones or a test's). */
export function DeskApp({ stores, i18n }: { stores: Stores; i18n: i18n }) {
  return (
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <StoresProvider stores={stores}>
          <Shell />
        </StoresProvider>
      </I18nextProvider>
    </StrictMode>
  );
}
