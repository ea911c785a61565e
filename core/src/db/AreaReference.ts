import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Area codes are public reference data from the municipality's register. Every subgraph keeps
 * its own copy, so it can validate an `area` argument and roll districts up to the municipality
 * without calling anyone. The municipality's copy is the master.
 */
@Entity({ name: 'area_reference' })
export class AreaReference {
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: 'MUNICIPALITY' | 'DISTRICT' | 'ESTATE';

  @Column({ name: 'parent_code', type: 'text', nullable: true })
  parentCode!: string | null;
}
