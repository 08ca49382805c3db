/** Problems with the database file itself, each with a message an operator can act on. */
export class DatabaseFileError extends Error {
  constructor(
    readonly reason: 'too_new' | 'damaged' | 'unreadable' | 'migration_failed',
    message: string,
  ) {
    super(message);
    this.name = 'DatabaseFileError';
  }
}
