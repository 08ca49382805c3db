/**
 * A Telegram rule the simulated world enforces. `code` is Telegram's own error name as
 * MTProto reports it (USER_PRIVACY_RESTRICTED, ...); the Bot API door maps it to its form.
 */
export class SandboxRuleError extends Error {
  constructor(
    readonly code: string,
    message = code,
  ) {
    super(message);
    this.name = 'SandboxRuleError';
  }
}
