import type { SandboxStatus, SandboxTarget } from '../../shared/domain/sandbox';
import type { openDeskSocket } from './desk-socket';

type DeskSocket = Awaited<ReturnType<typeof openDeskSocket>>;

/** Signs the desk in to the sandbox account without two-factor, with the code "Telegram" sent. */
export async function signInSandboxAccount(desk: DeskSocket): Promise<SandboxTarget> {
  const status = await desk.call<SandboxStatus>('sandbox.status', {});
  const account = status.targets.find((t) => t.kind === 'account' && t.password === null)!;
  const flow = await desk.call<{ flowId: string }>('accounts.startSignIn', { phone: account.phone });
  const code = (await desk.call<SandboxStatus>('sandbox.status', {})).targets.find((t) => t.id === account.id)!.lastCode;
  await desk.call('accounts.submitCode', { flowId: flow.flowId, code });
  return account;
}

export interface LoadResult {
  sent: number;
  seconds: number;
  /** How long each burst call took: the desk's responsiveness while under the load. */
  callMs: number[];
}

/**
 * Keeps `rate` messages a second coming from a crowd of `senders` people for `seconds`: every
 * tick it asks the sandbox for the messages due so far in one call. A late tick is made up by a
 * burst of at most two ticks' worth, so a desk that falls behind is not buried under ever larger
 * bursts, and the rate reached is what it sustained.
 */
export async function driveLoad(
  desk: DeskSocket,
  options: { targetId: number; rate: number; seconds: number; senders: number; tickMs: number },
): Promise<LoadResult> {
  const largestBurst = Math.max(1, Math.round((2 * options.rate * options.tickMs) / 1000));
  const callMs: number[] = [];
  let sent = 0;
  // Messages that fell due while the desk was still busy with the previous burst, beyond what one
  // burst carries: not owed later, so the rate reached shows the shortfall.
  let dropped = 0;
  const start = performance.now();
  for (let elapsed = 0; elapsed < options.seconds * 1000; elapsed = performance.now() - start) {
    const tickStarted = performance.now();
    const owed = Math.floor((elapsed / 1000) * options.rate) - sent - dropped;
    if (owed > 0) {
      const count = Math.min(owed, largestBurst);
      const asked = performance.now();
      await desk.call('sandbox.crowdWrite', { targetId: options.targetId, count, senders: options.senders, text: 'load' });
      callMs.push(performance.now() - asked);
      sent += count;
      dropped += owed - count;
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, options.tickMs - (performance.now() - tickStarted))));
  }
  return { sent, seconds: (performance.now() - start) / 1000, callMs };
}
