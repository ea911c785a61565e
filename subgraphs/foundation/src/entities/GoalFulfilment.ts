import { Directive, Field, Float, ObjectType } from 'type-graphql';
import { GoalStatus } from './IndicatorEnums';

/** One indicator against its target, today. */
@ObjectType({ description: 'How far an indicator has come from its baseline toward its target, today.' })
export class GoalFulfilment {
  @Field(() => Float, {
    nullable: true,
    description:
      'Share of the way from baseline toward target: 0 at the baseline, 1 at the target, below 0 when it ' +
      'moved the wrong way, above 1 beyond the target. Null when the current value is withheld or unknown.',
  })
  progress!: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the target is reached; null when the current value is unknown.' })
  met!: boolean | null;

  @Field(() => GoalStatus)
  status!: GoalStatus;
}

/**
 * The targets of a scope (a line of action, or the whole alliance) and how many are met. An
 * entity so that the foundation can receive, through the query plan, the owners' readings of all
 * the scope's indicators (`@requires` on its counts).
 */
@Directive('@key(fields: "scope")')
@ObjectType({ description: 'Goal fulfilment of a line of action or of the whole alliance: the share of targets met today.' })
export class GoalFulfilmentSummary {
  @Field({ description: 'A line of action\'s code, or "ALLIANCE" for every indicator.' })
  scope!: string;
}

/** The scope of the whole alliance's goal fulfilment. */
export const ALLIANCE_SCOPE = 'ALLIANCE';
