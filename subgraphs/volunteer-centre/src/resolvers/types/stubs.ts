import { LineOfActionCode, PersonLevelType } from '@hub/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Lines of action belong to the foundation; the volunteer centre adds its clubs and measures. */
@Directive('@key(fields: "code")')
@ObjectType()
export class LineOfAction {
  @Field(() => LineOfActionCode)
  code!: LineOfActionCode;
}

/**
 * Areas belong to the municipality. Resolvable here (not `resolvable: false`) because the centre
 * adds the clubs based in a district.
 */
@Directive('@key(fields: "code")')
@ObjectType()
export class Area {
  @Field()
  code!: string;
}

/** A person known to the volunteer centre through a club membership, by pseudonym only. */
@Directive('@key(fields: "pseudonym")')
@PersonLevelType()
@ObjectType()
export class Person {
  @Field(() => ID)
  pseudonym!: string;
}
