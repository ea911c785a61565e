import { LocalDate, PersonLevelType } from '@hub/core';
import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { YouthStatus } from './enums';

@Entity({ name: 'youth_status_spell' })
@PersonLevelType()
@ObjectType({ description: 'A period with one status in the youth guidance register.' })
export class YouthStatusSpell {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'text' })
  pseudonym!: string;

  @Column({ type: 'text' })
  @Field(() => YouthStatus)
  status!: YouthStatus;

  @Column({ name: 'started_on', type: 'date' })
  @Field(() => LocalDate)
  startedOn!: string;

  @Column({ name: 'ended_on', type: 'date', nullable: true })
  @Field(() => LocalDate, { nullable: true, description: 'Null while the status lasts.' })
  endedOn!: string | null;
}
