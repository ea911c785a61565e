/**
 * The file cannot be loaded as it is (no header, a missing or unknown column, malformed CSV, a
 * mapping version this hub does not know): nothing was written. `line` is 1-based when known.
 */
export class ImportFileError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'ImportFileError';
  }
}

/**
 * The import cannot start: no linkage key, the partner has no mapping, its embedded database is
 * in use. Nothing was read or written.
 */
export class ImportSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportSetupError';
  }
}
