// `npm run bench:import`: generates an employment extract of 1,000,000 rows (BENCH_ROWS to change
// it) in a temporary folder, loads it with the real `hub import` into a fresh embedded database,
// then loads it again (nothing changes), and prints rows/s and the command's peak RSS.
// Not a test: run by hand, figures go to docs/performance.md.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { prepareDatabase } from '@hub/core';
import { jobcentre } from '@hub/subgraph-jobcentre';

const ROWS = Number(process.env.BENCH_ROWS || 1_000_000);
const REPO_ROOT = path.resolve(__dirname, '../..');
const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const count = (n: number) => n.toLocaleString('en-US');

/** Person p's synthetic national ID (born 2000-2009, century digit 5-8), unique for p < 13 million. */
function cpr(p: number): string {
  const date = p % 3360;
  return `${pad(1 + (date % 28))}${pad(1 + (Math.floor(date / 28) % 12))}0${Math.floor(date / 336)}-${5000 + Math.floor(p / 3360)}`;
}

const PLACES = [
  'osterbyen,stengardsvej',
  'osterbyen,',
  'hedelund,hedelundgardparken',
  'kvaglund,kvaglundparken',
  'jerne,',
  'centrum,',
];

/** Two or three jobs a person (2.5 rows on average), rows of a person together, as an extract is sorted. */
async function generate(file: string): Promise<void> {
  const out = createWriteStream(file);
  out.write('# mapping: jobcentre/employment v1\ncpr,kind,started_on,ended_on,district,estate\n');
  for (let i = 0; i < ROWS; i += 1) {
    const person = Math.floor((i * 2) / 5);
    const job = i - Math.ceil((person * 5) / 2);
    const year = 2015 + job * 3;
    const kind = job === 0 ? 'PART_TIME_JOB' : 'FULL_TIME_JOB';
    const ended = job < 2 ? `${year + 1}-06-30` : '';
    const line = `${cpr(person)},${kind},${year}-0${1 + (person % 9)}-01,${ended},${PLACES[person % PLACES.length]}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'close');
}

/** Runs `hub import` as a partner would, with its peak RSS recorded by a preloaded module. */
async function hubImport(
  file: string,
  dataDir: string,
  rssFile: string,
): Promise<{ seconds: number; peakRss: number; summary: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, HUB_DATA_DIR: dataDir, HUB_BENCH_RSS_FILE: rssFile };
  delete env.JOBCENTRE_DATABASE_URL;
  delete env.HUB_LINKAGE_KEY;
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ['-r', path.join(__dirname, 'peakRss.js'), 'cli/dist/bin.js', 'import', 'jobcentre', file, '--dev-linkage-key'],
    { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let summary = '';
  child.stdout.on('data', (chunk: Buffer) => (summary += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number];
  if (code !== 0) throw new Error(`hub import exited with ${code}:\n${summary}`);
  return {
    seconds: (performance.now() - started) / 1000,
    peakRss: Number(readFileSync(rssFile, 'utf8')),
    summary: summary.trim(),
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'hub-bench-import-'));
  try {
    const file = path.join(dir, 'employment.csv');
    let started = performance.now();
    await generate(file);
    console.log(
      `generated ${count(ROWS)} rows (${mib(statSync(file).size)}) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const dataDir = path.join(dir, 'data');
    for (const run of ['first load', 'same file again']) {
      const result = await hubImport(file, dataDir, path.join(dir, 'rss'));
      console.log(`\n${run}: ${result.summary.replace(/\n/g, '\n  ')}`);
      console.log(
        `  whole command ${result.seconds.toFixed(1)} s (database start included): ` +
          `${count(Math.round(ROWS / result.seconds))} rows/s, peak RSS ${mib(result.peakRss)}`,
      );
    }
    started = performance.now();
    const database = await prepareDatabase(jobcentre, { dataDir: path.join(dataDir, 'jobcentre') });
    const [{ n }] = await database.dataSource.query('SELECT count(*)::int AS n FROM employment_spell');
    await database.close();
    console.log(`\nemployment_spell holds ${count(n)} rows; ${n === ROWS ? 'all loaded' : 'MISSING ROWS'}`);
    console.log(`on ${process.platform} ${process.arch}, Node ${process.version}, ${cpus().length} cores`);
    if (n !== ROWS) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
