import { AgeBand, LineOfActionCode, RegistryChangeType } from '@hub/core';
import { Field, Float, InputType } from 'type-graphql';
import { IndicatorDirection } from '../../entities/IndicatorEnums';

/** What an update may change of an indicator's definition; absent fields keep their value. */
@RegistryChangeType()
@InputType({ description: 'The parts of an indicator\'s definition to change; absent fields keep their value.' })
export class IndicatorChangeInput {
  @Field({ nullable: true })
  name?: string;

  @Field(() => String, { nullable: true, description: 'The owning partner\'s organisation code.' })
  ownerCode?: string;

  @Field(() => LineOfActionCode, { nullable: true })
  lineOfActionCode?: LineOfActionCode;

  @Field(() => String, { nullable: true })
  areaCode?: string;

  @Field(() => String, { nullable: true, description: 'Null removes the comparison area.' })
  comparisonAreaCode?: string | null;

  @Field(() => AgeBand, { nullable: true })
  ageBand?: AgeBand;

  @Field(() => IndicatorDirection, { nullable: true })
  direction?: IndicatorDirection;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  baselineOn?: string;

  @Field(() => Float, { nullable: true })
  baselineValue?: number;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, after the baseline\'s date.' })
  targetOn?: string;

  @Field(() => Float, { nullable: true, description: 'In the good direction from the baseline value.' })
  targetValue?: number;
}
