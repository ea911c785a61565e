import { AgeBand, LineOfActionCode, RegistryChangeType } from '@hub/core';
import { Field, InputType } from 'type-graphql';

/** What an update may change of an initiative; absent fields keep their value. */
@RegistryChangeType()
@InputType({ description: 'The parts of an initiative to change; absent fields keep their value.' })
export class InitiativeChangeInput {
  @Field({ nullable: true })
  name?: string;

  @Field({ nullable: true })
  description?: string;

  @Field(() => LineOfActionCode, { nullable: true })
  lineOfActionCode?: LineOfActionCode;

  @Field(() => AgeBand, { nullable: true })
  ageBand?: AgeBand;

  @Field(() => String, { nullable: true })
  areaCode?: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  startedOn?: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, not before the start; null while it runs.' })
  endedOn?: string | null;
}
