import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type express from 'express';
import { printSchema, type GraphQLSchema } from 'graphql';
import type pino from 'pino';
import type { DataSource } from 'typeorm';
import { readDataVersion } from '../db/dataVersion';
import { recordKeyParams } from '../disclosure/recordKey';
import { today } from '../measures/referenceDates';
import { observedRequest } from '../observability/observeRequests';

/**
 * The response header by which a subgraph tells the gateway that its answer may be given to
 * other callers with the same rights who asked the very same fetch: the answer holds aggregates
 * only, nothing was read about a person and nothing was written to an audit trail, so a second
 * caller given it loses neither privacy nor a record of its look.
 */
export const SHAREABLE_HEADER = 'x-hub-shareable';

/**
 * The response header with what a shareable answer was computed from (`answerVersionTag`); the
 * gateway keeps the answer until `GET /data-version` names another.
 */
export const DATA_VERSION_HEADER = 'x-hub-data-version';

/**
 * Everything a shareable answer depends on besides the query and the caller's rights: the
 * version of the partner's data, the code that computed it (`release`) and the day (a left-out
 * reference date means the latest month end before today).
 */
export function answerVersionTag(dataVersion: string, release: string, day = today()): string {
  return `${dataVersion}.${release}@${day}`;
}

/**
 * What identifies the code behind a partner's answers: its schema, the alliance's record keys
 * (perturbation changes with them) and HUB_RELEASE, which a deployment sets when it changes how
 * a figure is computed without changing the schema (the image's tag, say). A digest: nothing of
 * the secret can be read from it.
 */
export function releaseOf(schema: GraphQLSchema, env: NodeJS.ProcessEnv = process.env): string {
  const digest = createHash('sha256').update(printSchema(schema)).update('\0').update(env.HUB_RELEASE ?? '');
  for (const pad of recordKeyParams()) digest.update('\0').update(pad);
  return digest.digest('hex').slice(0, 16);
}

/**
 * Marks the request being served as person-level (a person's data read, or a cohort's crossing
 * recorded): its answer is for its caller alone, and the caller's look is in the partner's log.
 */
export function notePersonalRead(): void {
  const request = observedRequest();
  if (request) request.personal = true;
}

/**
 * Reads the data's version before a query runs (every versioned measure of the request then
 * uses that one read) and sets SHAREABLE_HEADER, with DATA_VERSION_HEADER, on the answer to a
 * query that read nothing person-level (every note in an audit trail calls `notePersonalRead`).
 * Anything unsure (no observed request, a mutation, no version) leaves a header off: an answer
 * without SHAREABLE_HEADER is never shared, one without a version never kept.
 */
export function shareablePlugin<TContext extends object>(db: DataSource, release: string): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      let tag: string | undefined;
      return {
        async didResolveOperation({ operation }) {
          const request = observedRequest();
          if (!request || operation?.operation !== 'query') return;
          const day = today();
          // Awaited before any resolver reads: a write after this read can only make the answer
          // newer than its tag, never older, and the next probe names the newer version.
          request.dataVersion = readDataVersion(db);
          tag = await request.dataVersion.then(
            (version) => answerVersionTag(version, release, day),
            () => (request.dataVersion = undefined),
          );
        },
        async willSendResponse({ operation, response }) {
          const shareable = observedRequest()?.personal === false && operation?.operation === 'query';
          if (!shareable) return;
          response.http.headers.set(SHAREABLE_HEADER, 'true');
          if (tag) response.http.headers.set(DATA_VERSION_HEADER, tag);
        },
      };
    },
  };
}

/** Where the gateway asks a partner which version its answers would have now. */
export const DATA_VERSION_PATH = '/data-version';

/**
 * `GET /data-version`: `{ "version": answerVersionTag }` as a query starting now would be tagged,
 * so the gateway can tell whether an answer it keeps is still the one it would get (one single-row
 * read; 503 when the database does not answer).
 */
export function dataVersionEndpoint(db: DataSource, release: string, logger: pino.Logger): express.RequestHandler {
  return (_req, res) => {
    const day = today();
    readDataVersion(db).then(
      (version) => res.set('cache-control', 'no-store').json({ version: answerVersionTag(version, release, day) }),
      (error: unknown) => {
        logger.warn({ err: error }, 'the data version could not be read');
        res.status(503).json({ error: 'the partner database did not answer' });
      },
    );
  };
}
