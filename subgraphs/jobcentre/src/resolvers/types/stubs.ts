import { LineOfActionCode, PersonLevelType } from '@hub/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Lines of action belong to the foundation; the jobcentre adds its measures to them. */
@Directive('@key(fields: "code")')
@ObjectType()
export class LineOfAction {
  @Field(() => LineOfActionCode)
  code!: LineOfActionCode;
}

/** Initiatives belong to the foundation; the jobcentre adds the placements it made for them. */
@Directive('@key(fields: "code")')
@ObjectType()
export class Initiative {
  @Field()
  code!: string;
}

/** A person known to the jobcentre, by pseudonym only. */
@Directive('@key(fields: "pseudonym")')
@PersonLevelType()
@ObjectType()
export class Person {
  @Field(() => ID)
  pseudonym!: string;
}
