// Each partner subgraph against Apollo's subgraph compatibility expectations
// (apollographql/apollo-federation-subgraph-compatibility: `_service { sdl }`, `@link`, `@key`,
// `_entities`, `@requires`/`@external`, `@shareable`, `@tag`, `@inaccessible`) for the Federation 2
// features the hub uses, over real HTTP: every subgraph is called directly with a token the
// gateway would sign.
//
// `@requires`, `@external` and `@inaccessible` carry what travels only inside the query plan (a
// cohort's members and size, an agreement's terms, the indicator owners' readings); the test
// checks one `@requires` answer from the representation alone, and that exactly those elements are
// `@inaccessible`. Not tested because the hub does not use them yet: `@provides`, `@override` and
// `@interfaceObject` (imported by the `@link`, applied nowhere), nested keys and several keys on
// one type (every entity has one key; `IndicatorObservation`'s has three fields). `ftv1` inline
// traces are not offered: every subgraph installs ApolloServerPluginInlineTraceDisabled.
import { readFileSync } from 'node:fs';
import { Role, partnerSpec, type PartnerName, type Viewer } from '@hub/core';
import {
  DASHBOARD_SUPERGRAPH_PATH,
  HIDDEN_FROM_DASHBOARDS,
  SUPERGRAPH_PATH,
  composeSupergraph,
  dashboardSubgraph,
} from '@hub/schema';
import {
  Kind,
  parse,
  type DirectiveNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type ObjectTypeDefinitionNode,
  type ObjectTypeExtensionNode,
} from 'graphql';
import { postGraphQL, type GraphQLResponse } from '../support/graphql';
import { startHub, type TestHub } from '../support/hub';
import { analystToken, gatewayToken, ownStaff } from '../support/identity';

type EntityType =
  | 'LineOfAction' | 'Area' | 'Person' | 'Initiative' | 'Partner' | 'School' | 'Club'
  | 'Cohort' | 'Indicator' | 'IndicatorObservation' | 'GoalFulfilmentSummary';

/** Each entity's `@key(fields:)`, as the join__type lines of schema/supergraph.graphql have it. */
const KEY: Record<EntityType, string> = {
  LineOfAction: 'code',
  Area: 'code',
  Person: 'pseudonym',
  Initiative: 'code',
  Partner: 'code',
  School: 'code',
  Club: 'code',
  Cohort: 'id',
  Indicator: 'id',
  IndicatorObservation: 'indicatorId period on',
  GoalFulfilmentSummary: 'scope',
};
const keyFields = (type: EntityType) => KEY[type].split(' ');

/** What only an entity's owner answers from a bare key (Person and IndicatorObservation: nothing). */
const OWNED: Partial<Record<EntityType, string>> = {
  LineOfAction: 'name',
  Area: 'name',
  Initiative: 'name',
  Partner: 'name',
  School: 'name',
  Club: 'name',
  Indicator: 'name',
  Cohort: 'definition { kind area programme ageBand asOf }',
  GoalFulfilmentSummary: 'indicators',
};

/** The entities each subgraph declares (schema/README.md), and whether it owns them. */
const ENTITIES: Record<PartnerName, Partial<Record<EntityType, 'owner' | 'contributor' | 'not resolvable'>>> = {
  municipality: {
    LineOfAction: 'contributor', Area: 'owner', Person: 'owner', School: 'owner',
    Cohort: 'contributor', Indicator: 'contributor', IndicatorObservation: 'contributor',
  },
  'housing-association': { Area: 'contributor', LineOfAction: 'contributor', Person: 'contributor', Cohort: 'contributor' },
  jobcentre: {
    LineOfAction: 'contributor', Initiative: 'contributor', Person: 'contributor',
    Cohort: 'contributor', Indicator: 'contributor', IndicatorObservation: 'contributor',
  },
  'volunteer-centre': {
    Person: 'contributor', Club: 'owner', LineOfAction: 'contributor', Area: 'contributor',
    Cohort: 'contributor', Indicator: 'contributor', IndicatorObservation: 'contributor',
  },
  // The foundation names areas (grants, initiatives) without resolving them: `resolvable: false`.
  foundation: {
    Initiative: 'owner', LineOfAction: 'owner', Partner: 'owner', Area: 'not resolvable',
    Cohort: 'owner', Indicator: 'owner', IndicatorObservation: 'owner', GoalFulfilmentSummary: 'owner',
  },
};

const PARTNERS = Object.keys(ENTITIES) as PartnerName[];

/**
 * The cohort releases and indicator readings that travel only in the query plan: one type per
 * producing partner, since Hive Gateway refuses a type that several subgraphs return only from
 * @requires fields (schema/README.md).
 */
const COHORT_RELEASE_TYPES = ['EstateCohortRelease', 'DistrictCohortRelease', 'ProgrammeCohortRelease'];
const INDICATOR_READING_TYPES = ['MunicipalityIndicatorReading', 'JobcentreIndicatorReading', 'VolunteerCentreIndicatorReading'];

/** Federation elements Apollo's compatibility suite accepts in the federation `@link`'s imports. */
const FEDERATION_IMPORTS = [
  '@composeDirective', '@extends', '@external', '@inaccessible', '@key', '@override', '@provides', '@requires', '@shareable', '@tag', 'FieldSet',
];

const MEASURE_FIELDS = 'value numerator denominator unit suppressed suppressionReason';

/** Each subgraph's `@shareable` value types, reached directly: a Measure (or AgeBandMeasure) of its own. */
const OWN_MEASURE: Record<PartnerName, string> = {
  municipality: `population(area: "esbjerg") { ${MEASURE_FIELDS} }`,
  'housing-association': `residentsByAgeBand(estate: "hedelundgardparken") { ageBand measure { ${MEASURE_FIELDS} } }`,
  jobcentre: `partTimeJobShare(area: "esbjerg") { ${MEASURE_FIELDS} }`,
  'volunteer-centre': `clubMembership(area: "esbjerg") { ${MEASURE_FIELDS} }`,
  foundation: `funding { ${MEASURE_FIELDS} }`,
};

/** Fields of different types (String!, ID!, LocalDate!, objects) cannot share one response name. */
const alias = (type: EntityType, field: string) => `${type[0].toLowerCase()}${type.slice(1)}_${field}`;

const resolvableTypes = (partner: PartnerName) =>
  (Object.keys(ENTITIES[partner]) as EntityType[]).filter((type) => ENTITIES[partner][type] !== 'not resolvable');

/** `_entities` asking every type the subgraph resolves for its key fields, and for what only the owner answers. */
const entitiesQuery = (partner: PartnerName) => {
  const selection = (type: EntityType) => [
    ...keyFields(type).map((field) => `${alias(type, field)}: ${field}`),
    ...(ENTITIES[partner][type] === 'owner' && OWNED[type] ? [`${alias(type, 'owned')}: ${OWNED[type]}`] : []),
  ];
  const fragments = resolvableTypes(partner).map((type) => `... on ${type} { ${selection(type).join(' ')} }`);
  return `query ($representations: [_Any!]!) { _entities(representations: $representations) { __typename ${fragments.join(' ')} } }`;
};

/** A key's values, in the order of its `@key` fields. */
type Key = string[];

interface Entity {
  __typename: string;
  key: Key;
  owned?: unknown;
}

type Representation = Record<string, unknown>;

const representation = (type: EntityType, key: Key): Representation => ({
  __typename: type,
  ...Object.fromEntries(keyFields(type).map((field, index) => [field, key[index]])),
});

/** An `_entities` answer as type, key and (owners only) what the owner answered. */
function normalise(answer: Record<string, unknown> | null): Entity | null {
  if (answer === null) return null;
  const type = answer.__typename as EntityType;
  const owned = alias(type, 'owned');
  return {
    __typename: type,
    key: keyFields(type).map((field) => answer[alias(type, field)] as string),
    ...(owned in answer ? { owned: answer[owned] } : {}),
  };
}

const stringArgument = (directive: DirectiveNode, name: string): string | undefined => {
  const value = directive.arguments?.find((arg) => arg.name.value === name)?.value;
  return value?.kind === Kind.STRING ? value.value : undefined;
};

/** Type name → its `@key` directives' `fields` and `resolvable`, from an SDL. */
function keysOf(document: DocumentNode): Record<string, { fields: string; resolvable: boolean }[]> {
  const keys: Record<string, { fields: string; resolvable: boolean }[]> = {};
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    for (const directive of definition.directives ?? []) {
      if (directive.name.value !== 'key' && directive.name.value !== 'federation__key') continue;
      const resolvable = directive.arguments?.find((arg) => arg.name.value === 'resolvable')?.value;
      (keys[definition.name.value] ??= []).push({
        fields: stringArgument(directive, 'fields') ?? '',
        resolvable: !(resolvable?.kind === Kind.BOOLEAN && !resolvable.value),
      });
    }
  }
  return keys;
}

/** Schema coordinates (`Type`, `Type.field`, `Type.field(arg:)`, `Enum.VALUE`) carrying a directive, each with its `name:` argument. */
function coordinatesWith(document: DocumentNode, directiveName: string): [coordinate: string, name: string | undefined][] {
  const found: [string, string | undefined][] = [];
  const note = (coordinate: string, directives: readonly DirectiveNode[] | undefined) => {
    for (const directive of directives ?? []) {
      if (directive.name.value === directiveName) found.push([coordinate, stringArgument(directive, 'name')]);
    }
  };
  for (const definition of document.definitions) {
    if (!('name' in definition) || !definition.name || definition.kind === Kind.DIRECTIVE_DEFINITION) continue;
    const type = definition.name.value;
    note(type, 'directives' in definition ? definition.directives : undefined);
    const fields = 'fields' in definition ? (definition.fields as readonly FieldDefinitionNode[] | undefined) : undefined;
    for (const field of fields ?? []) {
      note(`${type}.${field.name.value}`, field.directives);
      for (const arg of field.arguments ?? []) note(`${type}.${field.name.value}(${arg.name.value}:)`, arg.directives);
    }
    for (const value of 'values' in definition ? (definition.values ?? []) : []) note(`${type}.${value.name.value}`, value.directives);
  }
  return found;
}

/** Coordinate → the names of the `@tag`s on it. */
function tagsOf(document: DocumentNode): Map<string, Set<string>> {
  const tags = new Map<string, Set<string>>();
  for (const [coordinate, name] of coordinatesWith(document, 'tag')) {
    tags.set(coordinate, new Set([...(tags.get(coordinate) ?? []), ...(name ? [name] : [])]));
  }
  return tags;
}

const inaccessibleOf = (document: DocumentNode): Set<string> =>
  new Set(coordinatesWith(document, 'inaccessible').map(([coordinate]) => coordinate));

/** Field name → printed type of an object type, descriptions and directives left out. */
function shapeOf(definition: ObjectTypeDefinitionNode | ObjectTypeExtensionNode): Record<string, string> {
  const printType = (node: FieldDefinitionNode['type']): string =>
    node.kind === Kind.NON_NULL_TYPE ? `${printType(node.type)}!` : node.kind === Kind.LIST_TYPE ? `[${printType(node.type)}]` : node.name.value;
  return Object.fromEntries((definition.fields ?? []).map((field) => [field.name.value, printType(field.type)]));
}

describe('Apollo subgraph compatibility, for the Federation 2 features the hub uses', () => {
  let hub: TestHub;
  const tokens = {} as Record<PartnerName, string>;
  const sdl = {} as Record<PartnerName, string>;
  /** Two keys of each entity type that exist, and what their owners answer for them. */
  const known = {} as Record<EntityType, { key: Key; owned?: unknown }[]>;

  /** Calls one subgraph directly, as the gateway would for `viewer` (its own staff by default). */
  const callSubgraph = async <T = Record<string, unknown>>(
    partner: PartnerName,
    query: string,
    variables?: Record<string, unknown>,
    viewer?: Viewer,
  ): Promise<GraphQLResponse<T>> =>
    postGraphQL<T>(hub.subgraphs[partner].url, query, variables, viewer ? await gatewayToken(viewer) : tokens[partner]);

  const entities = async (partner: PartnerName, representations: Representation[], viewer?: Viewer) => {
    const response = await callSubgraph<{ _entities: (Record<string, unknown> | null)[] }>(
      partner,
      entitiesQuery(partner),
      { representations },
      viewer,
    );
    return { ...response, entities: response.data?._entities.map(normalise) };
  };

  /** What the foundation answers for two cohorts, two indicators, two observations and two goal summaries. */
  async function foundationKnown() {
    type Named = { code: string; name: string };
    type CohortAnswer = { id: string; definition: Record<string, unknown> };
    const cohortDefinition = 'id definition { kind area programme ageBand asOf }';
    const response = await callSubgraph<{
      linesOfAction: Named[];
      initiatives: { edges: { node: Named }[] };
      partners: { edges: { node: Named }[] };
      estate: CohortAnswer;
      district: CohortAnswer;
      indicators: { id: string; name: string; series: { period: string; on: string }[] }[];
      allianceGoalFulfilment: { scope: string; indicators: number };
      lineOfAction: { goalFulfilment: { scope: string; indicators: number } };
    }>(
      'foundation',
      `{ linesOfAction { code name } initiatives(first: 2) { edges { node { code name } } } partners(first: 2) { edges { node { code name } } }
         estate: cohort(definition: { kind: ESTATE_RESIDENTS, area: "hedelundgardparken", ageBand: AGE_15_24, asOf: "2026-01-01" },
                        agreement: "medvind-neet-follow-up") { ${cohortDefinition} }
         district: cohort(definition: { kind: DISTRICT_RESIDENTS, area: "osterbyen", ageBand: AGE_15_17, asOf: "2026-01-01" },
                          agreement: "osterbyen-youth-job-and-leisure") { ${cohortDefinition} }
         indicators { id name series { period on } }
         allianceGoalFulfilment { scope indicators } lineOfAction(code: JOB) { goalFulfilment { scope indicators } } }`,
    );
    expect(response.errors).toBeUndefined();
    const data = response.data!;
    const [first, second] = data.indicators;
    return {
      LineOfAction: asKnown(data.linesOfAction.filter((line) => ['JOB', 'HEALTH'].includes(line.code))),
      Initiative: asKnown(data.initiatives.edges.map((edge) => edge.node)),
      Partner: asKnown(data.partners.edges.map((edge) => edge.node)),
      Cohort: [data.estate, data.district].map(({ id, definition }) => ({ key: [id], owned: definition })),
      Indicator: [first, second].map(({ id, name }) => ({ key: [id], owned: name })),
      IndicatorObservation: [
        { key: [first.id, first.series[0].period, first.series[0].on] },
        { key: [second.id, second.series.at(-1)!.period, second.series.at(-1)!.on] },
      ],
      GoalFulfilmentSummary: [data.allianceGoalFulfilment, data.lineOfAction.goalFulfilment].map(({ scope, indicators }) => ({
        key: [scope],
        owned: indicators,
      })),
    };
  }

  const asKnown = (items: { code: string; name: string }[]) => items.map(({ code, name }) => ({ key: [code], owned: name }));

  beforeAll(async () => {
    hub = await startHub({ persons: 300 });
    for (const partner of PARTNERS) {
      tokens[partner] = await gatewayToken(ownStaff(partner));
      const response = await callSubgraph<{ _service: { sdl: string } }>(partner, '{ _service { sdl } }');
      sdl[partner] = response.data!._service.sdl;
    }
    const municipality = await callSubgraph<{ esbjerg: { code: string; name: string; schools: { code: string; name: string }[] }; osterbyen: { code: string; name: string } }>(
      'municipality',
      '{ esbjerg: area(code: "esbjerg") { code name schools { code name } } osterbyen: area(code: "osterbyen") { code name } }',
    );
    const volunteer = await callSubgraph<{ clubs: { edges: { node: { code: string; name: string } }[] } }>(
      'volunteer-centre',
      '{ clubs(first: 2) { edges { node { code name } } } }',
    );
    const persons = (await hub.subgraphs.municipality.database.dataSource.query(
      'SELECT pseudonym FROM person ORDER BY pseudonym LIMIT 2',
    )) as { pseudonym: string }[];
    Object.assign(known, {
      ...(await foundationKnown()),
      Area: asKnown([municipality.data!.esbjerg, municipality.data!.osterbyen]),
      School: asKnown(municipality.data!.esbjerg.schools.slice(0, 2)),
      Club: asKnown(volunteer.data!.clubs.edges.map((edge) => edge.node)),
      Person: persons.map(({ pseudonym }) => ({ key: [pseudonym] })),
    });
    expect(Object.keys(known).sort()).toEqual(Object.keys(KEY).sort());
    for (const [type, items] of Object.entries(known)) expect([type, items.length]).toEqual([type, 2]);
  });
  afterAll(() => hub?.stop());

  describe('_service { sdl }', () => {
    it.each(PARTNERS)('%s links exactly one Federation 2 spec, importing only federation elements', (partner) => {
      const links = parse(sdl[partner]).definitions.flatMap((definition) =>
        definition.kind === Kind.SCHEMA_DEFINITION || definition.kind === Kind.SCHEMA_EXTENSION
          ? (definition.directives ?? []).filter((directive) => directive.name.value === 'link')
          : [],
      );
      const federation = links.filter((link) => stringArgument(link, 'url')?.startsWith('https://specs.apollo.dev/federation/'));
      expect(federation).toHaveLength(1);
      expect(stringArgument(federation[0], 'url')).toMatch(/^https:\/\/specs\.apollo\.dev\/federation\/v2\.\d+$/);
      const imports = federation[0].arguments?.find((arg) => arg.name.value === 'import')?.value;
      expect(imports?.kind).toBe(Kind.LIST);
      const imported = imports?.kind === Kind.LIST ? imports.values.map((value) => (value.kind === Kind.STRING ? value.value : '?')) : [];
      expect(imported.filter((name) => !FEDERATION_IMPORTS.includes(name))).toEqual([]);
      expect(imported).toEqual(expect.arrayContaining(['@key', '@shareable', '@tag', '@inaccessible', '@composeDirective']));
    });

    it.each(PARTNERS)('%s declares one @key, with the expected fields, on exactly the entities it has', (partner) => {
      const expected = Object.fromEntries(
        Object.entries(ENTITIES[partner]).map(([type, role]) => [type, [{ fields: KEY[type as EntityType], resolvable: role !== 'not resolvable' }]]),
      );
      expect(keysOf(parse(sdl[partner]))).toEqual(expected);
    });

    it.each(PARTNERS)('%s serves its whole subgraph schema: Query with _entities and _service, and _Entity over its entities', (partner) => {
      // Federation 2's @apollo/subgraph prints the subgraph schema with the federation definitions
      // (_Any, _Entity, _Service, the directives); Apollo's suite compares the subgraph's own types
      // and ignores those.
      const document = parse(sdl[partner]);
      const query = document.definitions.find(
        (definition): definition is ObjectTypeDefinitionNode => definition.kind === Kind.OBJECT_TYPE_DEFINITION && definition.name.value === 'Query',
      );
      expect(query && shapeOf(query)).toMatchObject({ _entities: '[_Entity]!', _service: '_Service!' });
      const entity = document.definitions.find((definition) => definition.kind === Kind.UNION_TYPE_DEFINITION && definition.name.value === '_Entity');
      const members = entity?.kind === Kind.UNION_TYPE_DEFINITION ? (entity.types ?? []).map((type) => type.name.value).sort() : [];
      expect(members).toEqual(Object.keys(ENTITIES[partner]).sort());
    });

    it.each(PARTNERS)('%s composes its access rules into the supergraph with @composeDirective(name: "@hubScopes")', (partner) => {
      expect(sdl[partner]).toMatch(/@composeDirective\(name: "@hubScopes"\)/);
      expect(sdl[partner]).toMatch(/@link\(url: "https:\/\/specs\.partner-data-hub\.dk\/access\/v0\.1", import: \["@hubScopes"\]\)/);
    });

    it('composes, from what the five subgraphs serve, exactly the checked-in supergraph and dashboard contract', () => {
      const served = PARTNERS.map((name) => ({ name, url: `http://localhost:${partnerSpec(name).defaultPort}/graphql`, sdl: sdl[name] }));
      expect(composeSupergraph(served)).toBe(readFileSync(SUPERGRAPH_PATH, 'utf8'));
      expect(composeSupergraph(served.map(dashboardSubgraph))).toBe(readFileSync(DASHBOARD_SUPERGRAPH_PATH, 'utf8'));
    });
  });

  describe('_entities', () => {
    const resolvable = PARTNERS.flatMap((partner) =>
      (Object.entries(ENTITIES[partner]) as [EntityType, string][])
        .filter(([, role]) => role !== 'not resolvable')
        .map(([type, role]) => [partner, type, role] as const),
    );

    it.each(resolvable)('%s resolves %s references by key, in order, several at once (%s)', async (partner, type, role) => {
      const [first, second] = known[type];
      const response = await entities(partner, [representation(type, second.key), representation(type, first.key), representation(type, second.key)]);
      expect(response.errors).toBeUndefined();
      const expected = (item: { key: Key; owned?: unknown }): Entity => ({
        __typename: type,
        key: item.key,
        ...(role === 'owner' && OWNED[type] ? { owned: item.owned } : {}),
      });
      expect(response.entities).toEqual([expected(second), expected(first), expected(second)]);
    });

    it.each(PARTNERS)('%s answers a batch of every entity type it resolves, interleaved, in the order asked', async (partner) => {
      const asked = [1, 0].flatMap((index) => resolvableTypes(partner).map((type) => [type, known[type][index].key] as const));
      const response = await entities(partner, asked.map(([type, key]) => representation(type, key)));
      expect(response.errors).toBeUndefined();
      expect(response.entities?.map((entity) => [entity?.__typename, entity?.key])).toEqual(asked);
    });

    it('answers null, without an error, for an unknown key of an entity a subgraph looks up', async () => {
      const lookedUp: [PartnerName, EntityType, Key][] = [
        ['municipality', 'Area', ['atlantis']],
        ['municipality', 'School', ['hogwarts']],
        ['housing-association', 'Area', ['atlantis']],
        ['volunteer-centre', 'Area', ['atlantis']],
        ['volunteer-centre', 'Club', ['no-such-club']],
        ['volunteer-centre', 'LineOfAction', ['SPORT']],
        ['foundation', 'Initiative', ['no-such-initiative']],
        ['foundation', 'Partner', ['no-such-partner']],
        ['foundation', 'LineOfAction', ['SPORT']],
        ['foundation', 'Indicator', ['no-such-indicator']],
        ['foundation', 'IndicatorObservation', ['no-such-indicator', '2024', '2024-12-31']],
        ['foundation', 'GoalFulfilmentSummary', ['SPORT']],
      ];
      for (const [partner, type, unknown] of lookedUp) {
        const [first, second] = known[type];
        const response = await entities(partner, [representation(type, first.key), representation(type, unknown), representation(type, second.key)]);
        expect([partner, type, response.errors]).toEqual([partner, type, undefined]);
        expect(response.entities?.map((entity) => entity?.key ?? null)).toEqual([first.key, null, second.key]);
      }
    });

    it('answers a stub for any key of an entity a subgraph only extends and holds nothing of: Initiative in the jobcentre', async () => {
      const response = await entities('jobcentre', [representation('Initiative', ['no-such-initiative'])]);
      expect(response.errors).toBeUndefined();
      expect(response.entities).toEqual([{ __typename: 'Initiative', key: ['no-such-initiative'] }]);
      const placements = await callSubgraph<{ _entities: { placements: unknown }[] }>(
        'jobcentre',
        'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Initiative { placements { value suppressed } } } }',
        { r: [representation('Initiative', ['no-such-initiative'])] },
      );
      expect(placements.errors).toBeUndefined();
    });

    it.each(['housing-association', 'jobcentre', 'volunteer-centre'] as const)(
      '%s answers a Person for any pseudonym, so that a caller without access cannot tell whether it holds a record',
      async (partner) => {
        // README, "Access rules": a partner answers a Person reference for any pseudonym, with empty
        // fields when it holds no record; whether it knows a person is not revealed before its check.
        const field = { 'housing-association': 'tenancy { movedInOn }', jobcentre: 'employment { kind }', 'volunteer-centre': 'clubMemberships { startedOn }' }[partner];
        const table = { 'housing-association': 'tenancy', jobcentre: 'employment_spell', 'volunteer-centre': 'membership' }[partner];
        const [{ pseudonym: held }] = (await hub.subgraphs[partner].database.dataSource.query(
          `SELECT pseudonym FROM ${table} ORDER BY pseudonym LIMIT 1`,
        )) as { pseudonym: string }[];
        const unheld = 'f'.repeat(64);
        const ask = async (pseudonym: string, viewer: Viewer) => {
          const response = await callSubgraph<{ _entities: Record<string, unknown>[] }>(
            partner,
            `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { ${field} } } }`,
            { r: [representation('Person', [pseudonym])] },
            viewer,
          );
          // Each answer carries its own random request id; everything else must be identical.
          return JSON.stringify(response, (key, value: unknown) => (key === 'requestId' ? undefined : value));
        };
        const analyst: Viewer = { subject: 'test-analyst', partner: 'lauritzen-foundation', roles: [Role.ANALYST], purpose: null };
        expect(await ask(held, analyst)).toBe(await ask(unheld, analyst));
        expect(await ask(held, analyst)).toContain('"code":"FORBIDDEN"');
        // The partner's own staff see the difference: a record, or nothing.
        expect(await ask(held, ownStaff(partner))).not.toBe(await ask(unheld, ownStaff(partner)));
        expect(JSON.parse(await ask(unheld, ownStaff(partner)))).toEqual({
          status: 200,
          data: { _entities: [{ [field.split(' ')[0]]: partner === 'housing-association' ? null : [] }] },
        });
      },
    );

    it('the municipality tells known from unknown pseudonyms only to callers who may look persons up', async () => {
      // A caller without the person-lookup right gets the same answer for a pseudonym the register
      // holds and one it does not; staff with a purpose (who may look up) learn which is which.
      const dashboard: Viewer = { subject: 'test-dashboard', partner: 'lauritzen-foundation', roles: [Role.DASHBOARD], purpose: null };
      const [held] = known.Person;
      const unheld = 'f'.repeat(64);
      const asked = [representation('Person', held.key), representation('Person', [unheld])];
      const forDashboard = await entities('municipality', asked, dashboard);
      expect(forDashboard.errors).toBeUndefined();
      expect(forDashboard.entities).toEqual([
        { __typename: 'Person', key: held.key },
        { __typename: 'Person', key: [unheld] },
      ]);
      const forStaff = await entities('municipality', asked, ownStaff('municipality'));
      expect(forStaff.entities).toEqual([{ __typename: 'Person', key: held.key }, null]);
    });

    it('answers a @requires field from the @external fields of the representation alone: the foundation\'s Cohort.size', async () => {
      // The definer's size reaches the foundation only in the representation; the foundation relays
      // it through the count rule again (3 persons are withheld even if the representation says not).
      const [{ key: [id] }] = known.Cohort;
      const count = (numerator: number | null, suppressionReason: string | null = null) => ({
        value: numerator, numerator, denominator: null, unit: 'COUNT', suppressed: suppressionReason !== null, suppressionReason,
      });
      const withSize = (estateCohortSize: unknown) => ({ __typename: 'Cohort', id, estateCohortSize, districtCohortSize: null, programmeCohortSize: null });
      const response = await callSubgraph<{ _entities: { size: unknown }[] }>(
        'foundation',
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Cohort { size { ${MEASURE_FIELDS} } } } }`,
        { r: [withSize(count(42)), withSize(count(null, 'SECONDARY')), withSize(count(3)), withSize(null)] },
      );
      expect(response.errors).toBeUndefined();
      expect(response.data!._entities).toEqual([
        { size: count(42) },
        { size: count(null, 'SECONDARY') },
        { size: count(null, 'BELOW_THRESHOLD') },
        { size: null },
      ]);
    });

    it.each(['municipality', 'housing-association', 'jobcentre', 'volunteer-centre'] as const)(
      '%s answers a plain null for an unknown line of action',
      async (partner) => {
        const response = await entities(partner, [representation('LineOfAction', ['JOB']), representation('LineOfAction', ['SPORT'])]);
        expect(response.errors).toBeUndefined();
        expect(response.entities).toEqual([{ __typename: 'LineOfAction', key: ['JOB'] }, null]);
      },
    );
  });

  describe('@shareable value types', () => {
    /** Each value type shared between subgraphs, with its directives: @inaccessible too where only the query plan carries it. */
    const SHAREABLE: Record<string, string[]> = {
      ...Object.fromEntries(
        ['Measure', 'PageInfo', 'AgeBandMeasure', 'AuditRecordConnection', 'AuditRecordEdge', 'AuditRecord', 'AgreementGrant'].map((name) => [name, ['shareable']]),
      ),
      ...Object.fromEntries(['AgreementTerms', ...COHORT_RELEASE_TYPES, ...INDICATOR_READING_TYPES].map((name) => [name, ['shareable', 'inaccessible']])),
    };

    const definitionsOf = (partner: PartnerName) =>
      new Map(
        parse(sdl[partner])
          .definitions.filter((definition): definition is ObjectTypeDefinitionNode => definition.kind === Kind.OBJECT_TYPE_DEFINITION)
          .map((definition) => [definition.name.value, definition]),
      );

    it('are marked @shareable, with the same fields, in every subgraph that defines them', () => {
      const shapes = new Map<string, Record<string, string>>();
      const definedBy = new Map<string, PartnerName[]>();
      for (const partner of PARTNERS) {
        for (const [name, definition] of definitionsOf(partner)) {
          if (!(name in SHAREABLE)) continue;
          expect([partner, name, definition.directives?.map((directive) => directive.name.value)]).toEqual([partner, name, SHAREABLE[name]]);
          shapes.set(name, shapes.get(name) ?? shapeOf(definition));
          expect([partner, name, shapeOf(definition)]).toEqual([partner, name, shapes.get(name)]);
          definedBy.set(name, [...(definedBy.get(name) ?? []), partner]);
        }
      }
      expect(definedBy.get('Measure')).toEqual(PARTNERS);
      expect(definedBy.get('PageInfo')).toEqual(PARTNERS);
      expect(definedBy.get('AgeBandMeasure')).toEqual(['housing-association']);
      expect(definedBy.get('AgreementTerms')).toEqual(PARTNERS);
      // A release's definer and its recipients; an owner's reading, its owner and the foundation.
      expect(definedBy.get('EstateCohortRelease')).toEqual(PARTNERS.filter((partner) => partner !== 'foundation'));
      expect(definedBy.get('DistrictCohortRelease')).toEqual(['municipality', 'jobcentre', 'volunteer-centre']);
      expect(definedBy.get('ProgrammeCohortRelease')).toEqual(['municipality', 'jobcentre', 'volunteer-centre']);
      expect(definedBy.get('MunicipalityIndicatorReading')).toEqual(['municipality', 'foundation']);
      expect(definedBy.get('JobcentreIndicatorReading')).toEqual(['jobcentre', 'foundation']);
      expect(definedBy.get('VolunteerCentreIndicatorReading')).toEqual(['volunteer-centre', 'foundation']);
    });

    it.each(PARTNERS)('%s resolves its own Measure (AgeBandMeasure in the housing association)', async (partner) => {
      const response = await callSubgraph<{ _entities: Record<string, unknown>[] }>(
        partner,
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on LineOfAction { ${OWN_MEASURE[partner]} } } }`,
        { r: [representation('LineOfAction', ['JOB'])] },
      );
      expect(response.errors).toBeUndefined();
      const [answer] = Object.values(response.data!._entities[0]);
      const measures = (Array.isArray(answer) ? answer.map((band: { measure: unknown }) => band.measure) : [answer]) as Record<string, unknown>[];
      expect(measures.length).toBeGreaterThan(0);
      for (const measure of measures) {
        expect(measure).toEqual({
          value: measure.suppressed ? null : expect.any(Number),
          numerator: measure.suppressed ? null : measure.numerator,
          denominator: measure.suppressed ? null : measure.denominator,
          unit: expect.stringMatching(/^[A-Z_]+$/),
          suppressed: expect.any(Boolean),
          suppressionReason: measure.suppressed ? expect.any(String) : null,
        });
      }
    });

    it.each(PARTNERS)('%s resolves PageInfo, on its administrators\' audit log', async (partner) => {
      const prefix = partner.replace(/-(\w)/g, (_match, letter: string) => letter.toUpperCase());
      const admin: Viewer = { subject: `test-admin@${partner}`, partner: partnerSpec(partner).organisation, roles: [Role.ADMIN], purpose: null };
      const response = await callSubgraph<Record<string, { pageInfo: { hasNextPage: boolean; endCursor: string | null } }>>(
        partner,
        `{ log: ${prefix}AuditLog(first: 1) { pageInfo { hasNextPage endCursor } } }`,
        undefined,
        admin,
      );
      expect(response.errors).toBeUndefined();
      const { hasNextPage, endCursor } = response.data!.log.pageInfo;
      expect(typeof hasNextPage).toBe('boolean');
      expect(endCursor === null || typeof endCursor === 'string').toBe(true);
    });

    it('resolve through the gateway from every subgraph in one query', async () => {
      const response = await postGraphQL<{ lineOfAction: Record<string, unknown> }>(
        hub.gatewayUrl,
        `{ lineOfAction(code: JOB) {
             funding { unit } population(area: "esbjerg") { unit } partTimeJobShare(area: "esbjerg") { unit }
             clubMembership(area: "esbjerg") { unit } residentsByAgeBand(estate: "hedelundgardparken") { measure { unit } }
             initiatives(first: 1) { pageInfo { hasNextPage } } clubs(first: 1) { pageInfo { hasNextPage } } } }`,
        undefined,
        await analystToken(),
      );
      expect(response.errors).toBeUndefined();
      const line = response.data!.lineOfAction;
      for (const field of ['funding', 'population', 'partTimeJobShare', 'clubMembership']) {
        expect([field, line[field]]).toEqual([field, { unit: expect.any(String) }]);
      }
      expect(line.residentsByAgeBand).toEqual(expect.arrayContaining([{ measure: { unit: 'COUNT' } }]));
      expect(line.initiatives).toEqual({ pageInfo: { hasNextPage: true } });
      expect(line.clubs).toEqual({ pageInfo: { hasNextPage: expect.any(Boolean) } });
    });
  });

  describe('@tag and @inaccessible in the composed supergraphs', () => {
    /** Elements that travel only between subgraphs inside the query plan; the subgraphs make them @inaccessible. */
    const QUERY_PLAN_ONLY = [
      // Cohorts: the members a definer releases to each recipient, its size, the agreement's terms.
      'Cohort.estateMembersForMunicipality', 'Cohort.estateMembersForJobcentre', 'Cohort.estateMembersForVolunteerCentre',
      'Cohort.districtMembersForJobcentre', 'Cohort.districtMembersForVolunteerCentre',
      'Cohort.programmeMembersForMunicipality', 'Cohort.programmeMembersForVolunteerCentre',
      'Cohort.estateCohortSize', 'Cohort.districtCohortSize', 'Cohort.programmeCohortSize',
      'Cohort.agreementTerms', 'AgreementTerms', ...COHORT_RELEASE_TYPES,
      // Indicators: the owners' readings, and the definition fields the owners read them with.
      ...INDICATOR_READING_TYPES, 'GoalFulfilmentSummary.scopeIndicators',
      ...['Indicator', 'IndicatorObservation'].flatMap((type) =>
        ['municipalityReading', 'jobcentreReading', 'volunteerCentreReading', 'ownerCode', 'areaCode', 'comparisonAreaCode'].map((field) => `${type}.${field}`),
      ),
      'IndicatorObservation.indicatorId', 'IndicatorObservation.measure', 'IndicatorObservation.ageBand',
    ];

    const full = () => parse(readFileSync(SUPERGRAPH_PATH, 'utf8'));
    const dashboard = () => parse(readFileSync(DASHBOARD_SUPERGRAPH_PATH, 'utf8'));

    it('carries every @tag the subgraphs serve, on the same elements, in both supergraphs', () => {
      const served = new Map<string, Set<string>>();
      for (const partner of PARTNERS) {
        for (const [coordinate, names] of tagsOf(parse(sdl[partner]))) {
          served.set(coordinate, new Set([...(served.get(coordinate) ?? []), ...names]));
        }
      }
      expect(served.get('Person')).toEqual(new Set(['person-level']));
      expect(served.get('Query.jobcentreAuditLog')).toEqual(new Set(['audit']));
      expect(tagsOf(full())).toEqual(served);
      expect(tagsOf(dashboard())).toEqual(served);
      expect(readFileSync(SUPERGRAPH_PATH, 'utf8')).toContain('@link(url: "https://specs.apollo.dev/tag/v0.3")');
    });

    it('makes exactly what only the query plan carries @inaccessible in the full supergraph, as the subgraphs apply it', () => {
      const applied = new Set(PARTNERS.flatMap((partner) => [...inaccessibleOf(parse(sdl[partner]))]));
      expect(applied).toEqual(new Set(QUERY_PLAN_ONLY));
      expect(inaccessibleOf(full())).toEqual(applied);
    });

    it('makes exactly the person-level, audit and registry elements, the Mutation root they empty, and what only the query plan carries, @inaccessible in the dashboard contract', () => {
      const hidden = [...tagsOf(dashboard())]
        .filter(([, names]) => [...names].some((name) => HIDDEN_FROM_DASHBOARDS.includes(name)))
        .map(([coordinate]) => coordinate);
      expect(hidden).toEqual(
        expect.arrayContaining(['Person', 'Query.person', 'Person.employment', 'Tenancy', 'Query.municipalityAuditLog', 'Mutation.updateIndicator', 'IndicatorChangeInput']),
      );
      expect(inaccessibleOf(dashboard())).toEqual(new Set([...hidden, 'Mutation', ...QUERY_PLAN_ONLY]));
      expect(readFileSync(DASHBOARD_SUPERGRAPH_PATH, 'utf8')).toContain('@link(url: "https://specs.apollo.dev/inaccessible/v0.2", for: SECURITY)');
    });

    it('records the foundation\'s Area key as not resolvable, and every other entity key as resolvable, in the supergraph', () => {
      const text = readFileSync(SUPERGRAPH_PATH, 'utf8');
      expect(text).toContain('@join__type(graph: FOUNDATION, key: "code", resolvable: false)');
      expect(text.match(/resolvable: false\)/g)).toHaveLength(1);
    });
  });
});
