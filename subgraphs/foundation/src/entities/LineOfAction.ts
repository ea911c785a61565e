import { LineOfActionCode } from '@hub/core';
import { Directive, Field, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The foundation owns the alliance's lines of action; every partner adds its own measures. */
@Entity({ name: 'line_of_action' })
@Directive('@key(fields: "code")')
@ObjectType({ description: 'A line of action (indsatsspor) of the alliance.' })
export class LineOfAction {
  @PrimaryColumn({ type: 'text' })
  @Field(() => LineOfActionCode)
  code!: LineOfActionCode;

  @Column({ type: 'text' })
  @Field()
  name!: string;

  @Column({ type: 'text' })
  @Field()
  description!: string;
}
