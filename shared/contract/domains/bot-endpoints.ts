import { z } from 'zod';
import { apiServerProblem, trimUrl, webhookBaseProblem } from '../../domain/bot-endpoints';

const checked = (problem: (url: string) => string | null) =>
  z
    .string()
    .trim()
    .max(2048)
    .transform(trimUrl)
    .superRefine((url, ctx) => {
      const reason = problem(url);
      if (reason) ctx.addIssue({ code: 'custom', message: reason });
    });

/** A Bot API server address (http or https); null goes back to Telegram's own. */
export const apiServerInput = checked(apiServerProblem).nullable();
/** The public HTTPS address webhooks are delivered to; null turns webhook mode off. */
export const webhookBaseInput = checked(webhookBaseProblem).nullable();

export const setBotEndpointsInput = z.object({ webhookBaseUrl: webhookBaseInput, apiServer: apiServerInput }).strict().partial();

export const configureBotInput = z
  .object({
    id: z.number().int().positive(),
    mode: z.enum(['polling', 'webhook']),
    /** This bot's own Bot API server; null uses the app-wide one. */
    apiServer: apiServerInput,
  })
  .strict()
  .partial({ mode: true, apiServer: true });
