export { SandboxMtproto } from './sandbox-mtproto';
export { SandboxMtprotoTransport } from './transport';
export type { AntiSpamOptions, CodeType, LoginCodeOptions, OptionsOverride, RateLimit, SandboxMtprotoOptions } from './options';
export { mtprotoSnapshotSchema, type MtprotoSnapshot } from './snapshot';
