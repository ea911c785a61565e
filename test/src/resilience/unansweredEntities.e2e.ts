// What the gateway's data source answers for an entity fetch a partner did not answer: null for
// each field asked that it is told to answer null for, per representation, so that a later
// `@requires` fetch keeps the entity; any other field stays missing, as before.
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { DEFAULT_TRAFFIC, HubDataSource, PartnerLink, type GatewayContext } from '@hub/gateway';
import { behaviours, refusingUrl, standInPartner } from '../gateway/standIns';

const ENTITIES = `query Q__volunteer_centre__1($representations:[_Any!]!){_entities(representations:$representations){
  __typename ...Reading ... on Club { alias: members name }
}} fragment Reading on Indicator { volunteerCentreReading { indicatorId area { value } } ownerCode }`;

const REPRESENTATIONS = [
  { __typename: 'Indicator', id: 'a' },
  { __typename: 'Club', code: 'c' },
];

/** Null on failure for every field but `ownerCode` and `name`. */
const nullOnFailure = (_type: string, field: string) => !['ownerCode', 'name'].includes(field);

const fetch = (query: string, variables: Record<string, unknown>) =>
  ({ request: { query, variables }, context: {} }) as unknown as GraphQLDataSourceProcessOptions<GatewayContext>;

const settings = { ...DEFAULT_TRAFFIC, retries: 0 };

describe('an entity fetch the partner did not answer', () => {
  it('answers null for each field asked that it is told to, per representation and type, with the attributed error', async () => {
    const link = new PartnerLink('volunteer-centre', await refusingUrl(), settings);
    const answer = await new HubDataSource(link, nullOnFailure).process(fetch(ENTITIES, { representations: REPRESENTATIONS }));
    expect(answer.data).toEqual({ _entities: [{ volunteerCentreReading: null }, { alias: null }] });
    expect(answer.errors).toEqual([expect.objectContaining({ extensions: { code: 'PARTNER_UNAVAILABLE', partner: 'volunteer-centre' } })]);
    link.close();
  });

  it('answers the same when the partner answered errors without data', async () => {
    const leaky = await standInPartner(behaviours.leaky);
    const link = new PartnerLink('volunteer-centre', leaky.url, settings);
    const answer = await new HubDataSource(link, nullOnFailure).process(fetch(ENTITIES, { representations: REPRESENTATIONS }));
    expect(answer.data).toEqual({ _entities: [{ volunteerCentreReading: null }, { alias: null }] });
    link.close();
    await leaky.close();
  });

  it('answers no data for a failed root fetch: there is no entity to keep', async () => {
    const link = new PartnerLink('volunteer-centre', await refusingUrl(), settings);
    const answer = await new HubDataSource(link, nullOnFailure).process(fetch('query Q__volunteer_centre__0{clubs(first:1){totalCount}}', {}));
    expect(answer.data).toBeUndefined();
    expect(answer.errors?.[0]).toMatchObject({ path: ['clubs'] });
    link.close();
  });
});
