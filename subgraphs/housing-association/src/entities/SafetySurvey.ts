import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The yearly safety (tryghed) survey of an estate, as an aggregate: no answers per person. */
@Entity({ name: 'safety_survey' })
export class SafetySurvey {
  @PrimaryColumn({ name: 'estate_code', type: 'text' })
  estateCode!: string;

  @PrimaryColumn({ type: 'integer' })
  year!: number;

  @Column({ type: 'integer' })
  respondents!: number;

  @Column({ name: 'feel_safe_share', type: 'double precision' })
  feelSafeShare!: number;
}
