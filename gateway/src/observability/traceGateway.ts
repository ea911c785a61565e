import type { GatewayConfig } from '@apollo/gateway';
import type { ApolloServerPlugin } from '@apollo/server';
import { endSpan, failSpan, injectTraceparent, startChildSpan, type TracedSpan } from '@hub/core';
import type { GatewayContext } from '../GatewayContext';

type PlanHook = NonNullable<GatewayConfig['experimental_didResolveQueryPlan']>;

/** A traced request's spans besides its own: fetches start under the execution. */
export interface RequestTrace {
  request: TracedSpan;
  execution?: TracedSpan;
  planning?: TracedSpan;
}

/**
 * A span for the execution of each traced request, and inside it one for its planning, which
 * ends when the gateway resolved the plan (`afterPlanning`). Installed only when traces are on.
 */
export function tracePlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      const trace = contextValue.record.trace;
      if (!trace) return;
      return {
        async executionDidStart() {
          trace.execution = startChildSpan(trace.request, 'execute', 'internal');
          trace.planning = startChildSpan(trace.execution, 'plan', 'internal');
          return {
            async executionDidEnd(error) {
              endPlanning(trace);
              if (error) failSpan(trace.execution, 'error');
              endSpan(trace.execution);
            },
          };
        },
      };
    },
  };
}

/** Ends the planning span once the plan is known (from the cache or planned), then runs `hook`. */
export function afterPlanning(hook: PlanHook): PlanHook {
  return (options) => {
    const trace = (options.requestContext.context as Partial<GatewayContext>).record?.trace;
    if (trace) endPlanning(trace);
    return hook(options);
  };
}

function endPlanning(trace: RequestTrace): void {
  endSpan(trace.planning);
  trace.planning = undefined;
}

/** A client span for one fetch from a partner, its `traceparent` added to the fetch's headers. */
export function partnerFetchSpan(context: Partial<GatewayContext>, partner: string, headers: Record<string, string>): TracedSpan | undefined {
  const trace = context.record?.trace;
  if (!trace) return undefined;
  const attributes = { 'hub.partner': partner, 'hub.kept_answer': false };
  const fetch = startChildSpan(trace.execution ?? trace.request, `partner fetch ${partner}`, 'client', attributes);
  injectTraceparent(fetch, headers);
  return fetch;
}
