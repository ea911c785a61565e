import { AgeBand, LineOfActionCode, LocalDate, declareOwnerReadings } from '@hub/core';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { IndicatorDirection } from './IndicatorEnums';

const numeric = { to: (value: number) => value, from: Number };

/** A fixed point of an indicator: its baseline or its target. */
@ObjectType({ description: 'A value of an indicator on a date: its baseline or its target.' })
export class IndicatorPoint {
  @Field(() => LocalDate)
  date!: string;

  @Field(() => Float, { description: 'In the unit of the indicator\'s measure (a share 0-1, a count, a mean).' })
  value!: number;
}

/**
 * An indicator of the alliance's shared measurement system, as the foundation defines it. Its
 * values are not stored here: they are read live from the owning partner's own data, through
 * the query plan (the owner's `<partner>Reading` fields, brought by `@requires`).
 */
@Entity({ name: 'indicator' })
@Directive('@key(fields: "id")')
@ObjectType({ description: 'An indicator against a target, measured live from its owning partner\'s data.' })
export class Indicator {
  @PrimaryColumn({ type: 'text' })
  @Field(() => ID, { description: 'Stable slug, e.g. "part-time-jobs-osterbyen".' })
  id!: string;

  @Column({ type: 'text' })
  @Field()
  name!: string;

  @Column({ name: 'line_of_action', type: 'text' })
  lineOfActionCode!: LineOfActionCode;

  @Column({ name: 'owner_code', type: 'text' })
  @Directive('@inaccessible')
  @Field({ description: 'The owning partner\'s organisation code (for the owner, through the query plan).' })
  ownerCode!: string;

  @Column({ type: 'text' })
  @Field({
    description:
      'The owner\'s measure, named as its field on LineOfAction (e.g. "partTimeJobShare"): the indicator\'s ' +
      'values are what that field answers for the indicator\'s area and age band.',
  })
  measure!: string;

  @Column({ name: 'age_band', type: 'text' })
  @Field(() => AgeBand)
  ageBand!: AgeBand;

  @Column({ name: 'area_code', type: 'text' })
  @Directive('@inaccessible')
  @Field()
  areaCode!: string;

  @Column({ name: 'comparison_area_code', type: 'text', nullable: true })
  @Directive('@inaccessible')
  @Field(() => String, { nullable: true })
  comparisonAreaCode!: string | null;

  @Column({ type: 'text' })
  @Field(() => IndicatorDirection)
  direction!: IndicatorDirection;

  @Column({ name: 'baseline_on', type: 'date' })
  baselineOn!: string;

  @Column({ name: 'baseline_value', type: 'numeric', transformer: numeric })
  baselineValue!: number;

  @Column({ name: 'target_on', type: 'date' })
  targetOn!: string;

  @Column({ name: 'target_value', type: 'numeric', transformer: numeric })
  targetValue!: number;

  @Column({ type: 'integer' })
  @Field(() => Int, { description: 'Raised by every change; an update names the version it was based on.' })
  version!: number;
}

declareOwnerReadings(Indicator);
