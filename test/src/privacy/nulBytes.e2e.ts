import { PARTNER_NAMES, type PartnerName } from '@hub/core';
import { postGraphQL } from '../support/graphql';
import { startHub, type TestHub } from '../support/hub';
import { gatewayToken, ownStaff } from '../support/identity';

const NUL = '\u0000';

/** Each partner's way to put a string into its SQL: a code to look up, or an entity reference. */
const LITERAL: [PartnerName, string][] = Object.entries({
  municipality: `{ area(code: "osterbyen${'\\u0000'}") { name } }`,
  'volunteer-centre': `{ club(code: "club${'\\u0000'}") { name } }`,
  foundation: `{ initiative(code: "job${'\\u0000'}") { name } }`,
}) as [PartnerName, string][];
const REFERENCE = 'query ($representations: [_Any!]!) { _entities(representations: $representations) { __typename } }';
const REPRESENTATION: Record<PartnerName, Record<string, string>> = {
  municipality: { __typename: 'Person', pseudonym: `p${NUL}` },
  'housing-association': { __typename: 'Area', code: `osterbyen${NUL}` },
  jobcentre: { __typename: 'Initiative', code: `job${NUL}` },
  'volunteer-centre': { __typename: 'Club', code: `club${NUL}` },
  foundation: { __typename: 'Partner', code: `partner${NUL}` },
};

describe('a NUL byte sent straight to a partner (defence in depth behind the gateway)', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startHub({ persons: 300 });
  });
  afterAll(() => hub?.stop());

  const ask = async (partner: PartnerName, query: string, variables?: Record<string, unknown>) =>
    postGraphQL(hub.subgraphs[partner].url, query, variables, await gatewayToken(ownStaff(partner)));

  it.each(LITERAL)('is refused by %s as BAD_USER_INPUT naming the argument, before any SQL', async (partner, query) => {
    const response = await ask(partner, query);
    expect(response.status).toBe(400);
    expect(response.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/argument "code" holds a NUL byte/),
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
      }),
    ]);
  });

  it.each(PARTNER_NAMES)('is refused by %s inside an entity reference, naming the variable', async (partner) => {
    const response = await ask(partner, REFERENCE, { representations: [REPRESENTATION[partner]] });
    expect(response.status).toBe(400);
    expect(response.errors?.[0].message).toMatch(/variable \$representations\[0\]\.\w+ holds a NUL byte/);
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
