import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import type { DataSource } from 'typeorm';
import { Role, type Viewer } from '../auth/Viewer';
import type { AuditTrail } from './AuditTrail';

/** What the audit plugin needs of a subgraph's request context. */
export interface AuditedContext {
  /** The request's trail; requests without one are not audited. */
  audit?: AuditTrail | null;
  viewer: Viewer | null;
  requestId: string;
  db: DataSource;
}

export interface AuditPluginOptions {
  /** The role written to the record; by default the role that grants person-level reads. */
  roleOf?: (viewer: Viewer) => string;
}

/** partner-staff when the caller has it (only it reads person-level data), else every role. */
export function auditRole(viewer: Viewer): string {
  return viewer.roles.includes(Role.PARTNER_STAFF) ? Role.PARTNER_STAFF : viewer.roles.join(',');
}

/** The whole answer when the audit trail could not be written: no data, one error. */
export const AUDIT_FAILED_MESSAGE =
  'Internal server error: the read could not be recorded in the audit trail, so it is not answered.';

/**
 * The caller's own operation name: the gateway names each subgraph fetch
 * `<operation>__<subgraph>__<n>`, and the log should say what the caller asked.
 */
export function clientOperationName(name: string | null | undefined): string | null {
  return name ? name.replace(/__[a-z0-9_-]+__\d+$/, '') : null;
}

/**
 * Writes each request's audit trail before its response leaves. Apollo Server awaits
 * `willSendResponse` before it serialises the body, so the write completes first; when it fails
 * the plugin replaces the body with a single INTERNAL_SERVER_ERROR and no `data` (HTTP 500):
 * an audited read that is not logged is not answered.
 */
export function auditPlugin<TContext extends AuditedContext>(
  options: AuditPluginOptions = {},
): ApolloServerPlugin<TContext> {
  const roleOf = options.roleOf ?? auditRole;
  return {
    async requestDidStart() {
      return {
        async willSendResponse(requestContext) {
          const { audit, viewer, db, requestId } = requestContext.contextValue;
          if (!audit) return;
          try {
            if (!viewer) {
              if (audit.isEmpty) return;
              throw new Error('person-level data was read by a caller nobody verified');
            }
            await audit.flush(db, {
              viewer,
              role: roleOf(viewer),
              operationName: clientOperationName(requestContext.operationName),
              requestId,
            });
          } catch (error) {
            requestContext.logger.error(`Audit trail not written for request ${requestId}: ${String(error)}`);
            refuse(requestContext);
          }
        },
      };
    },
  };
}

function refuse<TContext extends AuditedContext>(requestContext: GraphQLRequestContextWillSendResponse<TContext>): void {
  requestContext.response.body = {
    kind: 'single',
    singleResult: { errors: [{ message: AUDIT_FAILED_MESSAGE, extensions: { code: 'INTERNAL_SERVER_ERROR' } }] },
  };
  requestContext.response.http.status = 500;
}
