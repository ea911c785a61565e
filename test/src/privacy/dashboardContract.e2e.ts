import { Role } from '@hub/core';
import { exampleQuery, startHub, type TestHub } from '../support/hub';
import { postGraphQL } from '../support/graphql';
import { analystToken, callerToken } from '../support/identity';

const PERSON_LEVEL_TYPES = ['Person', 'EmploymentSpell', 'BenefitSpell', 'Tenancy', 'YouthStatusSpell', 'ClubMembership'];
const INTROSPECTION = '{ __schema { types { name } queryType { fields { name } } } }';

interface Introspection {
  __schema: { types: { name: string }[]; queryType: { fields: { name: string }[] } };
}

describe('the dashboard audience\'s contract', () => {
  let hub: TestHub;
  let dashboard: string;

  beforeAll(async () => {
    hub = await startHub({ persons: 300 });
    dashboard = await callerToken({ partner: 'lauritzen-foundation', roles: [Role.DASHBOARD] });
  });
  afterAll(() => hub?.stop());

  it('has no person-level type or field at all, not even in introspection', async () => {
    const response = await postGraphQL<Introspection>(hub.gatewayUrl, INTROSPECTION, undefined, dashboard);
    const types = response.data!.__schema.types.map((type) => type.name);
    for (const name of PERSON_LEVEL_TYPES) expect(types).not.toContain(name);
    const rootFields = response.data!.__schema.queryType.fields.map((field) => field.name);
    expect(rootFields).not.toContain('person');
    expect(rootFields.filter((name) => /Audit|AccessesToPerson/.test(name))).toEqual([]);
    expect(types).toContain('Measure');
  });

  it('has no mutation at all: the registry\'s changes and their input types are the secretariat\'s only', async () => {
    const query = '{ __schema { mutationType { name } types { name } } }';
    const dashboards = await postGraphQL<{ __schema: { mutationType: null; types: { name: string }[] } }>(hub.gatewayUrl, query, undefined, dashboard);
    expect(dashboards.data!.__schema.mutationType).toBeNull();
    const registryInputs = ['NewIndicatorInput', 'IndicatorChangeInput', 'InitiativeChangeInput'];
    expect(dashboards.data!.__schema.types.map((type) => type.name).filter((name) => registryInputs.includes(name))).toEqual([]);
    const secretariat = await postGraphQL<{ __schema: { mutationType: { name: string } } }>(hub.gatewayUrl, query, undefined, await analystToken());
    expect(secretariat.data!.__schema.mutationType).toEqual({ name: 'Mutation' });
  });

  it('answers a question about a person as a field that does not exist', async () => {
    const response = await postGraphQL(hub.gatewayUrl, `{ person(pseudonym: "${'a'.repeat(64)}") { birthYear } }`, undefined, dashboard);
    expect(response.status).toBe(400);
    expect(response.errors?.[0]).toMatchObject({
      message: expect.stringContaining('Cannot query field "person"'),
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });

  it('answers the aggregates of the flagship query', async () => {
    const response = await postGraphQL(hub.gatewayUrl, exampleQuery('job-line-of-action'), undefined, dashboard);
    expect(response.errors).toBeUndefined();
    expect(response.data).toHaveProperty('lineOfAction.partTimeJobEsbjerg.unit', 'SHARE');
  });

  it('leaves the full graph to the other roles, whose rights are checked field by field', async () => {
    const response = await postGraphQL<Introspection>(hub.gatewayUrl, INTROSPECTION, undefined, await analystToken());
    expect(response.data!.__schema.types.map((type) => type.name)).toEqual(expect.arrayContaining(PERSON_LEVEL_TYPES));
  });
});
