import { LineOfActionCode } from '@hub/core';
import { Directive, Field, ObjectType } from 'type-graphql';

/** Lines of action belong to the foundation; the municipality adds its register's measures. */
@Directive('@key(fields: "code")')
@ObjectType()
export class LineOfAction {
  @Field(() => LineOfActionCode)
  code!: LineOfActionCode;
}
