// Summarises V8 CPU profiles (`node --cpu-prof`): self time per function and per package, over
// every .cpuprofile in a folder (one per gateway worker), idle time left out.
// Standalone: `node bench/dist/cpuProfile.js <folder>`.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { table } from './report';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
}

/** Who owns the code: an npm package, Node itself, V8's own work, or the hub's code. */
function owner(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  if (url.startsWith('node:')) return 'node (built-in)';
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (match) return match[1];
  const repo = /\/(gateway|core|bench|subgraphs\/[^/]+)\/dist\//.exec(url);
  return repo ? `hub ${repo[1]}` : url;
}

export function summariseProfiles(dir: string, top = 20): string {
  const selfSamples = new Map<string, number>();
  const byOwner = new Map<string, number>();
  let total = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as CpuProfile;
    for (const node of profile.nodes) {
      const hits = node.hitCount ?? 0;
      const { functionName, url, lineNumber } = node.callFrame;
      if (hits === 0 || functionName === '(idle)') continue;
      const where = url ? `${path.basename(url)}:${lineNumber + 1}` : '';
      const key = `${functionName || '(anonymous)'}\t${where}\t${owner(url, functionName)}`;
      selfSamples.set(key, (selfSamples.get(key) ?? 0) + hits);
      byOwner.set(owner(url, functionName), (byOwner.get(owner(url, functionName)) ?? 0) + hits);
      total += hits;
    }
  }
  if (total === 0) return `no samples in ${dir}`;
  const share = (hits: number) => `${((100 * hits) / total).toFixed(1)} %`;
  const sorted = (map: Map<string, number>) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  const functions = table(
    ['self time', 'function', 'where', 'package'],
    sorted(selfSamples).map(([key, hits]) => [share(hits), ...key.split('\t')]),
  );
  const owners = table(['self time', 'package'], sorted(byOwner).map(([name, hits]) => [share(hits), name]));
  return `Busy time by package:\n${owners}\n\nTop functions by self time:\n${functions}`;
}

if (require.main === module) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node bench/dist/cpuProfile.js <folder with .cpuprofile files>');
    process.exit(2);
  }
  console.log(summariseProfiles(dir));
}
