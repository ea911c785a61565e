import type { ApolloServerPlugin, PersistedQueryOptions } from '@apollo/server';
import type express from 'express';
import { GraphQLError, stripIgnoredCharacters, type OperationDefinitionNode } from 'graphql';
import { apolloClientForm } from './apolloClientForm';
import type { PersistedQueryManifest } from './manifest';

/** `HUB_SAFELIST`: `enforce` runs registered operations only; unset or `off` runs any. */
export type SafelistMode = 'off' | 'enforce';

export function safelistModeFromEnv(env: NodeJS.ProcessEnv = process.env): SafelistMode {
  const value = env.HUB_SAFELIST?.trim() || 'off';
  if (value !== 'off' && value !== 'enforce') throw new Error(`HUB_SAFELIST must be "enforce" or "off", got "${value}"`);
  return value;
}

type OperationCache = NonNullable<PersistedQueryOptions['cache']>;

const isIntrospectionOnly = (operation: OperationDefinitionNode) =>
  operation.selectionSet.selections.every((selection) => selection.kind === 'Field' && selection.name.value.startsWith('__'));

/** The registered operations, each also in Apollo Client's form: found by id, and recognised when sent as text. */
export class Safelist {
  private readonly bodies: Map<string, string>;
  private readonly compact: Set<string>;

  constructor(
    manifest: PersistedQueryManifest,
    readonly mode: SafelistMode,
  ) {
    const forms = manifest.operations.flatMap((operation) => [operation, apolloClientForm(operation)]);
    this.bodies = new Map(forms.map((operation) => [operation.id, operation.body]));
    this.compact = new Set(forms.map((operation) => stripIgnoredCharacters(operation.body)));
  }

  /**
   * Apollo Server's persisted-query store, answered from the list: a client sends only the id
   * (`extensions.persistedQuery.sha256Hash`), and nothing a client sends is ever added to it.
   */
  readonly store: OperationCache = {
    get: async (key) => this.bodies.get(key.replace(/^apq:/, '')),
    set: async () => undefined,
    delete: async () => false,
  };

  /** Sent as text: the registered text itself (same hash), or the same tokens laid out differently. */
  allows(queryHash: string, source: string): boolean {
    return this.bodies.has(queryHash) || this.compact.has(stripIgnoredCharacters(source));
  }

  /**
   * With `enforce`, refuses an unregistered operation after it is parsed and validated and before
   * anything runs (400, OPERATION_NOT_SAFELISTED). Introspection stays open: the schema is no
   * secret to a verified caller, and the sandbox needs it.
   */
  plugin<TContext extends object>(): ApolloServerPlugin<TContext> {
    return {
      requestDidStart: async () => ({
        didResolveOperation: async ({ queryHash, source, operation }) => {
          if (this.allows(queryHash, source) || (operation && isIntrospectionOnly(operation))) return;
          throw new GraphQLError(
            'This operation is not in the hub\'s list of registered operations (HUB_SAFELIST=enforce): ' +
              'register it in schema/operations/ and send it by id or as registered.',
            { extensions: { code: 'OPERATION_NOT_SAFELISTED', http: { status: 400 } } },
          );
        },
      }),
    };
  }
}

/**
 * GraphQL over HTTP's persisted documents send `documentId` (optionally `sha256:<hex>`) instead of
 * `query`; Apollo Server knows only `extensions.persistedQuery`, so the id is moved there.
 */
export const documentIdAsPersistedQuery: express.RequestHandler = (req, _res, next) => {
  const body = req.body as { documentId?: unknown; query?: unknown; extensions?: Record<string, unknown> } | undefined;
  if (typeof body?.documentId === 'string' && body.query === undefined) {
    const sha256Hash = body.documentId.replace(/^sha256:/, '');
    body.extensions = { ...body.extensions, persistedQuery: { version: 1, sha256Hash } };
    delete body.documentId;
  }
  next();
};
