import bigInt from 'big-integer';
import { Api } from 'telegram';
import { manualClock } from '../../../platform/clock';
import type { SandboxChat, SandboxUser } from '../world/types';
import { SandboxWorld, type NewUser } from '../world/world';
import type { OptionsOverride } from './options';
import { SandboxMtproto } from './sandbox-mtproto';
import type { SandboxMtprotoTransport } from './transport';

/** A world on a manual clock with its MTProto door, for tests. */
export function setup(options?: OptionsOverride) {
  const clock = manualClock();
  const world = new SandboxWorld({ clock, seed: 7 });
  const sandbox = new SandboxMtproto({ world, options });
  let phones = 0;
  const person = (input: Partial<NewUser> = {}): SandboxUser =>
    world.addUser({ firstName: `Person ${++phones}`, phone: `1555000${String(phones).padStart(4, '0')}`, ...input });
  return { clock, world, sandbox, person };
}

export function sendCode(phoneNumber: string): Api.auth.SendCode {
  return new Api.auth.SendCode({ phoneNumber, apiId: 1, apiHash: 'sandbox', settings: new Api.CodeSettings({}) });
}

/** A connected transport signed in as `user` by the ordinary code flow. */
export async function signedIn(sandbox: SandboxMtproto, user: SandboxUser): Promise<SandboxMtprotoTransport> {
  const transport = sandbox.transport();
  await transport.connect();
  const sent = (await transport.invoke(sendCode(user.phone!))) as Api.auth.SentCode;
  await transport.invoke(new Api.auth.SignIn({ phoneNumber: user.phone!, phoneCodeHash: sent.phoneCodeHash, phoneCode: sandbox.lastCode(user.phone!)! }));
  return transport;
}

export function inputUser(user: SandboxUser): Api.InputPeerUser {
  return new Api.InputPeerUser({ userId: bigInt(user.id), accessHash: bigInt(user.accessHash.toString()) });
}

export function inputChannel(chat: SandboxChat): Api.InputChannel {
  return new Api.InputChannel({ channelId: bigInt(chat.id), accessHash: bigInt(chat.accessHash.toString()) });
}

export function text(peer: Api.TypeInputPeer, message: string, randomId: number): Api.messages.SendMessage {
  return new Api.messages.SendMessage({ peer, message, randomId: bigInt(randomId) });
}

/** Collects what a transport's update stream delivers. */
export function collect(transport: SandboxMtprotoTransport): Api.TypeUpdates[] {
  const seen: Api.TypeUpdates[] = [];
  transport.onUpdate((update) => seen.push(update));
  return seen;
}
