import { randomBytes } from 'node:crypto';
import { Api } from 'telegram';
import { toLong } from '../long';
import { publicRoute } from '../route';
import { fail } from '../rpc-error';
import { createChallenge, SRP_G, SRP_P } from '../srp';

export const accountRoutes = [
  // Open both to signed-in sessions and to one that is half-way through a 2FA sign-in.
  publicRoute(Api.account.GetPassword, async ({ server, session }) => {
    const userId = session.userId ?? session.passwordPendingUserId;
    if (userId === null) fail('AUTH_KEY_UNREGISTERED');
    const user = server.world.user(userId);
    const newAlgo = new Api.PasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow({ salt1: randomBytes(8), salt2: randomBytes(16), g: SRP_G, p: SRP_P });
    const common = {
      newAlgo,
      newSecureAlgo: new Api.SecurePasswordKdfAlgoSHA512({ salt: randomBytes(8) }),
      secureRandom: randomBytes(32),
    };
    if (!user.twoFactor) return new Api.account.Password({ hasPassword: false, ...common });
    const verifier = await server.verifier(user);
    const challenge = createChallenge(verifier, server.world.random.long());
    session.srp = challenge;
    return new Api.account.Password({
      hasPassword: true,
      hint: user.twoFactor.hint || undefined,
      currentAlgo: new Api.PasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow({ salt1: verifier.salt1, salt2: verifier.salt2, g: SRP_G, p: SRP_P }),
      srp_B: challenge.gB,
      srpId: toLong(challenge.srpId),
      ...common,
    });
  }),
];
