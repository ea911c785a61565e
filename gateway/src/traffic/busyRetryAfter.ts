import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { BUSY_RETRY_AFTER_SECONDS, PartnerErrorCode } from './PartnerFailure';

/**
 * An answer missing a partner's part because the gateway's line to that partner was full carries
 * `Retry-After`, as a refusal by the gateway's own admission does: the partner is up, and the
 * client should come back shortly rather than treat the part as lost. The status stays 200 when
 * the other partners answered.
 */
export function busyRetryAfterPlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors ?? [];
          if (errors.some((error) => error.extensions?.code === PartnerErrorCode.BUSY)) {
            response.http.headers.set('retry-after', String(BUSY_RETRY_AFTER_SECONDS));
          }
        },
      };
    },
  };
}
