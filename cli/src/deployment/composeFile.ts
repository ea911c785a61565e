import { Pair, Scalar, YAMLMap, YAMLSeq, isMap, isScalar, isSeq, parseDocument, visit, type Document, type Node } from 'yaml';
import { MissingAnchor, type Added, type DeployedPartner } from './deployedPartner';

/** The file's own layout: long lines stay whole, flow sequences are written `["CMD", ...]`. */
const LAYOUT = { lineWidth: 0, flowCollectionPadding: false };

/** The fragments every partner service merges in, by their anchors (`<<: *subgraph`). */
const FRAGMENTS = ['subgraph', 'subgraph-env', 'healthcheck-timing'] as const;

const quoted = (value: string) => Object.assign(new Scalar(value), { type: Scalar.QUOTE_DOUBLE });

function flowList(values: string[]): YAMLSeq {
  const list = new YAMLSeq();
  list.flow = true;
  list.items = values.map(quoted);
  return list;
}

function mapOf(pairs: Pair[]): YAMLMap {
  const map = new YAMLMap();
  map.items = pairs;
  return map;
}

const keyOf = (pair: Pair) => (isScalar(pair.key) ? String(pair.key.value) : '');

function anchored(doc: Document, anchor: string): Node {
  let found: Node | undefined;
  visit(doc, {
    Node(_key, node) {
      if (node.anchor !== anchor) return undefined;
      found = node;
      return visit.BREAK;
    },
  });
  if (!found) throw new MissingAnchor(`no "&${anchor}" fragment; every partner service merges it in with "<<: *${anchor}".`);
  return found;
}

function mapAt(doc: Document, path: string[]): YAMLMap {
  const node = doc.getIn(path, true);
  if (!isMap(node)) throw new MissingAnchor(`no map at ${path.join('.')}; the new partner's entry goes there.`);
  return node;
}

/**
 * Puts `key: make()` after the last item of `map` that `isAnchor` accepts; false, and nothing
 * made, when the key is there already.
 */
function insertAfterLast(map: YAMLMap, key: Scalar, make: () => Node, isAnchor: (pair: Pair) => boolean, where: string): boolean {
  if (map.has(key.value)) return false;
  const last = map.items.findLastIndex((item) => isAnchor(item as Pair));
  if (last < 0) throw new MissingAnchor(`no ${where}; the new partner's entry goes after the last one.`);
  map.items.splice(last + 1, 0, new Pair(key, make()));
  return true;
}

const endsWith = (suffix: string) => (pair: Pair) => keyOf(pair).endsWith(suffix);

/** A partner service: `command: ["node", "subgraphs/<partner>/dist/server.js"]`. */
function isPartnerService(pair: Pair): boolean {
  const command = isMap(pair.value) ? pair.value.get('command') : undefined;
  return isSeq(command) && /^node subgraphs\/[^/]+\/dist\/server\.js$/.test(command.toJSON().join(' '));
}

/** The password from the shell, or a default that is for local development only. */
const passwordOf = (name: string, envPrefix: string) => `\${${envPrefix}_DB_PASSWORD:-${name}-dev-only}`;

/** The partner's service, as the others are: the shared fragments, its port, database URL and /readyz check. */
function service(doc: Document, { name, port, envPrefix, role }: DeployedPartner): YAMLMap {
  const [base, env, timing] = FRAGMENTS.map((anchor) => doc.createPair('<<', doc.createAlias(anchored(doc, anchor) as YAMLMap)));
  const ready = `fetch('http://127.0.0.1:${port}/readyz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))`;
  const environment = mapOf([
    env,
    doc.createPair(`${envPrefix}_PORT`, quoted(String(port))),
    doc.createPair(`${envPrefix}_DATABASE_URL`, `postgres://${role}:${passwordOf(name, envPrefix)}@postgres:5432/${role}`),
  ]);
  return mapOf([
    base,
    doc.createPair('command', flowList(['node', `subgraphs/${name}/dist/server.js`])),
    doc.createPair('environment', environment),
    doc.createPair('healthcheck', mapOf([timing, doc.createPair('test', flowList(['CMD', 'node', '-e', ready]))])),
  ]);
}

/**
 * Adds the partner to docker-compose.yml, comments and layout kept: its service after the last
 * partner's, its database password to postgres, its URL and a healthy-service dependency to the
 * gateway. What is there already is left as it is.
 */
export function addToCompose(text: string, partner: DeployedPartner): Added {
  const doc = parseDocument(text, { merge: true });
  if (doc.errors.length > 0) throw new MissingAnchor(`is not valid YAML (${doc.errors[0].message}).`);
  const { name, port, envPrefix } = partner;
  const added: string[] = [];
  const serviceKey = Object.assign(new Scalar(name), { spaceBefore: true }); // a blank line between services
  const partnerService = 'partner service (command: ["node", "subgraphs/<partner>/dist/server.js"])';
  if (insertAfterLast(mapAt(doc, ['services']), serviceKey, () => service(doc, partner), isPartnerService, partnerService)) {
    added.push(`service ${name}`);
  }
  const postgres = mapAt(doc, ['services', 'postgres', 'environment']);
  const passwordKey = new Scalar(`${envPrefix}_DB_PASSWORD`);
  if (insertAfterLast(postgres, passwordKey, () => new Scalar(passwordOf(name, envPrefix)), endsWith('_DB_PASSWORD'), '<PREFIX>_DB_PASSWORD for postgres')) {
    added.push(`${envPrefix}_DB_PASSWORD for postgres`);
  }
  const gateway = mapAt(doc, ['services', 'gateway', 'environment']);
  const urlKey = new Scalar(`${envPrefix}_URL`);
  if (insertAfterLast(gateway, urlKey, () => new Scalar(`http://${name}:${port}/graphql`), endsWith('_URL'), '<PREFIX>_URL for the gateway')) {
    added.push(`${envPrefix}_URL for the gateway`);
  }
  const dependsOn = mapAt(doc, ['services', 'gateway', 'depends_on']);
  if (!dependsOn.has(name)) {
    dependsOn.add(doc.createPair(name, { condition: 'service_healthy' }));
    added.push('the gateway waits for it to be healthy');
  }
  return { text: added.length > 0 ? doc.toString(LAYOUT) : text, added };
}
