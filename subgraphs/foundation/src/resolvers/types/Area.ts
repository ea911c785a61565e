import { Directive, Field, ObjectType } from 'type-graphql';

/** The municipality owns areas; the foundation only points at them. */
@Directive('@key(fields: "code", resolvable: false)')
@ObjectType()
export class Area {
  @Field()
  code!: string;
}
