import { groupLoader, keyLoader, type AgreementGrant, type CohortMeasure } from '@hub/core';
import { In, type DataSource } from 'typeorm';
import { DataSharingAgreement, DataSharingGrant } from '../entities/DataSharingAgreement';

/** The grants of one agreement, one per recipient with its measures, in a stable order. */
function toGrants(rows: readonly DataSharingGrant[]): AgreementGrant[] {
  const byRecipient = new Map<string, CohortMeasure[]>();
  for (const row of rows) byRecipient.set(row.recipient, [...(byRecipient.get(row.recipient) ?? []), row.measure as CohortMeasure]);
  return [...byRecipient].map(([recipient, measures]) => ({ recipient, measures }));
}

/** Agreements by code, with their grants: two statements per request, whatever is asked. */
export function agreementLoaders(db: DataSource) {
  const grantsOf = groupLoader(
    (codes: readonly string[]) =>
      db.getRepository(DataSharingGrant).find({
        where: { agreementCode: In([...codes]) },
        order: { recipient: 'ASC', measure: 'ASC' },
      }),
    (grant) => grant.agreementCode,
  );
  return {
    agreement: keyLoader(
      async (codes: readonly string[]) => {
        const agreements = await db.getRepository(DataSharingAgreement).findBy({ code: In([...codes]) });
        const grants = await grantsOf.loadMany(agreements.map((a) => a.code));
        return agreements.map((a, i) => Object.assign(a, { grants: toGrants(grants[i] as DataSharingGrant[]) }));
      },
      (agreement) => agreement.code,
    ),
  };
}
