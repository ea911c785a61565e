import { LineOfActionCode, PersonLevelType } from '@hub/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Areas belong to the municipality; the association adds its departments and measures. */
@Directive('@key(fields: "code")')
@ObjectType()
export class Area {
  @Field()
  code!: string;
}

/** Lines of action belong to the foundation; the association adds its estate measures. */
@Directive('@key(fields: "code")')
@ObjectType()
export class LineOfAction {
  @Field(() => LineOfActionCode)
  code!: LineOfActionCode;
}

/** A resident known to the association, by pseudonym only. */
@Directive('@key(fields: "pseudonym")')
@PersonLevelType()
@ObjectType()
export class Person {
  @Field(() => ID)
  pseudonym!: string;
}
