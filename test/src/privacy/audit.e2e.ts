import { Role } from '@hub/core';
import { postGraphQL } from '../support/graphql';
import { startHub, type TestHub } from '../support/hub';
import { analystToken, callerToken, staffToken } from '../support/identity';

const PURPOSE = 'follow-up of the part-time job programme';

interface AuditRow {
  subject: string;
  partner: string;
  role: string;
  purpose: string | null;
  operation_name: string | null;
  fields: string[];
  persons: number;
  pseudonyms: string[];
}

describe('the audit trail of person-level reads, through the gateway', () => {
  let hub: TestHub;
  let pseudonym: string;

  beforeAll(async () => {
    hub = await startHub({ persons: 300 });
    [{ pseudonym }] = await hub.subgraphs.jobcentre.database.dataSource.query(
      'SELECT pseudonym FROM employment_spell ORDER BY pseudonym LIMIT 1',
    );
  });
  afterAll(() => hub?.stop());

  const auditRows = (partner: keyof TestHub['subgraphs']): Promise<AuditRow[]> =>
    hub.subgraphs[partner].database.dataSource.query(
      `SELECT r.subject, r.partner, r.role, r.purpose, r.operation_name, r.fields, r.persons,
              array(SELECT p.pseudonym FROM audit_person p WHERE p.audit_id = r.id ORDER BY 1) AS pseudonyms
       FROM audit_record r ORDER BY r.id`,
    );

  it('writes exactly one record, in the owning partner\'s own database, for one person-level read', async () => {
    const before = { jobcentre: (await auditRows('jobcentre')).length, municipality: (await auditRows('municipality')).length };
    const response = await postGraphQL(
      hub.gatewayUrl,
      'query FollowUp($p: ID!) { person(pseudonym: $p) { employment { kind } benefits { kind } } }',
      { p: pseudonym },
      await staffToken('jobcentre', PURPOSE),
    );
    expect(response.errors).toBeUndefined();
    const jobcentre = (await auditRows('jobcentre')).slice(before.jobcentre);
    expect(jobcentre).toEqual([
      {
        subject: 'dev-partner-staff@jobcentre-esbjerg',
        partner: 'jobcentre-esbjerg',
        role: 'partner-staff',
        purpose: PURPOSE,
        operation_name: 'FollowUp',
        fields: ['Person.benefits', 'Person.employment'],
        persons: 1,
        pseudonyms: [pseudonym],
      },
    ]);
    // The municipality logs the look-up of the pseudonym in its register.
    const municipality = (await auditRows('municipality')).slice(before.municipality);
    expect(municipality).toEqual([expect.objectContaining({ partner: 'jobcentre-esbjerg', fields: ['Query.person'], persons: 1 })]);
  });

  it('writes nothing for aggregates', async () => {
    const before = await Promise.all((['jobcentre', 'municipality'] as const).map(async (p) => (await auditRows(p)).length));
    const response = await postGraphQL(hub.gatewayUrl, '{ lineOfAction(code: JOB) { partTimeJobShare(area: "esbjerg") { value } } }', undefined, await analystToken());
    expect(response.errors).toBeUndefined();
    const after = await Promise.all((['jobcentre', 'municipality'] as const).map(async (p) => (await auditRows(p)).length));
    expect(after).toEqual(before);
  });

  it('shows a partner\'s admin who looked at one person: organisation, role, purpose, not the employee', async () => {
    const response = await postGraphQL<{ jobcentreAccessesToPerson: { totalCount: number; edges: { node: Record<string, unknown> }[] } }>(
      hub.gatewayUrl,
      'query ($p: ID!) { jobcentreAccessesToPerson(pseudonym: $p) { totalCount edges { node { partner role purpose operationName subject persons } } } }',
      { p: pseudonym },
      await callerToken({ partner: 'jobcentre-esbjerg', roles: [Role.ADMIN] }),
    );
    expect(response.errors).toBeUndefined();
    const [{ count }] = await hub.subgraphs.jobcentre.database.dataSource.query(
      'SELECT count(*)::int AS count FROM audit_person WHERE pseudonym = $1',
      [pseudonym],
    );
    expect(response.data!.jobcentreAccessesToPerson.totalCount).toBe(count);
    expect(response.data!.jobcentreAccessesToPerson.edges[0].node).toEqual({
      partner: 'jobcentre-esbjerg',
      role: 'partner-staff',
      purpose: PURPOSE,
      operationName: 'FollowUp',
      subject: null,
      persons: 1,
    });
  });

  it('keeps a partner\'s audit log from its staff and from other partners\' admins', async () => {
    for (const token of [
      await staffToken('jobcentre'),
      await callerToken({ partner: 'ungdomsbo', roles: [Role.ADMIN] }),
      await analystToken(),
    ]) {
      const response = await postGraphQL(hub.gatewayUrl, '{ jobcentreAuditLog { totalCount } }', undefined, token);
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'Query.jobcentreAuditLog' });
    }
  });

  it('refuses to change or delete an audit record', async () => {
    const db = hub.subgraphs.jobcentre.database.dataSource;
    await expect(db.query(`UPDATE audit_record SET purpose = 'nothing to see'`)).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM audit_person')).rejects.toThrow(/append-only/);
  });
});
