import { AgreementGrant, LocalDate } from '@hub/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A data-sharing agreement between partners of the alliance, registered with the foundation: the
 * only way a cohort of one partner's persons may be answered on by another (docs/privacy.md, "Cohorts
 * across partners"). The recipients and their measures are `DataSharingGrant`s.
 */
@Entity({ name: 'data_sharing_agreement' })
@ObjectType({ description: 'A data-sharing agreement: whose cohorts may cross to whom, for which measures, why and when.' })
export class DataSharingAgreement {
  @PrimaryColumn({ type: 'text' })
  @Field(() => ID, { description: 'Stable code, e.g. "medvind-neet-follow-up".' })
  code!: string;

  @Column({ type: 'text' })
  @Field({ description: 'The organisation whose cohorts may cross (partner code), e.g. "ungdomsbo".' })
  provider!: string;

  @Column({ type: 'text' })
  @Field({ description: 'The purpose of processing the partners agreed on.' })
  purpose!: string;

  @Column({ name: 'valid_from', type: 'date' })
  @Field(() => LocalDate)
  validFrom!: string;

  @Column({ name: 'valid_to', type: 'date' })
  @Field(() => LocalDate, { description: 'Last day in force.' })
  validTo!: string;

  @Field(() => [AgreementGrant], { description: 'The recipients and the measures each may answer.' })
  grants!: AgreementGrant[];
}

/** One measure one recipient may answer on the provider's cohorts under an agreement. */
@Entity({ name: 'data_sharing_grant' })
export class DataSharingGrant {
  @PrimaryColumn({ name: 'agreement_code', type: 'text' })
  agreementCode!: string;

  @PrimaryColumn({ type: 'text' })
  recipient!: string;

  @PrimaryColumn({ type: 'text' })
  measure!: string;
}
