import { AgeBand, LineOfActionCode, LocalDate } from '@hub/core';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'initiative' })
@Directive('@key(fields: "code")')
@ObjectType({ description: 'An activity of the alliance, run by one or more partners.' })
export class Initiative {
  @PrimaryColumn({ type: 'text' })
  @Field({ description: 'Stable slug, e.g. "part-time-job-programme".' })
  code!: string;

  @Column({ type: 'text' })
  @Field()
  name!: string;

  @Column({ type: 'text' })
  @Field()
  description!: string;

  @Column({ name: 'line_of_action', type: 'text' })
  lineOfActionCode!: LineOfActionCode;

  @Column({ name: 'age_band', type: 'text' })
  @Field(() => AgeBand, { description: 'The age group the initiative targets.' })
  ageBand!: AgeBand;

  @Column({ name: 'area_code', type: 'text' })
  areaCode!: string;

  @Column({ name: 'started_on', type: 'date' })
  @Field(() => LocalDate)
  startedOn!: string;

  @Column({ name: 'ended_on', type: 'date', nullable: true })
  @Field(() => LocalDate, { nullable: true })
  endedOn!: string | null;

  @Column({ type: 'integer' })
  @Field(() => Int, { description: 'Raised by every change; an update names the version it was based on.' })
  version!: number;
}
