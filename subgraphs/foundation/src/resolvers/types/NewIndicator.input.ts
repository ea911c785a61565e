import { AgeBand, LineOfActionCode, RegistryChangeType } from '@hub/core';
import { Field, Float, ID, InputType } from 'type-graphql';
import { IndicatorDirection } from '../../entities/IndicatorEnums';

/** A new indicator's whole definition. */
@RegistryChangeType()
@InputType({ description: 'A new indicator\'s whole definition.' })
export class NewIndicatorInput {
  @Field(() => ID, { description: 'Stable slug of lowercase letters and digits joined by hyphens.' })
  id!: string;

  @Field()
  name!: string;

  @Field({ description: 'The owning partner\'s organisation code.' })
  ownerCode!: string;

  @Field({ description: 'The owner\'s measure, named as its field on LineOfAction (e.g. "partTimeJobShare").' })
  measure!: string;

  @Field(() => LineOfActionCode)
  lineOfActionCode!: LineOfActionCode;

  @Field()
  areaCode!: string;

  @Field(() => String, { nullable: true })
  comparisonAreaCode!: string | null;

  @Field(() => AgeBand)
  ageBand!: AgeBand;

  @Field(() => IndicatorDirection)
  direction!: IndicatorDirection;

  @Field({ description: 'YYYY-MM-DD.' })
  baselineOn!: string;

  @Field(() => Float)
  baselineValue!: number;

  @Field({ description: 'YYYY-MM-DD, after the baseline\'s date.' })
  targetOn!: string;

  @Field(() => Float, { description: 'In the good direction from the baseline value.' })
  targetValue!: number;
}
