import { LocalDate } from '@hub/core';
import { Directive, Field, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { GovernanceRole, PartnerKind } from './enums';

@Entity({ name: 'partner' })
@Directive('@key(fields: "code")')
@ObjectType({ description: 'An organisation taking part in the alliance.' })
export class Partner {
  @PrimaryColumn({ type: 'text' })
  @Field({ description: 'Stable slug, e.g. "jobcentre-esbjerg".' })
  code!: string;

  @Column({ type: 'text' })
  @Field()
  name!: string;

  @Column({ type: 'text' })
  @Field(() => PartnerKind)
  kind!: PartnerKind;

  @Column({ name: 'governance_role', type: 'text' })
  @Field(() => GovernanceRole)
  governanceRole!: GovernanceRole;

  @Column({ name: 'joined_on', type: 'date' })
  @Field(() => LocalDate)
  joinedOn!: string;
}
