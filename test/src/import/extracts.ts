import { writeFileSync } from 'node:fs';
import path from 'node:path';

/** A synthetic national ID, DDMMYY-SSSS, born 2000-2009 (century digit 5), unique for i < 5,000. */
export function syntheticCpr(i: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = 1 + (i % 28);
  const month = 1 + (Math.floor(i / 28) % 12);
  const year = i % 10;
  return `${pad(day)}${pad(month)}0${year}-${5000 + i}`;
}

export const EMPLOYMENT_HEADER = 'cpr,kind,started_on,ended_on,district,estate';

/** Writes an extract: the header line, then the rows as given (already CSV lines). */
export function writeExtract(dir: string, name: string, lines: readonly string[], header = EMPLOYMENT_HEADER): string {
  const file = path.join(dir, name);
  writeFileSync(file, `${[header, ...lines].join('\n')}\n`);
  return file;
}

/** One good row a person: a part-time job in Østerbyen, still running. */
export function goodRows(from: number, count: number): string[] {
  return Array.from(
    { length: count },
    (_, k) => `${syntheticCpr(from + k)},PART_TIME_JOB,2024-0${1 + (k % 9)}-01,,osterbyen,`,
  );
}

/** Anything shaped like a national ID, as the privacy tests look for it. */
export const CPR_SHAPED = /(^|[^0-9a-f])[0-3][0-9][01][0-9]{3}-?[0-9]{4}([^0-9a-f]|$)/;
