import { Directive, Field, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'school' })
@Directive('@key(fields: "code")')
@ObjectType({ description: 'A public school of the municipality.' })
export class School {
  @PrimaryColumn({ type: 'text' })
  @Field({ description: 'Stable slug, e.g. "urbanskolen".' })
  code!: string;

  @Column({ type: 'text' })
  @Field()
  name!: string;

  @Column({ name: 'district_code', type: 'text' })
  districtCode!: string;
}
