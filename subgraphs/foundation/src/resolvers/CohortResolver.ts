import {
  Aggregate,
  AgreementTerms,
  MEASURE_SELECTION,
  Measure,
  agreementRefusal,
  decodeCohortId,
  encodeCohortId,
  notFound,
  outOfForce,
  relayedCount,
  sizeField,
  today,
  COHORT_KINDS,
  type MeasureFigures,
} from '@hub/core';
import { Arg, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { DataSharingAgreement } from '../entities/DataSharingAgreement';
import { validCohortSpec } from './cohortDefinition';
import type { FoundationContext } from './context';
import { Cohort, CohortDefinition, CohortDefinitionInput } from './types/Cohort';

const SIZES = COHORT_KINDS.map(sizeField);

@Resolver(() => Cohort)
export class CohortResolver {
  @Aggregate()
  @Query(() => Cohort, {
    nullable: true,
    description:
      'A cohort defined by one partner\'s records, for other partners to answer their measures on under ' +
      '`agreement` (see `dataSharingAgreements`). Only disclosure-controlled measures come back.',
  })
  async cohort(
    @Arg('definition', () => CohortDefinitionInput) definition: CohortDefinitionInput,
    @Arg('agreement', () => ID, { description: 'The code of the data-sharing agreement the question is asked under.' })
    agreement: string,
    @Ctx() context: FoundationContext,
  ): Promise<Cohort> {
    const terms = await context.loaders.agreement.load(agreement);
    if (!terms) {
      throw notFound(`No data-sharing agreement "${agreement}"; \`dataSharingAgreements\` lists them.`, 'agreement', agreement);
    }
    // Outside its dates an agreement answers nothing about its cohorts, not even their size.
    const expired = outOfForce(terms, today());
    if (expired) throw agreementRefusal('Query.cohort', agreement, `a data-sharing agreement in force today; agreement ${agreement} ${expired}`);
    return { id: encodeCohortId(await validCohortSpec(definition, agreement, context)) };
  }

  @Aggregate()
  @Query(() => [DataSharingAgreement], { description: 'The register of data-sharing agreements, by code.' })
  async dataSharingAgreements(@Ctx() { db, loaders }: FoundationContext): Promise<DataSharingAgreement[]> {
    const codes = await db.getRepository(DataSharingAgreement).find({ select: { code: true }, order: { code: 'ASC' } });
    const agreements = await loaders.agreement.loadMany(codes.map((a) => a.code));
    return agreements as DataSharingAgreement[];
  }

  @FieldResolver(() => CohortDefinition)
  definition(@Root() cohort: Cohort): CohortDefinition {
    const { kind, area, programme, ageBand, asOf } = decodeCohortId(cohort.id);
    return { kind, area, programme, ageBand, asOf };
  }

  @FieldResolver(() => DataSharingAgreement, { nullable: true, description: 'The agreement the cohort is asked under.' })
  agreement(@Root() cohort: Cohort, @Ctx() { loaders }: FoundationContext): Promise<DataSharingAgreement | null> {
    return loaders.agreement.load(decodeCohortId(cohort.id).agreement);
  }

  @Directive('@inaccessible')
  @FieldResolver(() => AgreementTerms, { nullable: true })
  async agreementTerms(@Root() cohort: Cohort, @Ctx() { loaders }: FoundationContext): Promise<AgreementTerms | null> {
    const agreement = await loaders.agreement.load(decodeCohortId(cohort.id).agreement);
    if (!agreement) return null;
    const { code, provider, grants, validFrom, validTo } = agreement;
    return { code, provider, grants, validFrom, validTo };
  }

  @Aggregate()
  @Directive(`@requires(fields: "${SIZES.map((field) => `${field} ${MEASURE_SELECTION}`).join(' ')}")`)
  @FieldResolver(() => Measure, { nullable: true, description: 'Persons in the cohort, from the partner that defines it.' })
  size(@Root() cohort: Cohort): Measure | null {
    const record = cohort as unknown as Record<string, MeasureFigures | null | undefined>;
    const figures = SIZES.map((field) => record[field]).find((measure) => measure);
    return figures ? relayedCount(figures) : null;
  }
}

