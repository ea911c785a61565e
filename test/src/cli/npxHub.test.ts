import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../support/processes';

describe('`npx hub` after `npm install` in the repository', () => {
  it('runs the command through the bin npm linked, node_modules/.bin/hub', () => {
    expect(realpathSync(path.join(REPO_ROOT, 'node_modules/.bin/hub'))).toBe(path.join(REPO_ROOT, 'cli/bin/hub.js'));
    // --no: never fetch a package called "hub" from the registry instead.
    const result = spawnSync('npx', ['--no', '--', 'hub', '--help'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: hub \[options\] \[command\]/);
  });

  it('says to run the build when the command is not built yet', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'hub-unbuilt-'));
    try {
      mkdirSync(path.join(root, 'cli', 'bin'), { recursive: true });
      copyFileSync(path.join(REPO_ROOT, 'cli/bin/hub.js'), path.join(root, 'cli/bin/hub.js'));
      const result = spawnSync(process.execPath, [path.join(root, 'cli/bin/hub.js'), '--help'], { encoding: 'utf8' });
      expect(result.status).toBe(1);
      expect(result.stderr).toBe(`hub is not built yet (no cli/dist/bin.js): run "npm run build" in ${root} first.\n`);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
