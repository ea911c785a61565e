import { Column } from 'typeorm';

/**
 * Where a person lives, as each partner records it with its own person-level rows. Embedded
 * (`@Column(() => Residence, { prefix: false })`) so every partner names the columns alike and
 * the shared area filter works on all of them.
 */
export class Residence {
  @Column({ name: 'municipality_code', type: 'text' })
  municipalityCode!: string;

  @Column({ name: 'district_code', type: 'text' })
  districtCode!: string;

  @Column({ name: 'estate_code', type: 'text', nullable: true })
  estateCode!: string | null;
}
