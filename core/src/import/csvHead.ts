import { open } from 'node:fs/promises';
import { quoted } from './columns';
import { ImportFileError, ImportSetupError } from './errors';
import { mappingTitle, type ImportMapping } from './ImportMapping';

/** What the first line of a file may say about the mapping it was written for. */
export interface MappingDirective {
  partner: string;
  name: string;
  version: number;
}

export interface CsvHead {
  directive: MappingDirective | null;
  /** The delimiter the header line uses: `,`, `;` or a tab (spreadsheets in Denmark write `;`). */
  delimiter: string;
}

const DIRECTIVE = /^#\s*mapping\s*:\s*([a-z0-9-]+)\/([a-z0-9-]+)\s+v(\d+)\s*$/i;
const HEAD_BYTES = 64 * 1024;

/** Reads the first lines of a file: the optional `# mapping: partner/name vN` line and the delimiter. */
export async function readCsvHead(file: string): Promise<CsvHead> {
  const handle = await open(file, 'r');
  let text: string;
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    text = buffer
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
  } finally {
    await handle.close();
  }
  const lines = text.split(/\r?\n/);
  let directive: MappingDirective | null = null;
  if (/^#\s*mapping\s*:/i.test(lines[0] ?? '')) {
    const match = DIRECTIVE.exec(lines[0]);
    if (!match) {
      throw new ImportFileError('line 1: expected the mapping line as "# mapping: <partner>/<mapping> v<version>"', 1);
    }
    directive = { partner: match[1].toLowerCase(), name: match[2].toLowerCase(), version: Number(match[3]) };
  }
  const header = lines.find((line) => line.trim() !== '' && !line.startsWith('#')) ?? '';
  return { directive, delimiter: detectDelimiter(header) };
}

function detectDelimiter(header: string): string {
  const counts = [',', ';', '\t'].map((delimiter) => ({ delimiter, count: header.split(delimiter).length - 1 }));
  const best = counts.reduce((a, b) => (b.count > a.count ? b : a));
  return best.count > 0 ? best.delimiter : ',';
}

/**
 * Picks the mapping a file is loaded with: the one its first line names, or the one asked for
 * (`--mapping`), or the partner's only one; the latest version unless the file names another.
 * A wrong `--mapping` is an `ImportSetupError`, a wrong first line an `ImportFileError`.
 */
export function chooseMapping(
  partner: string,
  mappings: readonly ImportMapping[],
  directive: MappingDirective | null,
  asked?: string,
): ImportMapping {
  if (directive && directive.partner !== partner) {
    throw new ImportFileError(`line 1: the file is for ${directive.partner}, not ${partner}`, 1);
  }
  if (directive && asked && directive.name !== asked) {
    throw new ImportFileError(`line 1: the file is a ${directive.name} extract, not ${asked} (--mapping)`, 1);
  }
  const names = [...new Set(mappings.map((m) => m.name))];
  const name = directive?.name ?? asked ?? (names.length === 1 ? names[0] : undefined);
  if (!name) {
    throw new ImportSetupError(`${partner} has several mappings (${names.join(', ')}): name one with --mapping`);
  }
  const versions = mappings.filter((m) => m.name === name).sort((a, b) => b.version - a.version);
  if (versions.length === 0) {
    const unknown = `${partner} has no mapping "${name}"; it has ${names.join(', ')}`;
    throw directive ? new ImportFileError(`line 1: ${unknown}`, 1) : new ImportSetupError(unknown);
  }
  if (!directive) return versions[0];
  const exact = versions.find((m) => m.version === directive.version);
  if (!exact) {
    const known = versions.map((m) => `v${m.version}`).join(', ');
    throw new ImportFileError(
      `line 1: the file was written for ${partner}/${name} v${directive.version}, which this hub does not know (it has ${known})`,
      1,
    );
  }
  return exact;
}

/** Where each of the mapping's columns is in the file. */
export interface HeaderMap {
  /** The header as written (trimmed), for the rejects file. */
  names: string[];
  /** Column name → index in the row; absent optional columns are not in it. */
  index: Map<string, number>;
  nationalIdIndex: number;
}

/** Checks the header line: every required column, no unknown or repeated ones. */
export function readHeader(cells: readonly string[], mapping: ImportMapping, line: number): HeaderMap {
  const names = cells.map((cell) => cell.trim());
  const index = new Map<string, number>();
  const unknown: string[] = [];
  const repeated: string[] = [];
  names.forEach((name, i) => {
    const key = name.toLowerCase();
    if (!(key in mapping.columns)) unknown.push(name);
    else if (index.has(key)) repeated.push(name);
    else index.set(key, i);
  });
  const missing = Object.entries(mapping.columns)
    .filter(([name, column]) => column.required && !index.has(name))
    .map(([name]) => name);
  if (missing.length > 0 || unknown.length > 0 || repeated.length > 0) {
    const problems = [
      missing.length > 0 ? `missing ${missing.join(', ')}` : '',
      unknown.length > 0 ? `unknown ${unknown.map(quoted).join(', ')}` : '',
      repeated.length > 0 ? `repeated ${repeated.map(quoted).join(', ')}` : '',
    ].filter(Boolean);
    throw new ImportFileError(
      `line ${line}: the header does not match ${mappingTitle(mapping)} (${problems.join('; ')}); ` +
        `expected the columns ${Object.keys(mapping.columns).join(', ')}`,
      line,
    );
  }
  const idColumn = Object.keys(mapping.columns).find((name) => mapping.columns[name].nationalId);
  return { names, index, nationalIdIndex: idColumn ? (index.get(idColumn) ?? -1) : -1 };
}
