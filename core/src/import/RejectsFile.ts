import { createWriteStream, renameSync, rmSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { NATIONAL_ID_MASK, maskNationalIds } from './nationalId';
import type { Problem } from './ImportMapping';

/** A CSV field, quoted when it needs to be. */
export function csvField(value: string, delimiter = ','): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) || value !== value.trim()
    ? `"${value.replace(/"/g, '""')}"`
    : value;
}

/**
 * The rejected rows of an import, as CSV: `line`, `problems`, then the row's own cells with the
 * national ID masked (and anything else shaped like one). Written beside the target under a
 * temporary name, readable by its owner only, and put in place only when the import is about to commit.
 */
export class RejectsFile {
  private readonly partial: string;
  private readonly out: WriteStream;
  private kept = false;

  private constructor(
    private readonly target: string,
    private readonly nationalIdIndex: number,
  ) {
    this.partial = `${target}.partial-${process.pid}`;
    this.out = createWriteStream(this.partial, { mode: 0o600 });
  }

  static async open(target: string, header: readonly string[], nationalIdIndex: number): Promise<RejectsFile> {
    const file = new RejectsFile(target, nationalIdIndex);
    await once(file.out, 'open');
    await file.line(['line', 'problems', ...header]);
    return file;
  }

  async write(line: number, problems: readonly Problem[], cells: readonly string[]): Promise<void> {
    const masked = cells.map((cell, index) =>
      index === this.nationalIdIndex ? (cell.trim() === '' ? '' : NATIONAL_ID_MASK) : maskNationalIds(cell),
    );
    const reasons = problems.map((p) => `${p.column}: ${p.reason}`).join('; ');
    await this.line([String(line), reasons, ...masked]);
  }

  private async line(cells: readonly string[]): Promise<void> {
    if (!this.out.write(`${cells.map((cell) => csvField(cell)).join(',')}\n`)) await once(this.out, 'drain');
  }

  /** Puts the file in place (just before the load commits). */
  async keep(): Promise<void> {
    await this.close();
    renameSync(this.partial, this.target);
    this.kept = true;
  }

  /** Removes what was written, put in place or not (the load did not commit). */
  async discard(): Promise<void> {
    await this.close().catch(() => undefined);
    rmSync(this.kept ? this.target : this.partial, { force: true });
  }

  private async close(): Promise<void> {
    if (this.out.closed) return;
    this.out.end();
    await once(this.out, 'close');
  }
}
