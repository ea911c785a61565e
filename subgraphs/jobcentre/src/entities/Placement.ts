import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A young person placed in a job through one of the alliance's initiatives. */
@Entity({ name: 'placement' })
export class Placement {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'text' })
  pseudonym!: string;

  @Column({ name: 'initiative_code', type: 'text' })
  initiativeCode!: string;

  @Column({ name: 'employer_name', type: 'text' })
  employerName!: string;

  @Column({ name: 'placed_on', type: 'date' })
  placedOn!: string;
}
