import { storeModule } from '../store-module';
import { createBotFlowsStore } from './bot-flows-store';

/** Which roles each bot serves and the texts its flows send. */
export const botFlowsStores = storeModule({
  create: ({ client }) => ({ useBotFlowsStore: createBotFlowsStore(client) }),
  events: (own) => ({
    'botFlows.rolesChanged': (view) => own.useBotFlowsStore.getState().applyRoles(view),
    'botFlows.textChanged': (view) => own.useBotFlowsStore.getState().applyText(view),
  }),
  reload: (own) => own.useBotFlowsStore.getState().reload(),
});
