import { createHash } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../../GatewayContext';
import { rightsOf } from '../../HubDataSource';
import type { PartnerLinks } from '../PartnerLinks';
import type { AnswerStore } from './AnswerStore';
import type { KeptOutcome } from './KeptAnswers';

/** Where a whole answer is kept: the caller's rights, the operation's text, its name and variables. */
function keyOf(rights: string, source: string, operationName: string | null | undefined, variables: unknown): string {
  const digest = createHash('sha256').update('operation\0').update(rights).update('\0').update(source);
  return digest.update('\0').update(operationName ?? '').update('\0').update(JSON.stringify(variables ?? {})).digest('base64url');
}

/** `changed` when a partner's version moved on, `unknown` when one could not be read, else `hit`. */
async function compared(links: PartnerLinks, kept: Record<string, string>, authorization: string): Promise<KeptOutcome> {
  const partners = Object.keys(kept);
  const now = await Promise.all(partners.map((partner) => links.currentVersion(partner, authorization)));
  if (now.some((version) => version === undefined)) return 'unknown';
  return partners.every((partner, i) => now[i] === kept[partner]) ? 'hit' : 'changed';
}

/**
 * Whole answers to queries, kept like the partners' answers they are made of
 * (`KeptAnswers`): an answer is kept when every partner's part of it was keepable (aggregates,
 * no error) and it holds no error, under the caller's rights and the operation, with the
 * version of each partner's data it was computed from. The same operation with the same rights
 * gets it again, without planning or executing anything, once every one of those partners
 * confirmed by a probe started after the request arrived that its version is still that one.
 * Runs after the limits, the safelist and the operation's validation; mutations never pass here.
 */
export function wholeAnswersPlugin(
  store: AnswerStore,
  links: PartnerLinks,
  observed: (outcome: KeptOutcome) => void,
): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      let key: string | undefined;
      let reused = false;
      return {
        async responseForOperation({ operation, source, request, contextValue }) {
          const rights = rightsOf(contextValue);
          // No operation when none could be determined (two without a name): the executor refuses it.
          if (operation?.operation !== 'query' || rights === undefined) return null;
          key = keyOf(rights, source, request.operationName, request.variables);
          const kept = await store.get(key).catch(() => undefined);
          const outcome = kept ? await compared(links, JSON.parse(kept.version) as Record<string, string>, `Bearer ${contextValue.internalToken}`) : 'miss';
          observed(outcome);
          if (!kept || outcome !== 'hit') return null;
          reused = true;
          return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data: JSON.parse(kept.text) } } };
        },
        async willSendResponse({ response, contextValue }) {
          const versions = contextValue.partnerVersions;
          if (reused || !key || !versions || versions.size === 0 || response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if ((errors?.length ?? 0) > 0 || !data) return;
          // Only `data`: whatever else an answer carries belongs to its own request.
          store.set(key, { version: JSON.stringify(Object.fromEntries(versions)), text: JSON.stringify(data) }).catch(() => undefined);
        },
      };
    },
  };
}
