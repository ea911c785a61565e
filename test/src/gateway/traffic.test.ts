import { Role } from '@hub/core';
import {
  PartnerErrorCode,
  PartnerFailure,
  failurePath,
  graphqlAnswerOf,
  outgoingHeaders,
  trafficSettingsFromEnv,
  type RequestRecord,
} from '@hub/gateway';

const viewer = { subject: 'ana', partner: 'lauritzen-foundation', roles: [Role.ANALYST], purpose: null };
const record: RequestRecord = { requestId: 'req-42', operation: null, ran: true, errorCodes: [], partnerFailures: [] };
const json = (body: unknown, status = 200) => ({ status, contentType: 'application/json; charset=utf-8', body: JSON.stringify(body), shareable: false });

function failureOf(run: () => unknown): PartnerFailure {
  try {
    run();
  } catch (error) {
    if (error instanceof PartnerFailure) return error;
    throw error;
  }
  throw new Error('expected a PartnerFailure');
}

describe('what the gateway sends a partner', () => {
  it('vouches for the caller with the gateway\'s own token and passes the request id', () => {
    const headers = outgoingHeaders({ requestId: 'req-42', viewer, internalToken: 'gateway.signed.token', record });
    expect(headers['x-request-id']).toBe('req-42');
    expect(headers.authorization).toBe('Bearer gateway.signed.token');
  });

  it('adds no identity to a call without a request context', () => {
    expect(Object.keys(outgoingHeaders({}))).toEqual(['accept']);
  });
});

describe('the path a failed fetch would have filled', () => {
  it('is the first root field of a root fetch, by its alias', () => {
    expect(failurePath('query Q__foundation__0{__typename first: lineOfAction(code:JOB){name}}')).toEqual(['first']);
  });

  it('is the first field of the first entity of an entity fetch, through fragments', () => {
    const query =
      'query Q__volunteer_centre__1($representations:[_Any!]!){_entities(representations:$representations){...on LineOfAction{__typename ...F}}} fragment F on LineOfAction{clubMembership(area:"osterbyen"){value}}';
    expect(failurePath(query)).toEqual(['_entities', 0, 'clubMembership']);
  });

  it('is unknown for a text that is not GraphQL', () => {
    expect(failurePath('{')).toBeUndefined();
  });
});

describe('a partner\'s HTTP answer', () => {
  it('passes a GraphQL response, errors included', () => {
    const body = { data: { a: 1 }, errors: [{ message: 'x' }] };
    expect(graphqlAnswerOf(json(body))).toEqual(body);
  });

  it.each([
    ['an HTTP 500', json({ data: null }, 500), 'HTTP 500', true],
    ['an HTML page', { status: 200, contentType: 'text/html', body: '<h1>oops</h1>', shareable: false }, 'content type', true],
    ['JSON cut off', { status: 200, contentType: 'application/json', body: '{"data":', shareable: false }, 'not JSON', true],
    ['JSON that is not a GraphQL response', json([1, 2]), 'no data and no errors', true],
    ['errors that are not a list', json({ errors: 'boom' }), 'errors is not a list', true],
    ['a refusal of the request (413)', json({}, 413), 'HTTP 413', false],
  ])('refuses %s as PARTNER_ERROR', (_what, raw, detail, countsAgainstPartner) => {
    const failure = failureOf(() => graphqlAnswerOf(raw));
    expect(failure.code).toBe(PartnerErrorCode.ERROR);
    expect(failure.detail).toContain(detail);
    expect(failure.countsAgainstPartner).toBe(countsAgainstPartner);
  });

  it('refuses an entity answer with the wrong number of entities', () => {
    const failure = failureOf(() => graphqlAnswerOf(json({ data: { _entities: [{}] } }), 2));
    expect(failure.detail).toContain('expected 2 entities');
  });

  it('retries only what may pass on another attempt: 502, 503, 504', () => {
    expect([500, 502, 503, 504, 400].map((status) => PartnerFailure.fromStatus(status).transient)).toEqual([
      false, true, true, true, false,
    ]);
  });
});

describe('traffic settings from the environment', () => {
  it('defaults to a 3 s timeout, 2 retries, a circuit opening after 5 failures for 5 s', () => {
    expect(trafficSettingsFromEnv({}).jobcentre).toMatchObject({
      timeoutMs: 3000,
      retries: 2,
      circuitThreshold: 5,
      circuitCooldownMs: 5000,
    });
  });

  it('takes a timeout per partner from <PREFIX>_TIMEOUT_MS', () => {
    const settings = trafficSettingsFromEnv({ VOLUNTEER_CENTRE_TIMEOUT_MS: '800', HUB_CIRCUIT_COOLDOWN_MS: '2000' });
    expect(settings['volunteer-centre']).toMatchObject({ timeoutMs: 800, circuitCooldownMs: 2000 });
    expect(settings.jobcentre).toMatchObject({ timeoutMs: 3000, circuitCooldownMs: 2000 });
  });

  it('takes the line to every partner from HUB_PARTNER_CONCURRENCY and HUB_PARTNER_QUEUE (a queue may be 0)', () => {
    const settings = trafficSettingsFromEnv({ HUB_PARTNER_CONCURRENCY: '2', HUB_PARTNER_QUEUE: '0' });
    expect(settings.municipality).toMatchObject({ concurrency: 2, queue: 0 });
    expect(trafficSettingsFromEnv({}).jobcentre).toMatchObject({ concurrency: 8, queue: 512 });
  });

  it('refuses a value that is not a whole number, naming the variable', () => {
    expect(() => trafficSettingsFromEnv({ JOBCENTRE_TIMEOUT_MS: '3s' })).toThrow(/JOBCENTRE_TIMEOUT_MS .* got "3s"/);
    expect(() => trafficSettingsFromEnv({ HUB_CIRCUIT_THRESHOLD: '0' })).toThrow(/HUB_CIRCUIT_THRESHOLD/);
    expect(() => trafficSettingsFromEnv({ HUB_PARTNER_CONCURRENCY: '0' })).toThrow(/HUB_PARTNER_CONCURRENCY/);
  });
});
