import { LocalDate, PersonLevelType } from '@hub/core';
import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { BenefitKind } from './enums';

@Entity({ name: 'benefit_spell' })
@PersonLevelType()
@ObjectType({ description: 'A period on a public benefit.' })
export class BenefitSpell {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'text' })
  pseudonym!: string;

  @Column({ type: 'text' })
  @Field(() => BenefitKind)
  kind!: BenefitKind;

  @Column({ name: 'started_on', type: 'date' })
  @Field(() => LocalDate)
  startedOn!: string;

  @Column({ name: 'ended_on', type: 'date', nullable: true })
  @Field(() => LocalDate, { nullable: true })
  endedOn!: string | null;
}
