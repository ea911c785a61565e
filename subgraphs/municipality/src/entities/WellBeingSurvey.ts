import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The national well-being survey's result for one school and school year: an aggregate only. */
@Entity({ name: 'well_being_survey' })
export class WellBeingSurvey {
  @PrimaryColumn({ name: 'school_code', type: 'text' })
  schoolCode!: string;

  /** The calendar year the school year starts in (2017 means 2017/18). */
  @PrimaryColumn({ name: 'school_year', type: 'integer' })
  schoolYear!: number;

  @Column({ type: 'integer' })
  respondents!: number;

  @Column({ name: 'mean_score', type: 'numeric', transformer: { to: (v: number) => v, from: Number } })
  meanScore!: number;
}
