import request from 'supertest';
import { startHub, type TestHub } from '../support/hub';
import { postGraphQL } from '../support/graphql';

describe('errors through the gateway', () => {
  let hub: TestHub;

  beforeAll(async () => {
    hub = await startHub({ persons: 300 });
  });
  afterAll(() => hub?.stop());

  it('rejects an unknown line-of-action code with a validation error naming the value', async () => {
    const response = await postGraphQL(hub.gatewayUrl, '{ lineOfAction(code: SPORT) { name } }');
    expect(response.status).toBe(400);
    expect(response.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.errors?.[0].message).toMatch(/"SPORT".*LineOfActionCode/);
  });

  it('answers an unknown area with NOT_FOUND on that field and keeps the rest of the data', async () => {
    const response = await postGraphQL<{ lineOfAction: { name: string; partTimeJobShare: null } }>(
      hub.gatewayUrl,
      '{ lineOfAction(code: JOB) { name partTimeJobShare(area: "atlantis") { value } } }',
    );
    expect(response.status).toBe(200);
    expect(response.data?.lineOfAction.name).toEqual(expect.any(String));
    expect(response.errors).toHaveLength(1);
    expect(response.errors?.[0]).toMatchObject({
      message: expect.stringContaining('"atlantis"'),
      path: ['lineOfAction', 'partTimeJobShare'],
      extensions: { code: 'NOT_FOUND', argument: 'area', value: 'atlantis' },
    });
  });

  it('answers an unknown area asked of the municipality with NOT_FOUND', async () => {
    const response = await postGraphQL(hub.gatewayUrl, '{ area(code: "atlantis") { name } }');
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'code' });
  });

  it('rejects malformed GraphQL with a parse error and its location', async () => {
    const response = await postGraphQL(hub.gatewayUrl, '{ lineOfAction(code: JOB) { name ');
    expect(response.status).toBe(400);
    expect(response.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(response.errors?.[0].message).toMatch(/Syntax Error/);
  });

  it('rejects a page larger than the maximum with BAD_USER_INPUT naming the argument', async () => {
    const response = await postGraphQL(hub.gatewayUrl, '{ initiatives(first: 101) { totalCount } }');
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
    expect(response.errors?.[0].message).toContain('between 1 and 100');
  });

  it('rejects a cursor it never gave out', async () => {
    const response = await postGraphQL(hub.gatewayUrl, '{ initiatives(after: "%%%") { totalCount } }');
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
  });

  it('gives every error a code and no stack trace', async () => {
    const response = await postGraphQL(
      hub.gatewayUrl,
      '{ lineOfAction(code: JOB) { a: partTimeJobShare(area: "x") { value } b: neetShare(area: "y") { value } } }',
    );
    expect(response.errors?.length).toBe(2);
    for (const error of response.errors ?? []) {
      expect(error.extensions?.code).toEqual(expect.any(String));
      expect(JSON.stringify(error)).not.toMatch(/stacktrace|at .*\.js:\d+/);
    }
  });

  it('rejects a request that is not JSON GraphQL with a clear 400', async () => {
    const response = await request(hub.gatewayUrl)
      .post('')
      .set('content-type', 'application/json')
      .send('{"query": ');
    expect(response.status).toBe(400);
  });
});
