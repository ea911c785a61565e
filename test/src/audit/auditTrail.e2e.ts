import { ApolloServer } from '@apollo/server';
import {
  AUDIT_FAILED_MESSAGE,
  AuditTrail,
  Role,
  auditPlugin,
  buildFederatedSchema,
  createAuditResolver,
  partnerSpec,
  prepareDatabase,
  pseudonymise,
  type AuditedContext,
  type Database,
  type Viewer,
} from '@hub/core';
import { jobcentre } from '@hub/subgraph-jobcentre';
import { graphql, type GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import { createTestDatabases } from '../support/databases';

const JOBCENTRE = partnerSpec('jobcentre').organisation;
const [ANNA, BO, CARL] = ['0101051234', '0202061234', '0303071234'].map((id) => pseudonymise(id, 'audit-test-key'));

const caseworker: Viewer = {
  subject: 'kirsten.caseworker@jobcentre-esbjerg',
  partner: JOBCENTRE,
  roles: [Role.PARTNER_STAFF],
  purpose: 'follow-up of the part-time job programme',
};
const admin: Viewer = { subject: 'ole.admin@jobcentre-esbjerg', partner: JOBCENTRE, roles: [Role.ADMIN], purpose: null };

interface AuditRecordResult {
  at: Date;
  subject: string | null;
  partner: string;
  role: string;
  purpose: string | null;
  operationName: string | null;
  requestId: string | null;
  fields: string[];
  persons: number;
}

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: AuditRecordResult }[];
}

const RECORD_FIELDS = 'at subject partner role purpose operationName requestId fields persons';

describe('the audit trail of person-level reads', () => {
  let database: Database;
  let db: DataSource;
  let dropDatabases: () => Promise<void>;
  let schema: GraphQLSchema;
  let requests = 0;

  beforeAll(async () => {
    const databases = await createTestDatabases(['jobcentre']);
    dropDatabases = databases.drop;
    database = await prepareDatabase(jobcentre, { databaseUrl: databases.urls.jobcentre });
    db = database.dataSource;
    schema = await buildFederatedSchema({ ...jobcentre, resolvers: [...jobcentre.resolvers, createAuditResolver('jobcentre')] });
  });
  afterAll(async () => {
    await database?.close();
    await dropDatabases?.();
  });

  const nextRequestId = () => `audit-test-${(requests += 1)}`;

  async function recordsOf(requestId: string) {
    return (await db.query('SELECT * FROM audit_record WHERE request_id = $1', [requestId])) as Record<string, unknown>[];
  }

  async function personsOf(auditId: unknown): Promise<string[]> {
    const rows = (await db.query('SELECT pseudonym FROM audit_person WHERE audit_id = $1 ORDER BY pseudonym', [auditId])) as {
      pseudonym: string;
    }[];
    return rows.map((row) => row.pseudonym);
  }

  async function count(table: string): Promise<number> {
    const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM ${table}`)) as { n: number }[];
    return n;
  }

  /** One request of `viewer` that read `reads`, flushed as the plugin would. */
  async function audited(viewer: Viewer, reads: [string, string[]][], operationName = 'CaseFile'): Promise<string> {
    const trail = new AuditTrail();
    for (const [field, pseudonyms] of reads) trail.note(field, pseudonyms);
    const requestId = nextRequestId();
    await trail.flush(db, { viewer, role: Role.PARTNER_STAFF, operationName, requestId });
    return requestId;
  }

  async function query<T>(viewer: Viewer | null, source: string, variableValues?: Record<string, unknown>) {
    const result = await graphql({ schema, source, variableValues, contextValue: { viewer, db } });
    return result as { data?: T | null; errors?: readonly { message: string; extensions: Record<string, unknown> }[] };
  }

  it('writes one record with who, why and what, and one row per distinct person read', async () => {
    const trail = new AuditTrail();
    trail.note('Person.employment', [ANNA, BO]);
    trail.note('Person.benefits', [BO, CARL]);
    trail.note('Person.employment', [ANNA]);
    const requestId = nextRequestId();
    await trail.flush(db, { viewer: caseworker, role: Role.PARTNER_STAFF, operationName: 'CaseFile', requestId });

    const records = await recordsOf(requestId);
    expect(records).toEqual([
      {
        id: expect.any(String),
        at: expect.any(Date),
        request_id: requestId,
        subject: caseworker.subject,
        partner: JOBCENTRE,
        role: 'partner-staff',
        purpose: caseworker.purpose,
        operation_name: 'CaseFile',
        fields: ['Person.benefits', 'Person.employment'],
        persons: 3,
      },
    ]);
    expect(await personsOf(records[0].id)).toEqual([ANNA, BO, CARL].sort());
    expect(trail.isEmpty).toBe(true);
  });

  it('writes nothing when nothing was noted, nor for a note that names no person', async () => {
    const before = [await count('audit_record'), await count('audit_person')];
    const untouched = new AuditTrail();
    await untouched.flush(db, { viewer: caseworker, role: Role.PARTNER_STAFF, operationName: null, requestId: nextRequestId() });
    const emptyList = new AuditTrail();
    emptyList.note('Club.members', []);
    await emptyList.flush(db, { viewer: caseworker, role: Role.PARTNER_STAFF, operationName: null, requestId: nextRequestId() });
    expect([await count('audit_record'), await count('audit_person')]).toEqual(before);
  });

  it('writes a second record only for what was noted after the first flush', async () => {
    const trail = new AuditTrail();
    const entry = { viewer: caseworker, role: Role.PARTNER_STAFF, operationName: null, requestId: nextRequestId() };
    trail.note('Person.employment', [ANNA]);
    await trail.flush(db, entry);
    await trail.flush(db, entry);
    trail.note('Person.benefits', [BO]);
    await trail.flush(db, entry);
    const records = await recordsOf(entry.requestId);
    expect(records.map((record) => record.fields)).toEqual([['Person.employment'], ['Person.benefits']]);
  });

  it('refuses a note with a malformed pseudonym or field before anything is answered', () => {
    const trail = new AuditTrail();
    expect(() => trail.note('Person.employment', ['0101051234'])).toThrow(/64 lowercase hex/);
    expect(() => trail.note('Person.employment', [ANNA.toUpperCase()])).toThrow(/64 lowercase hex/);
    expect(() => trail.note('employment', [ANNA])).toThrow(/"Type\.field"/);
    expect(trail.isEmpty).toBe(true);
  });

  describe('is append-only', () => {
    let quiet: jest.SpyInstance;
    beforeAll(async () => {
      await audited(caseworker, [['Person.employment', [ANNA]]]);
      // The database logger reports every refused statement; the refusals are the point here.
      quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    });
    afterAll(() => quiet.mockRestore());

    it.each([
      ['UPDATE', 'audit_record', `UPDATE audit_record SET subject = 'someone else'`],
      ['DELETE', 'audit_record', 'DELETE FROM audit_record'],
      ['TRUNCATE', 'audit_record', 'TRUNCATE audit_record CASCADE'],
      ['UPDATE', 'audit_person', `UPDATE audit_person SET pseudonym = '${BO}'`],
      ['DELETE', 'audit_person', 'DELETE FROM audit_person'],
      ['TRUNCATE', 'audit_person', 'TRUNCATE audit_person'],
    ])('refuses %s on %s with the trigger\'s message', async (operation, table, sql) => {
      const before = await count(table);
      await expect(db.query(sql)).rejects.toThrow(`The audit trail is append-only: ${operation} on ${table} is refused.`);
      expect(await count(table)).toBe(before);
    });

    it('refuses a DELETE even when no row matches', async () => {
      await expect(db.query('DELETE FROM audit_record WHERE id < 0')).rejects.toThrow(/append-only: DELETE on audit_record/);
    });

    it('refuses a pseudonym that is not 64 lowercase hex characters in the table itself', async () => {
      const [{ id }] = (await db.query('SELECT max(id) AS id FROM audit_record')) as { id: string }[];
      await expect(db.query('INSERT INTO audit_person (audit_id, pseudonym) VALUES ($1, $2)', [id, 'not-a-pseudonym'])).rejects.toThrow(
        /check constraint/,
      );
    });
  });

  describe('as GraphQL for the partner\'s administrators', () => {
    let dana: string;
    let firstOfDana: string;
    let secondOfDana: string;

    beforeAll(async () => {
      dana = pseudonymise('0404081234', 'audit-test-key');
      firstOfDana = await audited(caseworker, [['Person.employment', [dana, ANNA]]], 'First');
      await audited(caseworker, [['Person.benefits', [BO]]], 'Unrelated');
      secondOfDana = await audited(
        { ...caseworker, subject: 'jens.caseworker@jobcentre-esbjerg', purpose: 'benefit case review' },
        [['Person.benefits', [dana]], ['Person.employment', [dana, CARL]]],
        'Second',
      );
    });

    const ACCESSES = `query Accesses($pseudonym: ID!, $first: Int, $after: String, $revealSubject: Boolean) {
      jobcentreAccessesToPerson(pseudonym: $pseudonym, first: $first, after: $after, revealSubject: $revealSubject) {
        totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${RECORD_FIELDS} } }
      }
    }`;

    it('lists exactly the accesses to one person, newest first, naming organisation and role but not the employee', async () => {
      const result = await query<{ jobcentreAccessesToPerson: Page }>(admin, ACCESSES, { pseudonym: dana });
      expect(result.errors).toBeUndefined();
      const page = result.data!.jobcentreAccessesToPerson;
      expect(page.totalCount).toBe(2);
      expect(page.pageInfo.hasNextPage).toBe(false);
      expect(page.edges.map((edge) => edge.node)).toEqual([
        {
          at: expect.any(Date),
          subject: null,
          partner: JOBCENTRE,
          role: 'partner-staff',
          purpose: 'benefit case review',
          operationName: 'Second',
          requestId: secondOfDana,
          fields: ['Person.benefits', 'Person.employment'],
          persons: 2,
        },
        {
          at: expect.any(Date),
          subject: null,
          partner: JOBCENTRE,
          role: 'partner-staff',
          purpose: caseworker.purpose,
          operationName: 'First',
          requestId: firstOfDana,
          fields: ['Person.employment'],
          persons: 2,
        },
      ]);
    });

    it('names the employee in the accesses to one person only when asked to', async () => {
      const result = await query<{ jobcentreAccessesToPerson: Page }>(admin, ACCESSES, { pseudonym: dana, revealSubject: true });
      expect(result.data!.jobcentreAccessesToPerson.edges.map((edge) => edge.node.subject)).toEqual([
        'jens.caseworker@jobcentre-esbjerg',
        caseworker.subject,
      ]);
    });

    it('pages through the accesses to one person with a cursor', async () => {
      const first = await query<{ jobcentreAccessesToPerson: Page }>(admin, ACCESSES, { pseudonym: dana, first: 1 });
      const firstPage = first.data!.jobcentreAccessesToPerson;
      expect(firstPage.edges.map((edge) => edge.node.operationName)).toEqual(['Second']);
      expect(firstPage.pageInfo.hasNextPage).toBe(true);
      const second = await query<{ jobcentreAccessesToPerson: Page }>(admin, ACCESSES, {
        pseudonym: dana,
        first: 1,
        after: firstPage.pageInfo.endCursor,
      });
      const secondPage = second.data!.jobcentreAccessesToPerson;
      expect(secondPage.edges.map((edge) => edge.node.operationName)).toEqual(['First']);
      expect(secondPage).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: false } });
    });

    it('lists nobody\'s accesses for a person nobody read', async () => {
      const stranger = pseudonymise('0505091234', 'audit-test-key');
      const result = await query<{ jobcentreAccessesToPerson: Page }>(admin, ACCESSES, { pseudonym: stranger });
      expect(result.data!.jobcentreAccessesToPerson).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
    });

    it('answers BAD_USER_INPUT for a pseudonym that is not one, and for a forged cursor', async () => {
      const badPseudonym = await query(admin, ACCESSES, { pseudonym: 'anna' });
      expect(badPseudonym.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'pseudonym' });
      const forged = Buffer.from('not-an-id', 'utf8').toString('base64url');
      const badCursor = await query(admin, ACCESSES, { pseudonym: dana, after: forged });
      expect(badCursor.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'after' });
    });

    it('lists the whole log newest first with the employee\'s name, for the partner\'s own audit', async () => {
      const result = await query<{ jobcentreAuditLog: Page }>(admin, `{ jobcentreAuditLog(first: 3) { totalCount pageInfo { hasNextPage } edges { node { ${RECORD_FIELDS} } } } }`);
      expect(result.errors).toBeUndefined();
      const page = result.data!.jobcentreAuditLog;
      expect(page.totalCount).toBe(await count('audit_record'));
      expect(page.pageInfo.hasNextPage).toBe(true);
      expect(page.edges.map((edge) => [edge.node.operationName, edge.node.subject])).toEqual([
        ['Second', 'jens.caseworker@jobcentre-esbjerg'],
        ['Unrelated', caseworker.subject],
        ['First', caseworker.subject],
      ]);
    });

    it.each([
      ['nobody verified', null],
      ['partner-staff of the jobcentre', caseworker],
      ['an analyst of the jobcentre', { ...admin, roles: [Role.ANALYST] }],
      ['an admin of another partner', { ...admin, partner: partnerSpec('municipality').organisation }],
    ])('refuses %s with FORBIDDEN, naming the field and the missing right', async (_who, viewer) => {
      for (const field of ['jobcentreAuditLog', 'jobcentreAccessesToPerson']) {
        const args = field === 'jobcentreAuditLog' ? '' : `(pseudonym: "${dana}")`;
        const result = await query(viewer, `{ ${field}${args} { totalCount } }`);
        expect(result.data).toBeNull();
        expect(result.errors).toHaveLength(1);
        expect(result.errors![0].message).toBe(`Access to Query.${field} needs the role admin of ${JOBCENTRE}.`);
        expect(result.errors![0].extensions).toEqual({ code: 'FORBIDDEN', field: `Query.${field}`, missing: `the role admin of ${JOBCENTRE}` });
      }
    });
  });

  describe('written by the Apollo Server plugin', () => {
    const typeDefs = `type Query { employment(pseudonyms: [ID!]!): String }`;
    const resolvers = {
      Query: {
        employment: (_: unknown, args: { pseudonyms: string[] }, context: AuditedContext) => {
          context.audit?.note('Query.employment', args.pseudonyms);
          return `jobs of ${args.pseudonyms.length}`;
        },
      },
    };
    const logged: string[] = [];
    const logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: (m: string) => void logged.push(m) };
    let server: ApolloServer<AuditedContext>;

    beforeAll(async () => {
      server = new ApolloServer<AuditedContext>({ typeDefs, resolvers, logger, plugins: [auditPlugin()] });
      await server.start();
    });
    afterAll(() => server?.stop());

    async function run(context: AuditedContext, pseudonyms: string[] = [ANNA, BO]) {
      const response = await server.executeOperation(
        { query: 'query Lookup($p: [ID!]!) { employment(pseudonyms: $p) }', variables: { p: pseudonyms } },
        { contextValue: context },
      );
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      return { status: response.http.status, result: response.body.singleResult };
    }

    it('has written the record when the response is answered', async () => {
      const requestId = nextRequestId();
      const { result } = await run({ audit: new AuditTrail(), viewer: caseworker, requestId, db });
      expect(result).toEqual({ data: { employment: 'jobs of 2' } });
      const records = await recordsOf(requestId);
      expect(records).toMatchObject([{ operation_name: 'Lookup', role: 'partner-staff', subject: caseworker.subject, persons: 2 }]);
      expect(await personsOf(records[0].id)).toEqual([ANNA, BO].sort());
    });

    it('leaves requests without a trail, and trails without notes, alone', async () => {
      const before = await count('audit_record');
      expect((await run({ viewer: caseworker, requestId: nextRequestId(), db })).result.data).toEqual({ employment: 'jobs of 2' });
      expect((await run({ audit: new AuditTrail(), viewer: caseworker, requestId: nextRequestId(), db }, [])).result.data).toEqual({
        employment: 'jobs of 0',
      });
      expect(await count('audit_record')).toBe(before);
    });

    it('answers no data, only an error, when the audit record cannot be written', async () => {
      const failing = { transaction: () => Promise.reject(new Error('disk full')) } as unknown as DataSource;
      const requestId = nextRequestId();
      const { status, result } = await run({ audit: new AuditTrail(), viewer: caseworker, requestId, db: failing });
      expect(status).toBe(500);
      expect(result).toEqual({ errors: [{ message: AUDIT_FAILED_MESSAGE, extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      expect(logged.at(-1)).toMatch(new RegExp(`Audit trail not written for request ${requestId}: Error: disk full`));
    });

    it('answers no data when person-level data was read without a verified caller', async () => {
      const { status, result } = await run({ audit: new AuditTrail(), viewer: null, requestId: nextRequestId(), db });
      expect(status).toBe(500);
      expect(result.data).toBeUndefined();
      expect(result.errors?.[0].message).toBe(AUDIT_FAILED_MESSAGE);
    });
  });
});
