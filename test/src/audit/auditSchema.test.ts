import { AUDIT_TAG, PARTNER_NAMES, auditFieldNames, buildSubgraphSdl, createAuditResolver, type SubgraphDefinition } from '@hub/core';
import { composeSupergraph, SUBGRAPHS, subgraphSdl } from '@hub/schema';
import { Kind, parse, print, type ConstDirectiveNode } from 'graphql';

/** Every subgraph with its partner's audit resolver added, as the access layer will wire it. */
const withAudit = (definition: SubgraphDefinition<unknown>): SubgraphDefinition<unknown> => ({
  ...definition,
  resolvers: [...definition.resolvers, createAuditResolver(definition.name)],
});

describe('the audit log in the schema', () => {
  it('names the two fields of each partner after it in camelCase', () => {
    expect(PARTNER_NAMES.map(auditFieldNames)).toEqual([
      { auditLog: 'municipalityAuditLog', accessesToPerson: 'municipalityAccessesToPerson' },
      { auditLog: 'housingAssociationAuditLog', accessesToPerson: 'housingAssociationAccessesToPerson' },
      { auditLog: 'jobcentreAuditLog', accessesToPerson: 'jobcentreAccessesToPerson' },
      { auditLog: 'volunteerCentreAuditLog', accessesToPerson: 'volunteerCentreAccessesToPerson' },
      { auditLog: 'foundationAuditLog', accessesToPerson: 'foundationAccessesToPerson' },
    ]);
  });

  it('gives one resolver class per partner, however often it is asked for', () => {
    expect(createAuditResolver('jobcentre')).toBe(createAuditResolver('jobcentre'));
    expect(createAuditResolver('jobcentre')).not.toBe(createAuditResolver('municipality'));
  });

  it('tags both fields "audit" and marks the record, edge and connection types shareable', async () => {
    const { sdl } = await buildSubgraphSdl(withAudit(SUBGRAPHS[2]));
    const types = new Map(
      parse(sdl)
        .definitions.filter((definition) => definition.kind === Kind.OBJECT_TYPE_DEFINITION)
        .map((definition) => [definition.name.value, definition]),
    );
    const directivesOf = (node: { directives?: readonly ConstDirectiveNode[] }) =>
      (node.directives ?? []).map((directive) => print(directive));
    const query = new Map((types.get('Query')?.fields ?? []).map((field) => [field.name.value, field]));
    for (const name of ['jobcentreAuditLog', 'jobcentreAccessesToPerson']) {
      const field = query.get(name)!;
      expect(print(field.type)).toBe('AuditRecordConnection!');
      expect(directivesOf(field)).toContain(`@tag(name: "${AUDIT_TAG}")`);
    }
    const pseudonym = query.get('jobcentreAccessesToPerson')!.arguments?.find((arg) => arg.name.value === 'pseudonym');
    expect(pseudonym && print(pseudonym.type)).toBe('ID!');
    for (const type of ['AuditRecord', 'AuditRecordEdge', 'AuditRecordConnection']) {
      expect(directivesOf(types.get(type)!)).toEqual(['@shareable']);
    }
  });

  it('composes across all five subgraphs, each with its own audit fields and the same audit types', async () => {
    const sdls = [];
    for (const definition of SUBGRAPHS) sdls.push(await subgraphSdl(withAudit(definition)));
    const supergraph = composeSupergraph(sdls);
    for (const partner of PARTNER_NAMES) {
      const { auditLog, accessesToPerson } = auditFieldNames(partner);
      expect(supergraph).toContain(`${auditLog}(`);
      expect(supergraph).toContain(`${accessesToPerson}(`);
    }
    expect(supergraph.match(/^type AuditRecord\b/gm)).toHaveLength(1);
  });
});
