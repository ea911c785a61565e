// Admission of operations that move cohort members, on the whole hub over real HTTP: with room
// for one running and one waiting, a burst of cohort measures gets full answers or GATEWAY_BUSY
// (503, Retry-After), never anything in between, while every other operation passes untouched;
// slots come back after answers and after errors alike.
import request from 'supertest';
import { postGraphQL } from '../support/graphql';
import { exampleQuery, startHub, type TestHub } from '../support/hub';
import { analystToken } from '../support/identity';

const MEDVIND = 'medvind-neet-follow-up';
const ESTATE = '{ kind: ESTATE_RESIDENTS, area: "hedelundgardparken", ageBand: AGE_0_24, asOf: "2026-01-01" }';
const withMeasures = (agreement: string) =>
  `{ cohort(definition: ${ESTATE}, agreement: "${agreement}") { size { value } inWork { value } inEducation { value } clubMember { value } } }`;
const SIZE_ONLY = `{ cohort(definition: ${ESTATE}, agreement: "${MEDVIND}") { size { value } } }`;

let hub: TestHub;
let token: string;

beforeAll(async () => {
  hub = await startHub({ persons: 2000, admission: { concurrency: 1, queue: 1 } });
  token = await analystToken();
});
afterAll(async () => {
  await hub?.stop();
});

/** One POST, with the status, the Retry-After header and the body. */
async function post(query: string) {
  const response = await request(hub.gatewayUrl)
    .post('')
    .set('content-type', 'application/json')
    .set('authorization', `Bearer ${token}`)
    .send({ query });
  return { status: response.status, retryAfter: response.headers['retry-after'] as string | undefined, body: response.body };
}

async function metric(line: RegExp): Promise<number> {
  const text = (await request(new URL(hub.gatewayUrl).origin).get('/metrics')).text;
  return Number(line.exec(text)?.[1] ?? NaN);
}

describe('operations that move cohort members', () => {
  it('get the whole answer or GATEWAY_BUSY in a burst, while other operations all pass', async () => {
    const alone = await post(withMeasures(MEDVIND));
    expect(alone.status).toBe(200);
    expect(alone.body.errors).toBeUndefined();
    const others = [SIZE_ONLY, exampleQuery('job-line-of-action')];
    const burst = await Promise.all([
      ...Array.from({ length: 10 }, () => post(withMeasures(MEDVIND))),
      ...others.flatMap((query) => Array.from({ length: 4 }, () => post(query))),
    ]);
    const [cohorts, passing] = [burst.slice(0, 10), burst.slice(10)];
    const busy = cohorts.filter((answer) => answer.status === 503);
    const answered = cohorts.filter((answer) => answer.status === 200);
    expect(busy.length + answered.length).toBe(cohorts.length);
    expect(answered.length).toBeGreaterThanOrEqual(2);
    expect(busy.length).toBeGreaterThanOrEqual(1);
    for (const answer of answered) expect(answer.body).toEqual(alone.body);
    for (const answer of busy) {
      expect(answer.retryAfter).toBe('1');
      expect(answer.body.data).toBeUndefined();
      expect(answer.body.errors).toEqual([
        {
          message: 'The gateway is answering as many cohort requests as it can hold; try again in a moment.',
          extensions: { code: 'GATEWAY_BUSY', retryAfter: 1, requestId: expect.any(String) },
        },
      ]);
    }
    for (const answer of passing) expect([answer.status, answer.body.errors]).toEqual([200, undefined]);
    expect(await metric(/^hub_gateway_errors_total\{[^}]*code="GATEWAY_BUSY"[^}]*\} (\d+)/m)).toBe(busy.length);
  });

  it('give their slot back after an error too, so the next one runs', async () => {
    for (let i = 0; i < 3; i += 1) {
      const refused = await post(withMeasures('no-such-agreement'));
      expect(refused.body.errors?.length).toBeGreaterThan(0);
      expect(refused.body.errors.map((error: { extensions: { code: string } }) => error.extensions.code)).not.toContain('GATEWAY_BUSY');
    }
    const next = await postGraphQL(hub.gatewayUrl, withMeasures(MEDVIND));
    expect([next.status, next.errors]).toEqual([200, undefined]);
    expect(await metric(/^hub_gateway_member_operations\{[^}]*state="running"[^}]*\} (\d+)/m)).toBe(0);
    expect(await metric(/^hub_gateway_member_operations\{[^}]*state="waiting"[^}]*\} (\d+)/m)).toBe(0);
  });
});
