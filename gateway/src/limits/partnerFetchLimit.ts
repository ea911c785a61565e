import type { GatewayConfig } from '@apollo/gateway';
import type { PlanNode, QueryPlan } from '@apollo/query-planner';
import { LimitCode, LimitExceededError } from './LimitExceededError';

/** Fetches of one plan, per partner (subgraph name). */
export function fetchesPerPartner(plan: QueryPlan): Map<string, number> {
  const counts = new Map<string, number>();
  const visit = (node: QueryPlan['node'] | PlanNode): void => {
    if (!node) return;
    switch (node.kind) {
      case 'Fetch':
        counts.set(node.serviceName, (counts.get(node.serviceName) ?? 0) + 1);
        return;
      case 'Sequence':
      case 'Parallel':
        return node.nodes.forEach(visit);
      case 'Flatten':
        return visit(node.node);
      case 'Condition':
        visit(node.ifClause);
        return visit(node.elseClause);
      case 'Defer':
        visit(node.primary.node);
        return node.deferred.forEach((deferred) => visit(deferred.node));
      case 'Subscription':
        visit(node.primary);
        return visit(node.rest);
    }
  };
  visit(plan.node);
  return counts;
}

/**
 * What a query costs the partners: the fetches its plan makes to each one. A fetch is one call
 * whatever the rows (entities go in one batch), so the count is known before any partner is
 * called; a query over `max` for one partner is refused with MAX_PARTNER_FETCHES_LIMIT (400), so
 * no single query can fill a partner's line. Apollo plans after validation; its hook runs before
 * the plan does, and what it throws is the request's answer.
 */
export function partnerFetchLimit(max: number): NonNullable<GatewayConfig['experimental_didResolveQueryPlan']> {
  return ({ queryPlan }) => {
    for (const [partner, fetches] of fetchesPerPartner(queryPlan)) {
      if (fetches > max) {
        throw new LimitExceededError(
          LimitCode.PARTNER_FETCHES,
          `Partner fetches limit of ${max} exceeded: the query would call ${partner} ${fetches} times.`,
          max,
        );
      }
    }
  };
}
