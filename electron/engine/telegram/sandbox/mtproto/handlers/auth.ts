import { Api } from 'telegram';
import type { SandboxUser } from '../../world/types';
import { apiUser } from '../entities';
import { fromLong } from '../long';
import { publicRoute, userRoute, type PublicCall } from '../route';
import { fail } from '../rpc-error';
import { verifyProof } from '../srp';

function signIn(call: PublicCall, user: SandboxUser): Api.auth.Authorization {
  Object.assign(call.session, { userId: user.id, passwordPendingUserId: null, srp: null });
  return new Api.auth.Authorization({ user: apiUser(call.server.world, user.id, user) });
}

export const authRoutes = [
  publicRoute(Api.auth.SendCode, ({ server }, request) => server.codes.send(request.phoneNumber)),

  publicRoute(Api.auth.ResendCode, ({ server }, request) => server.codes.resend(request.phoneNumber, request.phoneCodeHash)),

  publicRoute(Api.auth.SignIn, (call, request) => {
    call.server.codes.consume(request.phoneNumber, request.phoneCodeHash, request.phoneCode);
    const user = call.server.world.userByPhone(request.phoneNumber);
    // An unknown number gets a valid code, then is asked to sign up (Telegram's order).
    if (!user) return new Api.auth.AuthorizationSignUpRequired({});
    if (user.banned) fail('PHONE_NUMBER_BANNED');
    if (user.twoFactor) {
      call.session.passwordPendingUserId = user.id;
      fail('SESSION_PASSWORD_NEEDED');
    }
    return signIn(call, user);
  }),

  publicRoute(Api.auth.CheckPassword, async (call, request) => {
    const userId = call.session.passwordPendingUserId;
    if (userId === null) fail('AUTH_KEY_UNREGISTERED');
    const user = call.server.world.user(userId);
    const challenge = call.session.srp;
    const proof = request.password;
    if (!(proof instanceof Api.InputCheckPasswordSRP)) fail('PASSWORD_HASH_INVALID');
    if (!challenge || challenge.srpId !== fromLong(proof.srpId)) fail('SRP_ID_INVALID');
    if (!verifyProof(await call.server.verifier(user), challenge, proof.A, proof.M1)) fail('PASSWORD_HASH_INVALID');
    return signIn(call, user);
  }),

  userRoute(Api.auth.LogOut, (account) => {
    Object.assign(account.session, { userId: null, passwordPendingUserId: null, srp: null });
    return new Api.auth.LoggedOut({});
  }),
];
