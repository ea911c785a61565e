import { spawnSync } from 'node:child_process';
import { REPO_ROOT } from '../support/processes';

function hub(...args: string[]): { status: number | null; stderr: string } {
  const result = spawnSync(process.execPath, ['cli/dist/bin.js', ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr };
}

describe('every `hub` command exits 2 on a usage error, and says what was wrong', () => {
  it.each([
    [[], /Usage: hub \[options\] \[command\]/],
    [['nosuch'], /unknown command 'nosuch'/],
    [['start', '--persons', 'x'], /expected a whole number above 0, got "x"/],
    [['reset', '--persons', '0'], /expected a whole number above 0, got "0"/],
    [['token'], /required option '--role <role\.\.\.>' not specified/],
    [['token', '--role', 'analyst', '--partner', 'nobody'], /--partner must be one of .*; got "nobody"/],
    [['compose', '--bogus'], /unknown option '--bogus'/],
    [['check'], /missing required argument 'partner'/],
    [['check', 'bakery'], /Allowed choices are municipality/],
    [['check', 'jobcentre', '--schema', '/nowhere/proposal.graphql'], /Cannot read --schema \/nowhere\/proposal\.graphql/],
    [['import', 'jobcentre'], /missing required argument 'file'/],
    [['export'], /Usage: hub export/],
    [['new', ''], /✖ "" is not a partner name/],
    [['new', '-'], /✖ "-" is not a partner name/],
  ])('hub %j', (args, message) => {
    const result = hub(...args);
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 2, stderr: expect.stringMatching(message) });
    expect(result.stderr).not.toMatch(/TypeError|at .*\.js:\d+/);
  });

  it('exits 0 for help', () => {
    expect(hub('--help').status).toBe(0);
    expect(hub('check', '--help').status).toBe(0);
    expect(hub('help', 'import').status).toBe(0);
  });
});
