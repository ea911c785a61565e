import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Which partners run an initiative; position 0 is the lead partner. */
@Entity({ name: 'initiative_partner' })
export class InitiativePartner {
  @PrimaryColumn({ name: 'initiative_code', type: 'text' })
  initiativeCode!: string;

  @PrimaryColumn({ name: 'partner_code', type: 'text' })
  partnerCode!: string;

  @Column({ type: 'integer' })
  position!: number;
}
