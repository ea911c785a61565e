import { LineOfActionCode } from '@hub/core';
import { Directive, Field, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The volunteer centre owns the clubs registered with it; others may point at them by code. */
@Entity({ name: 'club' })
@Directive('@key(fields: "code")')
@ObjectType({ description: 'An association or club registered with the volunteer centre.' })
export class Club {
  @PrimaryColumn({ type: 'text' })
  @Field({ description: 'Stable code of the club.' })
  code!: string;

  @Column({ type: 'text' })
  @Field()
  name!: string;

  @Column({ type: 'text' })
  @Field({ description: 'What the members do together, e.g. football or homework help.' })
  activity!: string;

  @Column({ name: 'line_of_action', type: 'text' })
  lineOfActionCode!: LineOfActionCode;

  @Column({ name: 'district_code', type: 'text' })
  districtCode!: string;
}
