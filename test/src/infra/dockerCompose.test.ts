/**
 * Static checks of the container setup: docker-compose.yml, infra/postgres/init.sql and
 * infra/Dockerfile, against the subgraphs listed in schema/supergraph.graphql. Nothing is
 * started: the files are parsed and compared, so a subgraph added to the supergraph without its
 * service, database, role or gateway wiring fails here. The files are the repository's, or those
 * of the workspace at HUB_ROOT (test/src/cli/new.e2e.ts runs this file on a scratch copy after
 * `hub new museum`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const ROOT = path.resolve(process.env.HUB_ROOT || path.join(__dirname, '../../..'));
const SUPERGRAPH = 'schema/supergraph.graphql';
const COMPOSE = 'docker-compose.yml';
const INIT_SQL = 'infra/postgres/init.sql';
const DOCKERFILE = 'infra/Dockerfile';

function readRepoFile(relative: string, hint = ''): string {
  try {
    return readFileSync(path.join(ROOT, relative), 'utf8');
  } catch (error) {
    throw new Error(`Cannot read ${relative} in ${ROOT}${hint}: ${(error as Error).message}`);
  }
}

// ----- the subgraphs, from the supergraph's join__Graph enum -----------------------------------

function subgraphNamesOf(supergraphSdl: string): string[] {
  return [...supergraphSdl.matchAll(/@join__graph\(\s*name:\s*"([^"]+)"/g)].map((match) => match[1]);
}

function envPrefixOf(subgraph: string): string {
  return subgraph.toUpperCase().replace(/-/g, '_');
}

function roleOf(subgraph: string): string {
  return `hub_${subgraph.replace(/-/g, '_')}`;
}

// ----- docker-compose.yml -----------------------------------------------------------------------

type Env = Record<string, string>;

interface ComposeService {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  command?: string | string[];
  environment?: Record<string, string | number | boolean | null> | string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[]; disable?: boolean };
  ports?: unknown[];
  volumes?: (string | { type?: string; source?: string; target?: string })[];
  secrets?: (string | { source: string })[];
}

interface ComposeFile {
  services: Record<string, ComposeService>;
  secrets?: Record<string, { file?: string }>;
  volumes?: Record<string, unknown>;
}

/** Compose's own interpolation of `${VAR}`, `${VAR:-default}`, `${VAR-default}` and `$$`. */
function interpolate(value: string, shell: Env): string {
  return value.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)-([^}]*))?\}/g, (whole, name, colon, fallback) => {
    if (whole === '$$') return '$';
    const set = shell[name];
    if (fallback === undefined) return set ?? '';
    if (colon === ':') return set ? set : fallback;
    return set ?? fallback;
  });
}

/** A service's environment as a plain map, interpolated against `shell`. */
function environmentOf(service: ComposeService, shell: Env = {}): Env {
  const env: Env = {};
  const raw = service.environment ?? {};
  const entries: [string, unknown][] = Array.isArray(raw)
    ? raw.map((item) => {
        const at = item.indexOf('=');
        return at < 0 ? [item, ''] : [item.slice(0, at), item.slice(at + 1)];
      })
    : Object.entries(raw);
  for (const [key, value] of entries) env[key] = interpolate(value == null ? '' : String(value), shell);
  return env;
}

function commandOf(service: ComposeService): string {
  return Array.isArray(service.command) ? service.command.join(' ') : (service.command ?? '');
}

function healthcheckOf(service: ComposeService): string {
  const check = service.healthcheck;
  if (!check || check.disable) return '';
  return Array.isArray(check.test) ? check.test.join(' ') : (check.test ?? '');
}

function dependencyConditionOf(service: ComposeService, dependency: string): string | undefined {
  const dependsOn = service.depends_on;
  if (!dependsOn) return undefined;
  // The short (list) form means `service_started`.
  if (Array.isArray(dependsOn)) return dependsOn.includes(dependency) ? 'service_started' : undefined;
  return dependsOn[dependency] ? (dependsOn[dependency].condition ?? 'service_started') : undefined;
}

function dockerfileOf(service: ComposeService): string | undefined {
  if (!service.build) return undefined;
  if (typeof service.build === 'string') return path.posix.join(service.build, 'Dockerfile');
  return path.posix.join(service.build.context ?? '.', service.build.dockerfile ?? 'Dockerfile');
}

function databaseUrlsOf(services: Record<string, ComposeService>): { service: string; key: string; url: URL }[] {
  const found: { service: string; key: string; url: URL }[] = [];
  for (const [name, service] of Object.entries(services)) {
    for (const [key, value] of Object.entries(environmentOf(service))) {
      if (/^postgres(ql)?:\/\//.test(value)) found.push({ service: name, key, url: new URL(value) });
    }
  }
  return found;
}

// ----- infra/postgres/init.sql ------------------------------------------------------------------

interface SqlRole {
  login: boolean;
  superuser: boolean;
  memberOf: Set<string>;
}

interface SqlModel {
  roles: Map<string, SqlRole>;
  /** Database name to its owner and the grantees holding CONNECT (`public` for PUBLIC). */
  databases: Map<string, { owner: string; connect: Set<string> }>;
}

const identifier = (raw: string): string => raw.trim().replace(/^"(.*)"$/, '$1').toLowerCase();
const identifierList = (raw: string): string[] => raw.split(',').map(identifier).filter(Boolean);

/** SQL statements of a psql script: comments, psql meta-commands and quoted bodies removed. */
function sqlStatements(script: string): string[] {
  const sql = script
    .replace(/\$([A-Za-z_]*)\$[\s\S]*?\$\1\$/g, "''") // dollar-quoted bodies (DO blocks)
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('\\')) // psql meta-commands
    .map((line) => line.replace(/--.*$/, ''))
    .join('\n');
  return sql
    .split(';')
    .map((statement) => statement.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/**
 * What the script leaves behind, as far as connecting goes. Starts from a fresh cluster: the
 * `postgres` and `template1` databases, owned by the superuser `postgres`, which PUBLIC may
 * connect to (PostgreSQL's default for every database; template0 refuses all connections).
 */
function modelOf(script: string): SqlModel {
  const roles = new Map<string, SqlRole>([['postgres', { login: true, superuser: true, memberOf: new Set() }]]);
  const databases = new Map<string, { owner: string; connect: Set<string> }>([
    ['postgres', { owner: 'postgres', connect: new Set(['public', 'postgres']) }],
    ['template1', { owner: 'postgres', connect: new Set(['public', 'postgres']) }],
  ]);
  const connectPrivilege = (privileges: string) => /\b(connect|all)\b/i.test(privileges);

  for (const statement of sqlStatements(script)) {
    let match: RegExpMatchArray | null;
    if ((match = /^create (role|user) ("[^"]+"|\w+)(.*)$/i.exec(statement))) {
      const options = match[3];
      const memberOf = new Set<string>();
      const inRole = /\bin (?:role|group) (("[^"]+"|\w+)(\s*,\s*("[^"]+"|\w+))*)/i.exec(options);
      if (inRole) identifierList(inRole[1]).forEach((role) => memberOf.add(role));
      roles.set(identifier(match[2]), {
        login: (match[1].toLowerCase() === 'user' || /\blogin\b/i.test(options)) && !/\bnologin\b/i.test(options),
        superuser: /\bsuperuser\b/i.test(options),
        memberOf,
      });
    } else if ((match = /^alter (?:role|user) ("[^"]+"|\w+)(.*)$/i.exec(statement))) {
      const role = roles.get(identifier(match[1]));
      if (role && /\bsuperuser\b/i.test(match[2])) role.superuser = true;
      if (role && /\bnosuperuser\b/i.test(match[2])) role.superuser = false;
    } else if ((match = /^create database ("[^"]+"|\w+)(.*)$/i.exec(statement))) {
      const owner = /\bowner\s*=?\s*("[^"]+"|\w+)/i.exec(match[2]);
      const ownerName = owner ? identifier(owner[1]) : 'postgres';
      databases.set(identifier(match[1]), { owner: ownerName, connect: new Set(['public', ownerName]) });
    } else if ((match = /^alter database ("[^"]+"|\w+) owner to ("[^"]+"|\w+)$/i.exec(statement))) {
      const database = databases.get(identifier(match[1]));
      if (database) {
        database.connect.delete(database.owner);
        database.owner = identifier(match[2]);
        database.connect.add(database.owner);
      }
    } else if ((match = /^grant (.+?) on database (.+?) to (.+?)( with grant option)?$/i.exec(statement))) {
      if (!connectPrivilege(match[1])) continue;
      for (const name of identifierList(match[2])) {
        for (const grantee of identifierList(match[3])) databases.get(name)?.connect.add(grantee);
      }
    } else if ((match = /^revoke (?:grant option for )?(.+?) on database (.+?) from (.+?)( cascade| restrict)?$/i.exec(statement))) {
      if (!connectPrivilege(match[1])) continue;
      for (const name of identifierList(match[2])) {
        for (const grantee of identifierList(match[3])) databases.get(name)?.connect.delete(grantee);
      }
    } else if ((match = /^grant ((?:"[^"]+"|\w+)(?:\s*,\s*(?:"[^"]+"|\w+))*) to (.+?)( with .*)?$/i.exec(statement))) {
      // Role membership: every grantee may act as (and inherits the access of) the granted roles.
      for (const grantee of identifierList(match[2])) {
        const role = roles.get(grantee);
        if (role) identifierList(match[1]).forEach((granted) => role.memberOf.add(granted));
      }
    }
  }
  return { roles, databases };
}

/** The roles `role` can act as: itself and, transitively, every role it is a member of. */
function actingRoles(model: SqlModel, role: string): Set<string> {
  const seen = new Set<string>();
  const pending = [role];
  while (pending.length > 0) {
    const next = pending.pop() as string;
    if (seen.has(next)) continue;
    seen.add(next);
    model.roles.get(next)?.memberOf.forEach((member) => pending.push(member));
  }
  return seen;
}

function connectableDatabases(model: SqlModel, role: string): string[] {
  const acting = actingRoles(model, role);
  const superuser = [...acting].some((name) => model.roles.get(name)?.superuser);
  return [...model.databases.entries()]
    .filter(([, database]) => superuser || database.connect.has('public') || [...acting].some((name) => database.connect.has(name)))
    .map(([name]) => name)
    .sort();
}

// ----- infra/Dockerfile -------------------------------------------------------------------------

interface DockerStage {
  from: string;
  name?: string;
  instructions: { keyword: string; args: string }[];
}

function dockerStages(dockerfile: string): { args: Env; stages: DockerStage[] } {
  const lines = dockerfile
    .replace(/\\\r?\n/g, ' ') // line continuations
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const args: Env = {};
  const stages: DockerStage[] = [];
  for (const line of lines) {
    const [, keyword, rest = ''] = /^(\w+)\s*(.*)$/.exec(line) ?? [];
    if (!keyword) continue;
    const upper = keyword.toUpperCase();
    if (upper === 'FROM') {
      const [from, as, name] = rest.split(/\s+/).filter((word) => !word.startsWith('--'));
      stages.push({ from, name: as?.toUpperCase() === 'AS' ? name : undefined, instructions: [] });
    } else if (stages.length === 0 && upper === 'ARG') {
      const [name, value = ''] = rest.split('=');
      args[name.trim()] = value.trim();
    } else if (stages.length > 0) {
      stages[stages.length - 1].instructions.push({ keyword: upper, args: rest });
    }
  }
  return { args, stages };
}

// ----- the files under test ----------------------------------------------------------------------

const subgraphs = subgraphNamesOf(
  readRepoFile(SUPERGRAPH, ' (generated by `npm run compose`; the compose file is checked against it)'),
);
const compose = parse(readRepoFile(COMPOSE), { merge: true }) as ComposeFile;
const services = compose.services ?? {};

const secretsOf = (entry: ComposeService): string[] =>
  (entry.secrets ?? []).map((secret) => (typeof secret === 'string' ? secret : secret.source));
const initSql = readRepoFile(INIT_SQL);
const sqlModel = modelOf(initSql);

function service(name: string): ComposeService {
  const found = services[name];
  if (!found) throw new Error(`${COMPOSE} has no service "${name}"`);
  return found;
}

function portOf(subgraph: string): string {
  return environmentOf(service(subgraph))[`${envPrefixOf(subgraph)}_PORT`];
}

function databaseUrlOf(subgraph: string, shell: Env = {}): URL {
  return new URL(environmentOf(service(subgraph), shell)[`${envPrefixOf(subgraph)}_DATABASE_URL`]);
}

describe('the supergraph', () => {
  it('lists the subgraphs that the containers are checked against', () => {
    expect(subgraphs.length).toBeGreaterThan(0);
    expect(new Set(subgraphs).size).toBe(subgraphs.length);
  });
});

describe.each(subgraphs)('the %s subgraph container', (subgraph) => {
  const prefix = envPrefixOf(subgraph);

  it('is a service named after the subgraph', () => {
    expect(Object.keys(services)).toContain(subgraph);
  });

  it('runs the subgraph server from the shared hub image', () => {
    expect(commandOf(service(subgraph))).toBe(`node subgraphs/${subgraph}/dist/server.js`);
    expect(dockerfileOf(service(subgraph))).toBe(DOCKERFILE);
  });

  it('listens on all interfaces of the container at its own port', () => {
    const env = environmentOf(service(subgraph));
    expect(env.HUB_HOST).toBe('0.0.0.0');
    expect(env[`${prefix}_PORT`]).toMatch(/^\d+$/);
  });

  it(`has a ${prefix}_DATABASE_URL on host postgres that no other service uses`, () => {
    const url = databaseUrlOf(subgraph);
    expect(url.protocol).toMatch(/^postgres(ql)?:$/);
    expect(url.hostname).toBe('postgres');
    const database = url.pathname.replace(/^\//, '');
    expect(database).not.toBe('');
    const users = databaseUrlsOf(services).filter((entry) => entry.url.pathname.replace(/^\//, '') === database);
    expect(users.map((entry) => `${entry.service}.${entry.key}`)).toEqual([`${subgraph}.${prefix}_DATABASE_URL`]);
  });

  it(`connects as ${roleOf(subgraph)}, a role of init.sql that can reach only that database`, () => {
    const url = databaseUrlOf(subgraph);
    const role = decodeURIComponent(url.username);
    expect(role).toBe(roleOf(subgraph));
    expect(sqlModel.roles.get(role)?.login).toBe(true);
    expect(connectableDatabases(sqlModel, role)).toEqual([url.pathname.replace(/^\//, '')]);
  });

  it(`uses the password that the postgres service gives ${roleOf(subgraph)}, by default and when set`, () => {
    const variable = `${prefix}_DB_PASSWORD`;
    for (const shell of [{}, { [variable]: 'set-in-the-shell' }]) {
      const password = decodeURIComponent(databaseUrlOf(subgraph, shell).password);
      expect(password).not.toBe('');
      expect(environmentOf(service('postgres'), shell)[variable]).toBe(password);
    }
  });

  it('seeds demo data like every other subgraph', () => {
    const seeds = new Set(subgraphs.map((name) => environmentOf(service(name)).HUB_SEED_PERSONS));
    expect(seeds.size).toBe(1);
  });

  it('waits for postgres to be healthy', () => {
    expect(dependencyConditionOf(service(subgraph), 'postgres')).toBe('service_healthy');
  });

  it('verifies the gateway\'s token with the gateway\'s public key, mounted as a secret', () => {
    expect(environmentOf(service(subgraph)).HUB_GATEWAY_PUBLIC_KEY_FILE).toBe('/run/secrets/gateway_public_key');
    expect(secretsOf(service(subgraph))).toContain('gateway_public_key');
  });

  it('is healthy only when its own /readyz says its database answers and is migrated', () => {
    expect(healthcheckOf(service(subgraph))).toContain(`http://127.0.0.1:${portOf(subgraph)}/readyz`);
  });
});

describe('the gateway container', () => {
  const gateway = () => service('gateway');
  const gatewayPort = () => environmentOf(gateway()).GATEWAY_PORT;

  it('runs the gateway server from the shared hub image', () => {
    expect(commandOf(gateway())).toBe('node gateway/dist/server.js');
    expect(dockerfileOf(gateway())).toBe(DOCKERFILE);
    expect(environmentOf(gateway()).HUB_HOST).toBe('0.0.0.0');
  });

  it.each(subgraphs)('points its URL for %s at that service, its port and /graphql', (subgraph) => {
    const url = new URL(environmentOf(gateway())[`${envPrefixOf(subgraph)}_URL`]);
    expect(url.protocol).toBe('http:');
    expect(url.hostname).toBe(subgraph);
    expect(url.port).toBe(portOf(subgraph));
    expect(url.pathname).toBe('/graphql');
  });

  it('signs its tokens with its private key and trusts the issuers of a trust file, both secrets', () => {
    const env = environmentOf(gateway());
    expect(env.HUB_GATEWAY_PRIVATE_KEY_FILE).toBe('/run/secrets/gateway_private_key');
    expect(env.HUB_TRUSTED_ISSUERS_FILE).toBe('/run/secrets/trusted_issuers');
    expect(secretsOf(gateway()).sort()).toEqual(['gateway_private_key', 'trusted_issuers']);
    for (const name of ['gateway_private_key', 'gateway_public_key', 'trusted_issuers']) {
      expect(compose.secrets?.[name]?.file).toMatch(/^\.\/infra\//);
    }
  });

  it('starts only once every subgraph is healthy', () => {
    for (const subgraph of subgraphs) {
      expect([subgraph, dependencyConditionOf(gateway(), subgraph)]).toEqual([subgraph, 'service_healthy']);
    }
  });

  it('keeps its answers in the redis service: bounded, least recently used out first, nothing on disk', () => {
    expect(environmentOf(gateway()).HUB_REDIS_URL).toBe('redis://redis:6379');
    expect(dependencyConditionOf(gateway(), 'redis')).toBe('service_healthy');
    const redis = commandOf(service('redis'));
    expect(redis).toContain('--maxmemory-policy allkeys-lru');
    expect(redis).toMatch(/--maxmemory \d+mb/);
    expect(redis).toContain('--appendonly no');
    expect(healthcheckOf(service('redis'))).toContain('redis-cli ping');
  });

  it('has a health check on its own /healthz', () => {
    expect(gatewayPort()).toMatch(/^\d+$/);
    expect(healthcheckOf(gateway())).toContain(`http://127.0.0.1:${gatewayPort()}/healthz`);
  });

  it('is the only service that publishes a port, and publishes its own', () => {
    const publishing = Object.entries(services)
      .filter(([, candidate]) => (candidate.ports ?? []).length > 0)
      .map(([name]) => name);
    expect(publishing).toEqual(['gateway']);
    const ports = (gateway().ports ?? []).map((port) =>
      typeof port === 'object' && port !== null ? String((port as { target?: unknown }).target) : String(port),
    );
    expect(ports.some((port) => port === gatewayPort() || port.endsWith(`:${gatewayPort()}`))).toBe(true);
  });
});

describe('the postgres container', () => {
  const postgres = () => service('postgres');

  it('runs PostgreSQL 15 with a pg_isready health check', () => {
    expect(postgres().image).toMatch(/^postgres:15(\b|$)/);
    expect(healthcheckOf(postgres())).toContain('pg_isready');
  });

  it('keeps its data in a named volume', () => {
    const mounts = (postgres().volumes ?? []).map((volume) =>
      typeof volume === 'string' ? volume.split(':') : [volume.source ?? '', volume.target ?? ''],
    );
    const data = mounts.find(([, target]) => target === '/var/lib/postgresql/data');
    expect(data).toBeDefined();
    expect(Object.keys(compose.volumes ?? {})).toContain(data?.[0]);
  });

  it('runs init.sql when its database is first created', () => {
    const mounts = (postgres().volumes ?? []).map((volume) => (typeof volume === 'string' ? volume : `${volume.source}:${volume.target}`));
    expect(mounts.some((mount) => /^\.\/infra\/postgres\/init\.sql:\/docker-entrypoint-initdb\.d\/[^:]+\.sql(:ro)?$/.test(mount))).toBe(true);
  });
});

describe('the database setup in init.sql', () => {
  it('creates exactly one LOGIN role per subgraph', () => {
    const loginRoles = [...sqlModel.roles.entries()]
      .filter(([name, role]) => name !== 'postgres' && role.login)
      .map(([name]) => name)
      .sort();
    expect(loginRoles).toEqual(subgraphs.map(roleOf).sort());
  });

  it('lets every role it creates connect to the one database it owns and to no other', () => {
    for (const role of sqlModel.roles.keys()) {
      if (role === 'postgres') continue;
      const owned = [...sqlModel.databases.entries()].filter(([, database]) => database.owner === role).map(([name]) => name);
      expect([role, owned.length]).toEqual([role, 1]);
      expect([role, connectableDatabases(sqlModel, role)]).toEqual([role, owned]);
    }
  });

  it('gives no partner role superuser rights or another role’s membership', () => {
    for (const subgraph of subgraphs) {
      const role = sqlModel.roles.get(roleOf(subgraph));
      expect(role?.superuser).toBe(false);
      expect([...(role?.memberOf ?? [])]).toEqual([]);
    }
  });

  it('takes every partner password from the postgres container environment', () => {
    for (const subgraph of subgraphs) {
      const create = new RegExp(`^CREATE ROLE ${roleOf(subgraph)}\\b.*\\bPASSWORD :'(\\w+)';`, 'im').exec(initSql);
      expect([subgraph, create !== null]).toEqual([subgraph, true]);
      const variable = create?.[1];
      expect(initSql).toMatch(new RegExp(`^\\\\getenv ${variable} ${envPrefixOf(subgraph)}_DB_PASSWORD$`, 'm'));
    }
    expect(initSql).not.toMatch(/\bPASSWORD\s+'/i);
  });
});

describe('the hub image', () => {
  const { args, stages } = dockerStages(readRepoFile(DOCKERFILE));
  const resolve = (from: string) => from.replace(/\$\{?(\w+)\}?/g, (_, name: string) => args[name] ?? '');

  it('builds in stages on node:20-bookworm-slim', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(resolve(stage.from)).toBe('node:20-bookworm-slim');
  });

  it.each(subgraphs)('installs with the package.json of %s in place (npm ci needs every workspace\'s)', (subgraph) => {
    const build = stages[0].instructions;
    const copy = build.findIndex((i) => i.keyword === 'COPY' && i.args.trim() === `subgraphs/${subgraph}/package.json subgraphs/${subgraph}/`);
    const install = build.findIndex((i) => i.keyword === 'RUN' && /\bnpm ci\b/.test(i.args));
    expect(copy).toBeGreaterThanOrEqual(0);
    expect(install).toBeGreaterThan(copy);
  });

  it('runs its final stage as a non-root user in production mode', () => {
    const runtime = stages[stages.length - 1];
    const users = runtime.instructions.filter((instruction) => instruction.keyword === 'USER');
    expect(users.length).toBeGreaterThan(0);
    const user = users[users.length - 1].args.trim().split(':')[0];
    expect(['', 'root', '0']).not.toContain(user);
    expect(runtime.instructions.some((i) => i.keyword === 'ENV' && /\bNODE_ENV[= ]production\b/.test(i.args))).toBe(true);
  });

  it('leaves host build outputs and dependencies out of the build context', () => {
    const ignored = readRepoFile('.dockerignore')
      .split(/\r?\n/)
      .map((line) => line.trim().replace(/^\*\*\//, '').replace(/\/$/, ''));
    for (const entry of ['node_modules', 'dist', '.data', '.git', 'test/artifacts']) expect(ignored).toContain(entry);
  });
});
