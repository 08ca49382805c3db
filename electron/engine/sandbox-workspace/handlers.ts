import type { DomainHandlers } from '../../../shared/contract/index';
import { DeskError } from '../../../shared/contract/result';
import type { CallContext } from '../contract/dispatcher';
import type { EngineContext } from '../engine-context';
import { createCrowd } from './crowd';
import type { SandboxWorkspace } from './sandbox-workspace';

const NOT_ACTIVE = 'The sandbox console works only in the sandbox workspace (Settings → Workspace).';

export function sandboxHandlers(
  ctx: EngineContext,
  workspace: SandboxWorkspace | null,
): DomainHandlers<'sandbox', CallContext> {
  const need = () => {
    if (!workspace) throw new DeskError('unavailable', NOT_ACTIVE);
    return workspace;
  };
  const crowd = workspace ? createCrowd(workspace.world, workspace.seeded) : null;
  return {
    'sandbox.status': () =>
      workspace?.status() ?? { active: false, botApiUrl: null, people: [], targets: [], feed: [], autoActivity: { enabled: false, everySeconds: 5 } },
    'sandbox.act': (input, call) => {
      const item = need().act(input);
      ctx.audit({ actor: call.actor, action: 'sandbox.act', target: String(input.personId), details: { action: input.action, targetId: input.targetId ?? null } });
      return item;
    },
    'sandbox.crowdWrite': (input, call) => {
      if (!crowd) throw new DeskError('unavailable', NOT_ACTIVE);
      const result = crowd.write(input);
      ctx.audit({ actor: call.actor, action: 'sandbox.crowdWrite', target: String(input.targetId ?? ''), details: { count: input.count, senders: input.senders } });
      return result;
    },
    'sandbox.setAutoActivity': (input) => need().setAutoActivity(input),
    'sandbox.imposeFloodWait': ({ targetId, seconds }, call) => {
      const until = need().imposeFloodWait(targetId, seconds);
      ctx.audit({ actor: call.actor, action: 'sandbox.imposeFloodWait', target: String(targetId), details: { seconds } });
      return { until };
    },
    'sandbox.imposePeerFlood': ({ targetId, seconds }, call) => {
      const until = need().imposePeerFlood(targetId, seconds);
      ctx.audit({ actor: call.actor, action: 'sandbox.imposePeerFlood', target: String(targetId), details: { seconds } });
      return { until };
    },
    'sandbox.readChat': (input) => {
      need().readChat(input);
      return { read: true as const };
    },
    'sandbox.revokeSessions': ({ targetId }, call) => {
      const revoked = need().revokeSessions(targetId);
      ctx.audit({ actor: call.actor, action: 'sandbox.revokeSessions', target: String(targetId), details: { revoked } });
      return { revoked };
    },
    'sandbox.reset': () => {
      need();
      // No audit record: the sandbox's own database is what gets wiped.
      ctx.requestRestart({ wipeSandbox: true });
      return { reset: true as const };
    },
  };
}
