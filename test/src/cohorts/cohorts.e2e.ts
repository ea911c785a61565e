// Cross-partner cohorts through the gateway, on a hub of 14,000 persons (the whole municipality's
// 0-24-year-olds are then a cohort of about 10,000): every figure against the answering partner's
// own records for exactly the cohort's persons, the agreements, the audit on both sides, and that
// no pseudonym reaches a client, a log line, an error or a recipient's tables.
import { AgeBand, Role, type PartnerName } from '@hub/core';
import { postGraphQL, type GraphQLResponse } from '../support/graphql';
import { callerToken } from '../support/identity';
import { startHub, type TestHub } from '../support/hub';
import { MEASURE_FIELDS } from '../disclosure/expected';
import { publishedCount } from '../support/perturbation';
import { PSEUDONYM_PATTERN, districtMembers, estateMembers, expectedCounts, expectedShare, sqlOf, type Sql } from './expected';

const ON = '2026-01-01';
const MEDVIND = 'medvind-neet-follow-up';

let hub: TestHub;
let sql: Sql;
const responses: GraphQLResponse[] = [];
const output: string[] = [];
const writes = { stdout: process.stdout.write.bind(process.stdout), stderr: process.stderr.write.bind(process.stderr) };

beforeAll(async () => {
  hub = await startHub({ persons: 14000 });
  sql = sqlOf(hub);
  // Every line any process part writes from now on, to search it for pseudonyms.
  for (const stream of ['stdout', 'stderr'] as const) {
    process[stream].write = ((chunk: unknown, ...rest: unknown[]) => {
      output.push(String(chunk));
      return (writes[stream] as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stdout.write;
  }
  for (const method of ['log', 'info', 'warn', 'error'] as const) {
    jest.spyOn(console, method).mockImplementation((...args: unknown[]) => void output.push(args.map(String).join(' ')));
  }
});
afterAll(async () => {
  process.stdout.write = writes.stdout;
  process.stderr.write = writes.stderr;
  jest.restoreAllMocks();
  await hub?.stop();
});

/** One cohort query through the gateway; every response is kept for the pseudonym scan. */
async function cohort(definition: string, agreement: string, fields: string) {
  const response = await postGraphQL<{ cohort: Record<string, unknown> | null }>(
    hub.gatewayUrl,
    `query Cohort { cohort(definition: ${definition}, agreement: "${agreement}") { ${fields} } }`,
  );
  responses.push(response);
  return response;
}

const measures = (names: readonly string[]) => names.map((name) => `${name} ${MEASURE_FIELDS}`).join(' ');

type AuditRow = { action: string; cohort: string; agreement: string; counterpart: string; measures: string[]; persons: number; partner: string };
const auditRows = (partner: PartnerName): Promise<AuditRow[]> =>
  sql(partner, 'SELECT action, cohort, agreement, counterpart, measures, persons, partner FROM cohort_audit ORDER BY id');

describe('a cohort of one partner answered by the others', () => {
  it('gives each partner\'s measures on the estate\'s young residents exactly as its own records count them', async () => {
    const members = await estateMembers(sql, 'hedelundgardparken', AgeBand.AGE_15_24, ON);
    const counts = await expectedCounts(sql, members, ON);
    const response = await cohort(
      `{ kind: ESTATE_RESIDENTS, area: "hedelundgardparken", ageBand: AGE_15_24, asOf: "${ON}" }`,
      MEDVIND,
      `definition { kind area ageBand asOf } size { value suppressed } ${measures(['inEducation', 'inWork', 'onBenefits', 'clubMember'])}`,
    );
    expect(response.errors).toBeUndefined();
    const answer = response.data!.cohort!;
    expect(answer.definition).toEqual({ kind: 'ESTATE_RESIDENTS', area: 'hedelundgardparken', ageBand: 'AGE_15_24', asOf: ON });
    expect(answer.size).toEqual({ value: publishedCount(members), suppressed: false });
    for (const name of ['inEducation', 'inWork', 'onBenefits', 'clubMember'] as const) {
      expect([name, answer[name]]).toEqual([name, expectedShare(counts[name], members)]);
    }
  });

  it('answers on a district cohort of the municipality, and the municipality its own measure on it', async () => {
    const members = await districtMembers(sql, 'osterbyen', AgeBand.AGE_15_17, ON);
    const counts = await expectedCounts(sql, members, ON);
    const response = await cohort(
      `{ kind: DISTRICT_RESIDENTS, area: "osterbyen", ageBand: AGE_15_17, asOf: "${ON}" }`,
      'osterbyen-youth-job-and-leisure',
      measures(['partTimeJob', 'clubMember', 'inEducation']),
    );
    expect(response.errors).toBeUndefined();
    const answer = response.data!.cohort!;
    for (const name of ['partTimeJob', 'clubMember', 'inEducation'] as const) {
      expect([name, answer[name]]).toEqual([name, expectedShare(counts[name], members)]);
    }
  });

  it('answers a cohort of about 10,000 persons (the whole municipality\'s 0-24-year-olds)', async () => {
    const members = await districtMembers(sql, 'esbjerg', AgeBand.AGE_0_24, ON);
    expect(members.length).toBeGreaterThan(9500);
    const counts = await expectedCounts(sql, members, ON);
    const response = await cohort(
      `{ kind: DISTRICT_RESIDENTS, area: "esbjerg", asOf: "${ON}" }`,
      'osterbyen-youth-job-and-leisure',
      `size { value } ${measures(['inWork', 'onBenefits', 'clubMember'])}`,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.cohort!.size).toEqual({ value: publishedCount(members) });
    expect(response.data!.cohort!.clubMember).toEqual(expectedShare(counts.clubMember, members));
  });
});

describe('data-sharing agreements', () => {
  const estate = `{ kind: ESTATE_RESIDENTS, area: "hedelundgardparken", ageBand: AGE_15_24, asOf: "${ON}" }`;

  it('refuses a measure the agreement does not allow, naming the field and the agreement, and answers the rest', async () => {
    const response = await cohort(estate, MEDVIND, measures(['partTimeJob', 'inWork']));
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'Cohort.partTimeJob' });
    expect(response.errors![0].extensions!.missing).toContain(`agreement ${MEDVIND} does not allow jobcentre-esbjerg to answer PART_TIME_JOB`);
    expect(response.data!.cohort!.partTimeJob).toBeNull();
    expect(response.data!.cohort!.inWork).toMatchObject({ suppressed: false });
  });

  it('releases nothing to a recipient the agreement does not name', async () => {
    const before = (await auditRows('jobcentre')).length;
    const response = await cohort(
      `{ kind: PROGRAMME_PARTICIPANTS, programme: "part-time-job-programme", asOf: "${ON}" }`,
      'part-time-job-programme-education',
      measures(['clubMember']),
    );
    expect(response.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'Cohort.clubMember' });
    expect(response.errors![0].message).toContain('does not name vindrosen');
    expect((await auditRows('jobcentre')).slice(before)).toEqual([]);
  });

  it('answers nothing under an expired agreement, not even the size, and the provider releases no one', async () => {
    const before = (await auditRows('housing-association')).length;
    const response = await cohort(estate, 'hedelundgardparken-baseline-2017', `id size { value } ${measures(['inEducation', 'inWork'])}`);
    expect(response.data?.cohort ?? null).toBeNull();
    expect(response.errors!.map((error) => error.extensions)).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN', field: 'Query.cohort' }),
    ]);
    expect(response.errors![0].extensions!.missing).toContain('agreement hedelundgardparken-baseline-2017 is valid 2017-01-01 to 2019-12-31');
    expect((await auditRows('housing-association')).slice(before)).toEqual([]);
  });

  it('refuses a cohort under an agreement whose provider is another partner', async () => {
    const response = await cohort(estate, 'osterbyen-youth-job-and-leisure', `size { value } ${measures(['inWork'])}`);
    expect(response.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'Cohort.inWork' });
    expect(response.errors![0].message).toContain('is provided by esbjerg-municipality');
    expect(response.data!.cohort!.size).toBeNull();
  });

  it('answers NOT_FOUND for an unknown agreement and BAD_USER_INPUT for a definition off the predefined dimensions', async () => {
    const unknown = await cohort(estate, 'no-such-agreement', 'id');
    expect(unknown.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'agreement', value: 'no-such-agreement' });
    for (const [definition, argument] of [
      [`{ kind: ESTATE_RESIDENTS, area: "osterbyen" }`, 'definition.area'],
      [`{ kind: DISTRICT_RESIDENTS, area: "osterbyen", asOf: "2025-06-30" }`, 'definition.asOf'],
      [`{ kind: PROGRAMME_PARTICIPANTS }`, 'definition.programme'],
    ]) {
      const response = await cohort(definition, MEDVIND, 'id');
      expect(response.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    }
  });

  it('lists the register of agreements', async () => {
    const response = await postGraphQL<{ dataSharingAgreements: { code: string; provider: string; validTo: string; grants: unknown[] }[] }>(
      hub.gatewayUrl,
      '{ dataSharingAgreements { code provider purpose validFrom validTo grants { recipient measures } } }',
    );
    expect(response.data!.dataSharingAgreements.find((a) => a.code === MEDVIND)).toMatchObject({
      provider: 'ungdomsbo',
      validTo: '2027-12-31',
      grants: [
        { recipient: 'esbjerg-municipality', measures: ['IN_EDUCATION'] },
        { recipient: 'jobcentre-esbjerg', measures: ['IN_WORK', 'ON_BENEFITS'] },
        { recipient: 'vindrosen', measures: ['CLUB_MEMBER'] },
      ],
    });
  });
});

describe('what crosses, and what stays', () => {
  const estate = `{ kind: ESTATE_RESIDENTS, area: "stengardsvej", ageBand: AGE_15_24, asOf: "${ON}" }`;
  const recipients: PartnerName[] = ['municipality', 'jobcentre', 'volunteer-centre'];

  /** Rows of every table of a partner's database, by table. */
  async function tableSizes(partner: PartnerName): Promise<Record<string, number>> {
    const tables = await sql(partner, `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
    const sizes: Record<string, number> = {};
    for (const { tablename } of tables) {
      [{ n: sizes[tablename] }] = await sql(partner, `SELECT count(*)::int AS n FROM "${tablename}"`);
    }
    return sizes;
  }

  it('writes one audit row on each side, with the cohort, the agreement and the number of persons, never a pseudonym', async () => {
    const members = await estateMembers(sql, 'stengardsvej', AgeBand.AGE_15_24, ON);
    const before = Object.fromEntries(
      await Promise.all(['housing-association', ...recipients].map(async (p) => [p, (await auditRows(p as PartnerName)).length])),
    ) as Record<PartnerName, number>;
    const response = await cohort(estate, MEDVIND, measures(['inEducation', 'inWork', 'onBenefits', 'clubMember']));
    expect(response.errors).toBeUndefined();
    const definition = `ESTATE_RESIDENTS area=stengardsvej ageBand=AGE_15_24 asOf=${ON}`;
    const common = { cohort: definition, agreement: MEDVIND, persons: members.length, partner: 'lauritzen-foundation' };
    const released = (await auditRows('housing-association')).slice(before['housing-association']);
    expect(released.sort((a, b) => a.counterpart.localeCompare(b.counterpart))).toEqual(
      ['esbjerg-municipality', 'jobcentre-esbjerg', 'vindrosen'].map((counterpart) => ({ ...common, action: 'RELEASED', counterpart, measures: [] })),
    );
    const answered = { ...common, action: 'ANSWERED', counterpart: 'ungdomsbo' };
    expect((await auditRows('municipality')).slice(before.municipality)).toEqual([{ ...answered, measures: ['IN_EDUCATION'] }]);
    expect((await auditRows('jobcentre')).slice(before.jobcentre)).toEqual([{ ...answered, measures: ['IN_WORK', 'ON_BENEFITS'] }]);
    expect((await auditRows('volunteer-centre')).slice(before['volunteer-centre'])).toEqual([{ ...answered, measures: ['CLUB_MEMBER'] }]);
  });

  it('leaves no trace of the cohort in a recipient\'s database but its audit row', async () => {
    const before = await Promise.all(recipients.map(tableSizes));
    const response = await cohort(estate, MEDVIND, measures(['inEducation', 'inWork', 'clubMember']));
    expect(response.errors).toBeUndefined();
    const after = await Promise.all(recipients.map(tableSizes));
    recipients.forEach((partner, index) => {
      expect([partner, after[index]]).toEqual([partner, { ...before[index], cohort_audit: before[index].cohort_audit + 1 }]);
    });
  });

  it('keeps the members out of the API: asking for them is a validation error that names no one', async () => {
    const response = await postGraphQL(
      hub.gatewayUrl,
      `{ cohort(definition: { kind: ESTATE_RESIDENTS, area: "stengardsvej" }, agreement: "${MEDVIND}") { estateMembersForJobcentre { members } } }`,
    );
    responses.push(response);
    expect(response.errors![0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });

  it('serves a dashboard token the same aggregates, in a contract where no member field exists', async () => {
    const token = await callerToken({ partner: 'lauritzen-foundation', roles: [Role.DASHBOARD] });
    const query = `{ cohort(definition: ${estate}, agreement: "${MEDVIND}") { size { value } inWork { value } } }`;
    const asDashboard = await postGraphQL(hub.gatewayUrl, query, undefined, token);
    const asAnalyst = await postGraphQL(hub.gatewayUrl, query);
    responses.push(asDashboard, asAnalyst);
    expect(asDashboard.errors).toBeUndefined();
    expect(asDashboard.data).toEqual(asAnalyst.data);
    const members = await postGraphQL(
      hub.gatewayUrl,
      `{ cohort(definition: ${estate}, agreement: "${MEDVIND}") { estateMembersForJobcentre { members } } }`,
      undefined,
      token,
    );
    responses.push(members);
    expect(members.errors![0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });

  it('never shows a pseudonym in a response, an error or a log line of any of these requests', () => {
    expect(responses.length).toBeGreaterThan(10);
    for (const response of responses) expect(JSON.stringify(response)).not.toMatch(PSEUDONYM_PATTERN);
    expect(output.join('\n')).not.toMatch(PSEUDONYM_PATTERN);
  });
});
