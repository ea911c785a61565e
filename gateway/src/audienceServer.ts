import type http from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { refuseNulBytesPlugin } from '@hub/core';
import type pino from 'pino';
import type { Admission } from './admission/Admission';
import { formatGatewayError } from './errors/formatGatewayError';
import { nullOnFailure } from './errors/nullOnFailure';
import type { GatewayContext } from './GatewayContext';
import { HubDataSource } from './HubDataSource';
import { onlyQueries } from './input/onlyQueries';
import { pageSizeLimit } from './limits/pageSizeLimit';
import { partnerFetchLimit } from './limits/partnerFetchLimit';
import { queryLimitOptions, type QueryLimits } from './limits/queryLimits';
import { observationPlugin } from './observability/observeGateway';
import { afterPlanning, tracePlugin } from './observability/traceGateway';
import type { Safelist } from './safelist/Safelist';
import type { PartnerLinks } from './traffic/PartnerLinks';
import { busyRetryAfterPlugin } from './traffic/busyRetryAfter';
import type { KeptOutcome } from './traffic/answers/KeptAnswers';
import { wholeAnswersPlugin } from './traffic/answers/wholeAnswers';

/** What both audiences' servers share: the partners' links (one circuit each), limits, safelist, admission. */
export interface AudienceShared {
  links: PartnerLinks;
  limits: QueryLimits;
  safelist: Safelist;
  admission: Admission;
  logger: pino.Logger;
  httpServer: http.Server;
  /** Told what a query found among the whole answers kept (`wholeAnswersPlugin`). */
  keptOperation: (outcome: KeptOutcome) => void;
  /** Whether requests are traced: the planning and execution spans are then added. */
  traced: boolean;
}

/**
 * One Apollo server over one supergraph; the hub runs one per audience. The gateway reads only
 * the checked-in supergraph and contacts no partner to start (no health check), so it serves
 * even while some are down.
 */
export async function audienceServer(supergraphSdl: string, shared: AudienceShared): Promise<ApolloServer<GatewayContext>> {
  const fetchLimit = partnerFetchLimit(shared.limits.partnerFetches);
  const gateway = new ApolloGateway({
    supergraphSdl,
    logger: shared.logger,
    buildService: ({ name, url }) => new HubDataSource(shared.links.linkFor(name, url ?? ''), nullOnFailure),
    experimental_didResolveQueryPlan: shared.traced ? afterPlanning(fetchLimit) : fetchLimit,
  });
  const limits = queryLimitOptions(shared.limits);
  const plugins: ApolloServerPlugin<GatewayContext>[] = [
    ApolloServerPluginDrainHttpServer({ httpServer: shared.httpServer }),
    ApolloServerPluginLandingPageDisabled(),
    observationPlugin(shared.logger),
    ...(shared.traced ? [tracePlugin()] : []),
    ...(limits.plugins as ApolloServerPlugin<GatewayContext>[]),
    onlyQueries<GatewayContext>(),
    // The partners' own refusal of a NUL, here before any partner is asked.
    refuseNulBytesPlugin<GatewayContext>(),
    pageSizeLimit<GatewayContext>(),
    busyRetryAfterPlugin<GatewayContext>(),
  ];
  if (shared.safelist.mode === 'enforce') plugins.push(shared.safelist.plugin<GatewayContext>());
  const answers = shared.links.answers;
  if (answers) plugins.push(wholeAnswersPlugin(answers, shared.links, shared.keptOperation));
  // Last: a request refused by a limit or the safelist never holds a slot.
  plugins.push(shared.admission.plugin<GatewayContext>());
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    logger: shared.logger,
    includeStacktraceInErrorResponses: false,
    formatError: formatGatewayError,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    allowBatchedHttpRequests: false,
    persistedQueries: { cache: shared.safelist.store, ttl: null },
    plugins,
  });
  await apollo.start();
  return apollo;
}
