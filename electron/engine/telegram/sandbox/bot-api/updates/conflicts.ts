import { BotApiError } from '../errors';

export const terminatedByOtherPoll = () =>
  new BotApiError(409, 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running');
export const terminatedBySetWebhook = () => new BotApiError(409, 'Conflict: terminated by setWebhook request');
export const webhookActive = () =>
  new BotApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
