import { LocalDate, PersonLevelType, Residence } from '@hub/core';
import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A period of membership of a club. The club knows its members, so the row carries the member's
 * birth year and address: the centre can count members by age band and area on its own.
 */
@Entity({ name: 'membership' })
@PersonLevelType()
@ObjectType({ description: 'A period of membership of a club.' })
export class ClubMembership {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'text' })
  pseudonym!: string;

  @Column({ name: 'birth_year', type: 'integer' })
  birthYear!: number;

  @Column(() => Residence, { prefix: false })
  residence!: Residence;

  @Column({ name: 'club_code', type: 'text' })
  clubCode!: string;

  @Column({ name: 'started_on', type: 'date' })
  @Field(() => LocalDate)
  startedOn!: string;

  @Column({ name: 'ended_on', type: 'date', nullable: true })
  @Field(() => LocalDate, { nullable: true, description: 'Null while the membership runs.' })
  endedOn!: string | null;
}
