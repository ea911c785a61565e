import { createReadStream } from 'node:fs';
import { parse, type CsvError, type Parser } from 'csv-parse';
import { ImportFileError } from './errors';

/** A longer row is malformed (an unclosed quote swallowing the file), and memory stays bounded. */
export const MAX_ROW_BYTES = 1024 * 1024;

/** Comment lines (`#` first) and blank lines are skipped; quotes inside unquoted cells are kept. */
export function csvParser(delimiter: string): Parser {
  return parse({
    bom: true,
    delimiter,
    comment: '#',
    comment_no_infix: true,
    skip_empty_lines: true,
    relax_column_count: true,
    relax_quotes: true,
    max_record_size: MAX_ROW_BYTES,
    info: true,
  });
}

const CSV_REASONS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted cell is never closed',
  CSV_INVALID_CLOSING_QUOTE: 'a quoted cell is followed by more characters before the next delimiter',
  CSV_MAX_RECORD_SIZE: `a row is longer than ${MAX_ROW_BYTES} bytes (an unclosed quote?)`,
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'a quoted cell is followed by more characters before the next delimiter',
};

/** csv-parse's own messages quote the data around the fault: only its code and line go further. */
export async function csvSyntaxError(error: unknown, file: string): Promise<unknown> {
  const csv = error as Partial<CsvError> & { lines?: number; bytes?: number };
  if (typeof csv?.code !== 'string' || !csv.code.startsWith('CSV_')) return error;
  const reason = CSV_REASONS[csv.code] ?? `malformed CSV (${csv.code})`;
  // An unclosed quote is noticed only at the end of the file: point at the row it opened in.
  const line =
    csv.code === 'CSV_QUOTE_NOT_CLOSED' && csv.bytes !== undefined ? await rowStartLine(file, csv.bytes) : csv.lines;
  return new ImportFileError(`line ${line ?? '?'}: ${reason}`, line);
}

/** The line of the first row that starts at or after a byte offset (blank and comment lines skipped). */
async function rowStartLine(file: string, offset: number): Promise<number> {
  const stream = createReadStream(file);
  let line = 1;
  let position = 0;
  let inComment = false;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      for (const byte of chunk) {
        position += 1;
        if (byte === 0x0a) {
          line += 1;
          inComment = false;
        } else if (position > offset && !inComment) {
          if (byte === 0x23) inComment = true;
          else if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0d) return line;
        }
      }
    }
  } finally {
    stream.destroy();
  }
  return line;
}
