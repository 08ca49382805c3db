import { render } from '@testing-library/react';
import type { CsvFile } from '../../../shared/domain/logs';
import { DeskApp } from '../app/DeskApp';
import type { AreaId } from '../app/areas';
import { createI18n } from '../i18n/index';
import { createStores } from '../stores/create-stores';
import type { FakeClient } from './fake-client';

/** Renders the whole window over a fake client, starting at `area`. */
export function renderApp(
  fake: FakeClient,
  options: { area?: AreaId; saveFile?: (file: CsvFile) => void; reloadWindow?: () => void; goToSignIn?: () => void } = {},
) {
  window.history.replaceState(null, '', `#/${options.area ?? 'inbox'}`);
  const stores = createStores(fake.client, {
    initialArea: options.area,
    saveFile: options.saveFile,
    // jsdom cannot reload; a test that expects a reload passes its own spy.
    reloadWindow: options.reloadWindow ?? (() => {}),
    goToSignIn: options.goToSignIn ?? (() => {}),
  });
  const i18n = createI18n('en');
  const view = render(<DeskApp stores={stores} i18n={i18n} />);
  return { ...view, stores, i18n };
}
