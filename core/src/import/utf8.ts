import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { ImportFileError } from './errors';

/** What `watchUtf8` reports; `notUtf8Error` turns it into the error people read. */
export class NotUtf8 extends Error {
  constructor() {
    super('the file is not UTF-8 text');
    this.name = 'NotUtf8';
  }
}

/**
 * Checks the bytes of `input` as they stream past and calls `onInvalid` at the first that are not
 * UTF-8: decoded anyway, a Latin-1 "ø" would be stored as "�" or fail as an unrelated error.
 * Attach it before piping `input` on, so that it sees each chunk, and the end, first.
 */
export function watchUtf8(input: Readable, onInvalid: (error: NotUtf8) => void): void {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const check = (chunk?: Buffer) => {
    try {
      decoder.decode(chunk, { stream: chunk !== undefined });
    } catch {
      onInvalid(new NotUtf8());
    }
  };
  input.on('data', (chunk: Buffer) => check(chunk));
  input.on('end', () => check());
}

/** The error for a file that is not UTF-8: the first line that is not, and how to convert the file. */
export async function notUtf8Error(file: string): Promise<ImportFileError> {
  const line = await firstLineNotUtf8(file);
  const { dir, name, ext } = path.parse(file);
  const converted = path.join(dir, `${name}.utf8${ext}`);
  return new ImportFileError(
    `line ${line}: the file is not UTF-8 text (saved as Latin-1 or Windows-1252?); convert it first, ` +
      `e.g. iconv -f latin1 -t utf-8 ${file} > ${converted}`,
    line,
  );
}

/** Lines are checked one by one: a line break is one byte in UTF-8, never inside a character. */
async function firstLineNotUtf8(file: string): Promise<number> {
  let line = 1;
  let partial: Buffer[] = [];
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    let start = 0;
    for (let end = chunk.indexOf(0x0a); end !== -1; end = chunk.indexOf(0x0a, start)) {
      if (!isUtf8(Buffer.concat([...partial, chunk.subarray(start, end)]))) return line;
      partial = [];
      line += 1;
      start = end + 1;
    }
    partial.push(chunk.subarray(start));
  }
  return line;
}
