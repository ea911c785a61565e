import { Residence } from '@hub/core';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A resident the jobcentre holds employment data on (from the income register), by pseudonym. */
@Entity({ name: 'citizen' })
export class Citizen {
  @PrimaryColumn({ type: 'text' })
  pseudonym!: string;

  @Column({ name: 'birth_year', type: 'integer' })
  birthYear!: number;

  @Column(() => Residence, { prefix: false })
  residence!: Residence;
}
