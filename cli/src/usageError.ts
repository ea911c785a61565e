/**
 * The exit code of every `hub` command when it was called wrongly (an unknown command or option,
 * a missing or invalid argument): nothing was done. Commands use 1 for "done, and the answer is
 * no" (`hub check`: a breaking change) and their own codes above 2.
 */
export const EXIT_USAGE = 2;

/** Thrown by a command that finds its arguments wrong after commander accepted them. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
