import { buildClientSchema, getIntrospectionQuery, getNamedType, type IntrospectionQuery } from 'graphql';
import { PARTNER_NAMES, Role, partnerSpec, type PartnerName } from '@hub/core';
import { startHub, type TestHub } from '../support/hub';
import { postGraphQL } from '../support/graphql';
import { analystToken, callerToken, staffToken } from '../support/identity';
import type { ArgumentChooser, Seen } from './fieldWalk';
import { walkGraph } from './walkGraph';

const first = (seen: Seen, type: string, where: (object: Record<string, unknown>) => boolean = () => true) =>
  seen.get(type)?.find(where);

/** The cohort each provider's agreement allows: an estate's, a district's or a programme's residents. */
function cohortFor(provider: unknown, seen: Seen) {
  const definition = (kind: string, field: string, value: unknown) => (value === undefined ? undefined : { kind, [field]: value });
  const area = (kind: string) => first(seen, 'Area', (a) => a.kind === kind)?.code;
  if (provider === partnerSpec('housing-association').organisation) return definition('ESTATE_RESIDENTS', 'area', area('ESTATE'));
  if (provider === partnerSpec('municipality').organisation) return definition('DISTRICT_RESIDENTS', 'area', area('DISTRICT'));
  return definition('PROGRAMME_PARTICIPANTS', 'programme', first(seen, 'Initiative')?.code);
}

/**
 * Arguments from the graph's own answers: codes and ids of the type a field returns, a district or
 * an estate of `areas`, an agreement in force with a cohort its provider may define. No agreement
 * grants every cohort measure, so callers take the agreements in force in turn (`turn`). Only the
 * pseudonym comes from the partners' records, since the graph never lists one.
 */
const chooser = (pseudonym: string, turn: number): ArgumentChooser => (_owner, field, arg, seen) => {
  const today = new Date().toISOString().slice(0, 10);
  const inForce = (seen.get('DataSharingAgreement') ?? []).filter((a) => String(a.validTo) >= today);
  const agreement = inForce[turn % Math.max(inForce.length, 1)];
  switch (arg.name) {
    case 'code':
    case 'id':
      return first(seen, getNamedType(field.type).name)?.[arg.name];
    case 'area':
      return first(seen, 'Area', (a) => a.kind === 'DISTRICT')?.code;
    case 'estate':
      return first(seen, 'Area', (a) => a.kind === 'ESTATE')?.code;
    case 'pseudonym':
      return pseudonym;
    case 'agreement':
      return agreement?.code;
    case 'definition':
      return agreement && cohortFor(agreement.provider, seen);
    default:
      return undefined;
  }
};

/** A young resident of an estate with records at as many partners as the seed has. */
async function wellRecordedPseudonym(hub: TestHub): Promise<string> {
  const sql = async (partner: PartnerName, text: string) =>
    new Set<string>((await hub.subgraphs[partner].database.dataSource.query(text)).map((row: { pseudonym: string }) => row.pseudonym));
  const sets = await Promise.all([
    sql('housing-association', 'SELECT pseudonym FROM tenancy'),
    sql('volunteer-centre', 'SELECT pseudonym FROM membership'),
    sql('jobcentre', 'SELECT pseudonym FROM employment_spell'),
    sql('jobcentre', 'SELECT pseudonym FROM benefit_spell'),
    sql('municipality', 'SELECT pseudonym FROM youth_status_spell'),
  ]);
  const candidates = [...sets[0]].sort();
  const score = (pseudonym: string) => sets.filter((set) => set.has(pseudonym)).length;
  return candidates.reduce((best, pseudonym) => (score(pseudonym) > score(best) ? pseudonym : best), candidates[0]);
}

const staff = PARTNER_NAMES.map((partner): [string, () => Promise<string>] => [`${partner}'s staff`, () => staffToken(partner)]);
const admins = PARTNER_NAMES.map((partner): [string, () => Promise<string>] => [
  `${partner}'s administrator`,
  () => callerToken({ partner: partnerSpec(partner).organisation, roles: [Role.ADMIN] }),
]);
const CALLERS: [string, () => Promise<string>][] = [
  ['an analyst of the secretariat', analystToken],
  ['a public dashboard (the contract)', () => callerToken({ partner: 'lauritzen-foundation', roles: [Role.DASHBOARD] })],
  ...staff,
  ...admins,
];

describe('every field of the composed graph, asked by every kind of caller', () => {
  let hub: TestHub;
  let pseudonym: string;
  const reachable = new Set<string>();
  const answered = new Set<string>();

  beforeAll(async () => {
    hub = await startHub({ persons: 1000 });
    pseudonym = await wellRecordedPseudonym(hub);
  });
  afterAll(() => hub?.stop());

  it.each(CALLERS.map(([who, token], turn) => [who, token, turn] as const))(
    'answers every field %s may see without a server, partner or serialisation error',
    async (_who, token, turn) => {
      const bearer = await token();
      const introspection = await postGraphQL<IntrospectionQuery>(hub.gatewayUrl, getIntrospectionQuery(), undefined, bearer);
      const schema = buildClientSchema(introspection.data!);
      const ask = (query: string, variables: Record<string, unknown>) => postGraphQL(hub.gatewayUrl, query, variables, bearer);
      const result = await walkGraph(schema, ask, chooser(pseudonym, turn));
      expect(result.failures).toEqual([]);
      expect(result.skipped).toEqual([]);
      result.reachable.forEach((field) => reachable.add(field));
      result.asked.filter((field) => !result.empty.includes(field)).forEach((field) => answered.add(field));
    },
  );

  it('has had every field answered with a value by at least one caller, so no field went unexercised', () => {
    expect(reachable.size).toBeGreaterThan(100);
    expect([...reachable].filter((field) => !answered.has(field))).toEqual([]);
  });
});
