import { LocalDate, PersonLevelType } from '@hub/core';
import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { EmploymentKind } from './enums';

@Entity({ name: 'employment_spell' })
@PersonLevelType()
@ObjectType({ description: 'A period in a job.' })
export class EmploymentSpell {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'text' })
  pseudonym!: string;

  @Column({ type: 'text' })
  @Field(() => EmploymentKind)
  kind!: EmploymentKind;

  @Column({ name: 'started_on', type: 'date' })
  @Field(() => LocalDate)
  startedOn!: string;

  @Column({ name: 'ended_on', type: 'date', nullable: true })
  @Field(() => LocalDate, { nullable: true, description: 'Null while the job runs.' })
  endedOn!: string | null;
}
