import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * The workspace the hub runs from: `HUB_ROOT` when set (a test's scratch copy), otherwise the
 * repository that holds this package (core/dist/ is two levels down).
 */
export const WORKSPACE_ROOT = path.resolve(process.env.HUB_ROOT || path.join(__dirname, '..', '..'));

export const GATEWAY_DEFAULT_PORT = 4000;

/** A partner's name: the folder of its subgraph under subgraphs/, kebab-case (e.g. `volunteer-centre`). */
export type PartnerName = string;

/** Lowercase words of letters and digits joined by single hyphens, starting with a letter. */
export const KEBAB_CASE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const kebabCase = (what: string) =>
  z
    .string()
    .max(40, `${what} must be 40 characters at most`)
    .regex(KEBAB_CASE, `${what} must be kebab-case: lowercase letters and digits joined by single hyphens, starting with a letter`);

/**
 * The `"hub"` block of a partner subgraph's package.json: how the partner is known in the hub.
 * The same rules check what `hub new` is asked to write.
 */
export const PartnerBlock = z.strictObject({
  /** The partner's name; must equal the folder's. */
  partner: kebabCase('the partner name'),
  /** Who the partner is, in words. */
  title: z
    .string()
    .trim()
    .min(1, 'the title must not be empty')
    .max(100, 'the title must be 100 characters at most')
    .regex(/^[^\p{Cc}]*$/u, 'the title must be one line of text'),
  /** The organisation that runs the subgraph and owns its data: identity providers name it. */
  organisation: kebabCase('the organisation code'),
  /** The subgraph's default HTTP port (`<PREFIX>_PORT` overrides it). */
  port: z.int('the port must be a whole number').min(1024, 'the port must be 1024-65535').max(65535, 'the port must be 1024-65535'),
});
export type PartnerBlock = z.infer<typeof PartnerBlock>;

export interface PartnerSpec {
  name: PartnerName;
  /** Prefix of the partner's environment variables, e.g. `JOBCENTRE_DATABASE_URL`. */
  envPrefix: string;
  defaultPort: number;
  title: string;
  /** The organisation that runs this subgraph and owns its data (its code in the alliance). */
  organisation: string;
  /** The subgraph's package folder; its package.json `main` exports the SubgraphDefinition. */
  directory: string;
}

/** `housing-association` → `HOUSING_ASSOCIATION`. */
export const envPrefixOf = (name: PartnerName) => name.toUpperCase().replace(/-/g, '_');

/** `housing-association` → `HousingAssociation`: a partner's name inside GraphQL type and field names. */
export const pascalCaseOf = (name: PartnerName) =>
  name.replace(/(^|-)([a-z0-9])/g, (_match, _dash: string, letter: string) => letter.toUpperCase());

function readPartner(directory: string): PartnerSpec | undefined {
  const manifest = path.join(directory, 'package.json');
  let json: { hub?: unknown };
  try {
    json = JSON.parse(readFileSync(manifest, 'utf8'));
  } catch (error) {
    // A folder without a manifest is not a package; a broken manifest is a mistake to report.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`${manifest} is not valid JSON: ${(error as Error).message}`);
  }
  const block = PartnerBlock.safeParse(json.hub);
  if (!block.success) {
    throw new Error(`${manifest} needs a valid "hub" block (partner, title, organisation, port):\n${z.prettifyError(block.error)}`);
  }
  const { partner, title, organisation, port } = block.data;
  if (partner !== path.basename(directory)) {
    throw new Error(`${manifest}: "hub.partner" is "${partner}" but the folder is "${path.basename(directory)}"; they must match.`);
  }
  return { name: partner, envPrefix: envPrefixOf(partner), defaultPort: port, title, organisation, directory };
}

function assertDistinct(partners: readonly PartnerSpec[], field: 'defaultPort' | 'organisation'): void {
  const seen = new Map<unknown, string>();
  for (const partner of partners) {
    const other = seen.get(partner[field]);
    if (other) throw new Error(`Partners "${other}" and "${partner.name}" have the same ${field} ${String(partner[field])}.`);
    seen.set(partner[field], partner.name);
  }
}

/**
 * The partners of the workspace at `root`: every `subgraphs/<name>/package.json`, by its `"hub"`
 * block, in the order of their ports. Ports and organisations must differ (an organisation's
 * staff may read that partner's person-level data), and no port may be the gateway's.
 */
export function discoverPartners(root: string): PartnerSpec[] {
  const folder = path.join(root, 'subgraphs');
  let entries: string[];
  try {
    entries = readdirSync(folder).sort();
  } catch {
    throw new Error(`No partner subgraphs: ${folder} cannot be read (is HUB_ROOT the repository?).`);
  }
  const partners = entries
    .map((entry) => path.join(folder, entry))
    .filter((directory) => statSync(directory).isDirectory())
    .flatMap((directory) => readPartner(directory) ?? []);
  if (partners.length === 0) throw new Error(`No partner subgraphs in ${folder}.`);
  const gatewayPort = partners.find((partner) => partner.defaultPort === GATEWAY_DEFAULT_PORT);
  if (gatewayPort) throw new Error(`Partner "${gatewayPort.name}" has port ${GATEWAY_DEFAULT_PORT}, the gateway's.`);
  assertDistinct(partners, 'defaultPort');
  assertDistinct(partners, 'organisation');
  return partners.sort((a, b) => a.defaultPort - b.defaultPort);
}

/** The hub's partners, discovered from the workspace once when core loads. */
export const PARTNERS: readonly PartnerSpec[] = discoverPartners(WORKSPACE_ROOT);

export const PARTNER_NAMES: readonly PartnerName[] = PARTNERS.map((partner) => partner.name);

export function partnerSpec(name: PartnerName): PartnerSpec {
  const spec = PARTNERS.find((partner) => partner.name === name);
  if (!spec) throw new Error(`Unknown partner "${name}"; expected one of ${PARTNER_NAMES.join(', ')}`);
  return spec;
}
