import { storeModule } from '../store-module';
import { createAuditStore } from './audit-store';
import { createLogsStore } from './logs-store';

export const logsStores = storeModule({
  create: ({ client, saveFile }) => ({
    useLogsStore: createLogsStore(client, saveFile),
    useAuditStore: createAuditStore(client, saveFile),
  }),
  events: (own) => ({
    'logs.appended': ({ entries }) => own.useLogsStore.getState().append(entries),
    'logs.auditAppended': ({ entries }) => own.useAuditStore.getState().append(entries),
  }),
  reload: (own) => {
    if (own.useLogsStore.getState().loaded) void own.useLogsStore.getState().load();
    if (own.useAuditStore.getState().loaded) void own.useAuditStore.getState().load();
  },
});
