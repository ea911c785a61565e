import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A department (afdeling) of an estate: the unit the association runs and budgets for. */
@Entity({ name: 'department' })
@ObjectType({ description: 'A department (afdeling) of a social-housing estate.' })
export class Department {
  @PrimaryColumn({ type: 'text' })
  @Field({ description: 'Stable slug, e.g. "hedelundgardparken-1".' })
  code!: string;

  @Column({ name: 'estate_code', type: 'text' })
  estateCode!: string;

  @Column({ type: 'text' })
  @Field()
  name!: string;

  @Column({ type: 'integer' })
  @Field(() => Int, { description: 'Dwellings in the department.' })
  units!: number;
}
