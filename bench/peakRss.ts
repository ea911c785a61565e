// Preloaded into the command the benchmark runs (`node -r`): records its peak resident set size.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const file = process.env.HUB_BENCH_RSS_FILE;
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS * 1024));
});
