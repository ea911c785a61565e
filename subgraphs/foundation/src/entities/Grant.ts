import { LocalDate } from '@hub/core';
import { Field, Float, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'grant_award' })
@ObjectType({ description: 'Money awarded to an initiative.' })
export class Grant {
  @PrimaryColumn({ type: 'text' })
  @Field()
  code!: string;

  @Column({ name: 'initiative_code', type: 'text' })
  initiativeCode!: string;

  @Column({ name: 'grantor_code', type: 'text' })
  grantorCode!: string;

  @Column({ name: 'amount_dkk', type: 'numeric', transformer: { to: (v: number) => v, from: Number } })
  @Field(() => Float, { description: 'Amount in Danish kroner.' })
  amountDkk!: number;

  @Column({ name: 'awarded_on', type: 'date' })
  @Field(() => LocalDate)
  awardedOn!: string;
}
