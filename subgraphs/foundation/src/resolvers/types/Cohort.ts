import { AgeBand, CohortKind, LocalDate, Measure } from '@hub/core';
import { Directive, Field, ID, InputType, ObjectType } from 'type-graphql';

@InputType({ description: 'A cohort along predefined dimensions; which fields apply depends on `kind`.' })
export class CohortDefinitionInput {
  @Field(() => CohortKind)
  kind!: CohortKind;

  @Field(() => String, {
    nullable: true,
    description: 'ESTATE_RESIDENTS: an estate code; DISTRICT_RESIDENTS: a district code or the municipality\'s.',
  })
  area?: string | null;

  @Field(() => String, { nullable: true, description: 'PROGRAMME_PARTICIPANTS: an initiative code, e.g. "part-time-job-programme".' })
  programme?: string | null;

  @Field(() => AgeBand, { nullable: true, description: 'Age on the reference date; AGE_0_24 if left out.' })
  ageBand?: AgeBand | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'Reference date: 1 January of a year from 2017, not in the future; the latest one if left out.',
  })
  asOf?: string | null;
}

@ObjectType({ description: 'The validated definition of a cohort.' })
export class CohortDefinition {
  @Field(() => CohortKind)
  kind!: CohortKind;

  @Field(() => String, { nullable: true })
  area!: string | null;

  @Field(() => String, { nullable: true })
  programme!: string | null;

  @Field(() => AgeBand)
  ageBand!: AgeBand;

  @Field(() => LocalDate)
  asOf!: string;
}

/**
 * A cohort defined by one partner's records, answered on by others under a data-sharing
 * agreement. The foundation owns the definition; its members never leave the federation.
 */
@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'A cohort defined by one partner\'s records and answered on by other partners under a data-sharing ' +
    'agreement. Only disclosure-controlled measures come back; the members never leave the federation.',
})
export class Cohort {
  @Field(() => ID, { description: 'Opaque: the validated definition and the agreement.' })
  id!: string;

  @Directive('@external')
  @Field(() => Measure, { nullable: true })
  estateCohortSize?: Measure | null;

  @Directive('@external')
  @Field(() => Measure, { nullable: true })
  districtCohortSize?: Measure | null;

  @Directive('@external')
  @Field(() => Measure, { nullable: true })
  programmeCohortSize?: Measure | null;
}
