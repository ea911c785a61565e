import { Aggregate, LineOfActionCode, OWNER_READINGS, readIndicatorId, readingsOf } from '@hub/core';
import { Ctx, Directive, FieldResolver, Float, Int, Query, Resolver, Root } from 'type-graphql';
import { ALLIANCE_SCOPE, GoalFulfilmentSummary } from '../entities/GoalFulfilment';
import { Indicator } from '../entities/Indicator';
import { LineOfAction } from '../entities/LineOfAction';
import type { FoundationContext } from './context';
import { UNKNOWN_FULFILMENT, summarise, type FulfilmentSummary } from './GoalFulfilmentRules';
import { fulfilmentOf } from './IndicatorResolver';

const SCOPES: readonly string[] = [ALLIANCE_SCOPE, ...Object.values(LineOfActionCode)];

/**
 * What the query plan brings back of a scope's indicators: their ids and the owners' readings; null
 * for an indicator whose owner failed (the gateway then drops the indicator's fields).
 */
type ScopeIndicators = (Record<string, unknown> | null)[];

const summary = (scope: string) => Object.assign(new GoalFulfilmentSummary(), { scope });

/** A summary as the query plan hands it back, with its indicators' readings; null for no such scope. */
export function summaryReference(reference: Record<string, unknown>): GoalFulfilmentSummary | null {
  const scope = reference.scope as string;
  return SCOPES.includes(scope) ? Object.assign(summary(scope), { scopeIndicators: reference.scopeIndicators }) : null;
}

function indicatorsOf(scope: string, { loaders }: FoundationContext): Promise<Indicator[]> {
  return scope === ALLIANCE_SCOPE
    ? loaders.allIndicators.load(ALLIANCE_SCOPE)
    : loaders.indicatorsOfLine.load(scope as LineOfActionCode);
}

/**
 * Counts a scope's fulfilments from the readings the query plan brought, one item per indicator
 * of the scope; an item no owner answered is UNKNOWN.
 */
async function fulfilmentOfScope(root: GoalFulfilmentSummary, { loaders }: FoundationContext): Promise<FulfilmentSummary> {
  const received = (root as unknown as { scopeIndicators?: ScopeIndicators }).scopeIndicators ?? [];
  const fulfilments = await Promise.all(
    received.map(async (fields) => {
      const id = fields && readIndicatorId(fields);
      const definition = id === null ? null : await loaders.indicator.load(id);
      return fields && definition ? fulfilmentOf(Object.assign(new Indicator(), definition, readingsOf(fields))) : UNKNOWN_FULFILMENT;
    }),
  );
  return summarise(fulfilments);
}

@Resolver(() => LineOfAction)
export class LineOfActionGoalResolver {
  @FieldResolver(() => [Indicator], { description: 'The indicators of this line of action.' })
  indicators(@Root() line: LineOfAction, @Ctx() { loaders }: FoundationContext): Promise<Indicator[]> {
    return loaders.indicatorsOfLine.load(line.code);
  }

  @FieldResolver(() => GoalFulfilmentSummary, { description: 'The share of this line\'s targets met today.' })
  goalFulfilment(@Root() line: LineOfAction): GoalFulfilmentSummary {
    return summary(line.code);
  }
}

@Resolver(() => GoalFulfilmentSummary)
export class GoalFulfilmentResolver {
  @Query(() => GoalFulfilmentSummary, { description: 'The share of all the alliance\'s targets met today.' })
  allianceGoalFulfilment(): GoalFulfilmentSummary {
    return summary(ALLIANCE_SCOPE);
  }

  @Directive('@inaccessible')
  @FieldResolver(() => [Indicator], { description: 'The indicators counted (for the owners\' readings, through the query plan).' })
  scopeIndicators(@Root() root: GoalFulfilmentSummary, @Ctx() context: FoundationContext): Promise<Indicator[]> {
    return indicatorsOf(root.scope, context);
  }

  @FieldResolver(() => Int, { description: 'Indicators with a target in this scope.' })
  async indicators(@Root() root: GoalFulfilmentSummary, @Ctx() context: FoundationContext): Promise<number> {
    return (await indicatorsOf(root.scope, context)).length;
  }

  @Aggregate()
  @Directive(`@requires(fields: "scopeIndicators { ${OWNER_READINGS} }")`)
  // met and unknown are nullable: they need the owners' readings (schema/README.md, "Nullability").
  @FieldResolver(() => Int, { nullable: true, description: 'Targets met today; null when an owner did not answer.' })
  async met(@Root() root: GoalFulfilmentSummary, @Ctx() context: FoundationContext): Promise<number> {
    return (await fulfilmentOfScope(root, context)).met;
  }

  @Aggregate()
  @Directive(`@requires(fields: "scopeIndicators { ${OWNER_READINGS} }")`)
  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'Targets whose status is UNKNOWN (current value withheld): counted among the targets, not among those met; ' +
      'null when an owner did not answer.',
  })
  async unknown(@Root() root: GoalFulfilmentSummary, @Ctx() context: FoundationContext): Promise<number> {
    return (await fulfilmentOfScope(root, context)).unknown;
  }

  @Aggregate()
  @Directive(`@requires(fields: "scopeIndicators { ${OWNER_READINGS} }")`)
  @FieldResolver(() => Float, { nullable: true, description: 'Met ÷ indicators (0-1); null for a scope without indicators.' })
  async share(@Root() root: GoalFulfilmentSummary, @Ctx() context: FoundationContext): Promise<number | null> {
    return (await fulfilmentOfScope(root, context)).share;
  }
}
