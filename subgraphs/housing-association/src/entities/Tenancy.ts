import { LocalDate, PersonLevelType, Residence } from '@hub/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A person's tenancy, household members included. The association knows its residents, so the
 * row carries their birth year and residence: the population measures count these rows.
 */
@Entity({ name: 'tenancy' })
@PersonLevelType()
@ObjectType({ description: 'A tenancy in one of the association\'s departments.' })
export class Tenancy {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'text' })
  pseudonym!: string;

  @Column({ name: 'birth_year', type: 'integer' })
  birthYear!: number;

  @Column(() => Residence, { prefix: false })
  residence!: Residence;

  @Column({ name: 'department_code', type: 'text' })
  departmentCode!: string;

  @Column({ name: 'unit_number', type: 'integer' })
  @Field(() => Int, { description: 'Dwelling number within the department.' })
  unitNumber!: number;

  @Column({ name: 'moved_in_on', type: 'date' })
  @Field(() => LocalDate)
  movedInOn!: string;

  @Column({ name: 'moved_out_on', type: 'date', nullable: true })
  @Field(() => LocalDate, { nullable: true, description: 'Null while the tenancy runs.' })
  movedOutOn!: string | null;
}
