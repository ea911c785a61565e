import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  GATEWAY_DEFAULT_PORT,
  KEBAB_CASE,
  PARTNERS,
  PartnerBlock,
  WORKSPACE_ROOT,
  auditFieldPrefix,
  envPrefixOf,
} from '@hub/core';
import { InvalidArgumentError, type Command } from 'commander';
import { planDeployment } from '../deployment/planDeployment';
import { projectReferenceEdit, scaffoldPartner } from './scaffold';

export interface NewOptions {
  title?: string;
  organisation?: string;
  port?: number;
}

/** Names whose environment variables are the hub's own: GATEWAY_PORT, HUB_DATA_DIR... */
const HUB_OWN_PREFIXES = new Set(['gateway', 'hub']);

/** The scaffold exports the definition under the camelCase name: it must be a free identifier. */
const NOT_AN_IDENTIFIER = new Set(
  ('arguments await break case catch class const continue debugger default delete do else enum eval export ' +
    'extends false finally for function if implements import in instanceof interface let new null package ' +
    'private protected public return static super switch this throw true try typeof var void while with yield ' +
    'createLoaders lineOfActionReference runSubgraph').split(' '),
);

/** Why `name` cannot be a new partner's name in the workspace at `root`, or undefined. */
export function partnerNameProblem(name: string, root: string = WORKSPACE_ROOT): string | undefined {
  const shownName = JSON.stringify(name);
  if (!KEBAB_CASE.test(name) || name.length > 40) {
    return `${shownName} is not a partner name: use kebab-case, 40 characters at most (lowercase letters and digits joined by single hyphens, starting with a letter), e.g. "museum" or "business-esbjerg".`;
  }
  if (HUB_OWN_PREFIXES.has(name)) {
    return `${shownName} is reserved: its settings (${envPrefixOf(name)}_PORT...) would be the hub's own.`;
  }
  if (NOT_AN_IDENTIFIER.has(auditFieldPrefix(name))) {
    return `${shownName} is reserved: it is a word of JavaScript or of the scaffold's code; add a word, e.g. "${name}-esbjerg".`;
  }
  const taken = PARTNERS.find((partner) => partner.name === name);
  if (taken || existsSync(path.join(root, 'subgraphs', name))) {
    return `${shownName} is taken: subgraphs/${name} exists already${taken ? ` (${taken.title})` : ''}.`;
  }
  if (existsSync(path.join(root, 'test', 'src', 'subgraphs', `${name}.e2e.ts`))) {
    return `${shownName} is taken: test/src/subgraphs/${name}.e2e.ts exists already.`;
  }
  return undefined;
}

/** `business-esbjerg` → `Business Esbjerg`: a title to start with. */
const titleOf = (name: string) => name.split('-').map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ');

const OPTION_OF: Record<string, string> = { title: '--title', organisation: '--organisation', port: '--port' };

/** Clashes with the partners there are: a port or an organisation that is someone else's. */
function clashes(port: number, organisation: string): string[] {
  const problems: string[] = [];
  const portOwner = port === GATEWAY_DEFAULT_PORT ? 'the gateway' : PARTNERS.find((p) => p.defaultPort === port)?.name;
  if (portOwner) problems.push(`--port: ${port} is the port of ${portOwner}.`);
  const organisationOwner = PARTNERS.find((p) => p.organisation === organisation);
  if (organisationOwner) {
    problems.push(
      `--organisation: "${organisation}" runs ${organisationOwner.name} already; one organisation runs one subgraph (its staff may read that subgraph's person-level data).`,
    );
  }
  return problems;
}

/** The new partner's "hub" block, or every reason it cannot be made. */
export function planPartner(name: string, options: NewOptions, root: string = WORKSPACE_ROOT): PartnerBlock | string[] {
  const nameProblem = partnerNameProblem(name, root);
  const candidate = {
    partner: name,
    title: options.title ?? titleOf(name),
    organisation: options.organisation ?? name,
    port: options.port ?? Math.max(GATEWAY_DEFAULT_PORT, ...PARTNERS.map((partner) => partner.defaultPort)) + 1,
  };
  const parsed = PartnerBlock.safeParse(candidate);
  // The name's problem is said better by nameProblem, and defaults made from a bad name would repeat it.
  const fromName = (field: string) =>
    field === 'partner' || (nameProblem !== undefined && options[field as keyof NewOptions] === undefined);
  const problems = [
    ...(nameProblem ? [nameProblem] : []),
    ...(parsed.error?.issues ?? [])
      .filter((issue) => !fromName(String(issue.path[0])))
      .map((issue) => `${OPTION_OF[String(issue.path[0])]}: ${issue.message}`),
    ...clashes(candidate.port, candidate.organisation),
  ];
  return problems.length > 0 || !parsed.success ? problems : parsed.data;
}

/** `hub new`: checks everything first, writes only when all is well. Returns the exit code. */
export function newPartner(name: string, options: NewOptions, root: string = WORKSPACE_ROOT): number {
  const plan = planPartner(name, options, root);
  // The Docker files are planned too before anything is written: hub new writes all or nothing.
  const deployment = Array.isArray(plan) ? { edits: [], problems: plan } : planDeployment(plan, root);
  if (Array.isArray(plan) || deployment.problems.length > 0) {
    for (const problem of deployment.problems) console.error(`✖ ${problem}`);
    console.error('Nothing was written. See hub new --help.');
    return 2;
  }
  const written = scaffoldPartner(plan, [...projectReferenceEdit(plan, root), ...deployment.edits], root);
  const from = path.relative(process.cwd(), root);
  const step = (command: string, why: string) => `  ${command.padEnd(46)} # ${why}`;
  console.log(
    `✔ New partner subgraph "${plan.partner}": ${plan.title}, run by organisation ${plan.organisation}, ` +
      `port ${plan.port}, settings ${envPrefixOf(plan.partner)}_*.`,
  );
  for (const line of written) console.log(`  ${line}`);
  console.log(`\nNext steps${from ? ` (in ${from})` : ''}:`);
  for (const line of [
    step('npm install', 'records the new workspace in package-lock.json'),
    step('npm run build', 'compiles it with the other packages'),
    step(`node cli/dist/bin.js check ${plan.partner}`, 'it composes, and changes nothing for clients'),
    step('node cli/dist/bin.js compose', 'adds its fields to schema/supergraph.graphql'),
    step(`npm test -- test/src/subgraphs/${plan.partner}.e2e.ts`, 'its own test, on real HTTP and SQL'),
    step('npm start', 'every partner and the gateway, with seed data'),
  ]) {
    console.log(line);
  }
  console.log(`
Then make it the partner's own: its tables in src/entities/ (a new migration in src/migrations/
for every change), its synthetic data in src/seed/, its fields in src/resolvers/, a per-request
loader in src/loaders/ for anything read per row (docs/partner-it.md: "How to add a field"). Commit
schema/supergraph*.graphql and the Docker files with it (docker compose up --build runs it with
the others). Its staff's tokens must name the organisation "${plan.organisation}".`);
  return 0;
}

function port(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed)) throw new InvalidArgumentError(`expected a whole number, got "${value}"`);
  return parsed;
}

export function registerNew(program: Command): void {
  program
    .command('new')
    .summary('Scaffold a new partner\'s subgraph in subgraphs/<partner>, ready to build and compose.')
    .description(
      'Scaffold the subgraph of a partner joining the alliance: subgraphs/<partner>/ with the layout ' +
        'of the others (entities, migrations, resolvers, loaders, seed, import, server.ts): an ' +
        'example activity with participations, a disclosure-controlled measure on LineOfAction, ' +
        'person-level fields for the partner\'s own staff and an import mapping; plus an ' +
        'end-to-end test in test/src/subgraphs/, a project reference in tsconfig.json, and its ' +
        'container setup in docker-compose.yml (service, database password, gateway URL), ' +
        'infra/postgres/init.sql (role and database) and infra/Dockerfile.\n\n' +
        'The partner is found from the "hub" block of its package.json: hub start, hub compose, ' +
        'hub check, hub import, hub token, the gateway and docker compose take it in with no other ' +
        'change. ' +
        'Everything is checked before anything is written.',
    )
    .argument('<partner>', 'the partner\'s name in kebab-case, e.g. museum or business-esbjerg; also its folder and its settings\' prefix (MUSEUM_PORT, BUSINESS_ESBJERG_DATABASE_URL)')
    .option('--title <text>', 'who the partner is, in words (default: from the name, e.g. "Business Esbjerg")')
    .option('--organisation <code>', 'the organisation that runs the subgraph, as its identity provider names it (default: the partner name)')
    .option('--port <port>', 'the subgraph\'s default port (default: the highest partner port + 1)', port)
    .addHelpText(
      'after',
      `
Examples:
  $ hub new museum
  $ hub new museum --title "Museum of Southwest Jutland" --organisation sydvestjyske-museer --port 4006
  $ hub new business-esbjerg --title "Business Esbjerg"

Exit codes: 0 written, 2 nothing written (a bad or taken name, a bad option, a Docker file
without the entries the new partner's go beside).`,
    )
    .action((name: string, options: NewOptions) => {
      process.exitCode = newPartner(name, options);
    });
}
