import { storeModule } from '../store-module';
import { createHttpApiStore } from './http-api-store';
import { createSettingsStore } from './settings-store';

export const settingsStores = storeModule({
  create: ({ client }) => ({
    useSettingsStore: createSettingsStore(client),
    useHttpApiStore: createHttpApiStore(client),
  }),
  events: (own) => ({
    'settings.changed': (value) => own.useSettingsStore.getState().applyRemote(value),
  }),
  // The language and theme come from here, so they load with the window.
  load: (own) => void own.useSettingsStore.getState().load(),
  reload: (own) => void own.useSettingsStore.getState().load(),
});
