import { storeModule } from '../store-module';
import { createMeStore } from './me-store';
import { createOperatorsStore } from './operators-store';
import { createSessionsStore } from './sessions-store';
import { createTeamStore } from './team-store';

/** Who this window is, everyone on the team with their presence, and the team hub. */
export const operatorsStores = storeModule({
  create: ({ client, goToSignIn }) => ({
    useMeStore: createMeStore(client, goToSignIn),
    useOperatorsStore: createOperatorsStore(client),
    useTeamStore: createTeamStore(client),
    useSessionsStore: createSessionsStore(client),
  }),
  events: (own) => ({
    'operators.changed': ({ operators }) => {
      own.useOperatorsStore.getState().applyChanged(operators);
      own.useMeStore.getState().applyChanged(operators);
    },
    'operators.removed': ({ id }) => own.useOperatorsStore.getState().applyRemoved(id),
    'operators.teamChanged': (value) => own.useTeamStore.getState().applyRemote(value),
    'operators.sessionEnded': ({ reason }) => own.useMeStore.getState().end(reason),
  }),
  // The role decides what the sidebar lists, so it loads with the window.
  load: (own) => void own.useMeStore.getState().load(),
  reload: (own) => {
    void own.useMeStore.getState().load();
    if (own.useOperatorsStore.getState().loaded) void own.useOperatorsStore.getState().load();
    if (own.useTeamStore.getState().value) void own.useTeamStore.getState().load();
  },
});
