import { PersonLevel, PersonLevelType, Residence } from '@hub/core';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A citizen in the municipality's register extract, by pseudonym: the master record of a person. */
@Entity({ name: 'person' })
@PersonLevelType()
@Directive('@key(fields: "pseudonym")')
@ObjectType({ description: 'A child or young person in the municipality\'s register, by pseudonym.' })
export class Person {
  @PrimaryColumn({ type: 'text' })
  @Field(() => ID, { description: 'The alliance\'s linkage pseudonym (64 hex characters).' })
  pseudonym!: string;

  @Column({ name: 'birth_year', type: 'integer' })
  @PersonLevel('municipality')
  @Field(() => Int, { nullable: true })
  birthYear!: number;

  @Column(() => Residence, { prefix: false })
  residence!: Residence;
}
