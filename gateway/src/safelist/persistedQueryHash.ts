import type express from 'express';
import { sha256 } from './manifest';

/** The code of a persisted query sent with a text whose SHA-256 is not the hash beside it. */
export const PERSISTED_QUERY_HASH_MISMATCH = 'PERSISTED_QUERY_HASH_MISMATCH';

/**
 * A query sent with `extensions.persistedQuery.sha256Hash` must be the text of that hash. Apollo
 * Server refuses a mismatch with a code-less error that reads as INTERNAL_SERVER_ERROR; the
 * gateway refuses it first, 400, with a code of its own, and the request goes no further.
 */
export const persistedQueryHashMatches: express.RequestHandler = (req, res, next) => {
  const body = req.body as { query?: unknown; extensions?: { persistedQuery?: { sha256Hash?: unknown } } } | undefined;
  const hash = body?.extensions?.persistedQuery?.sha256Hash;
  if (typeof body?.query !== 'string' || typeof hash !== 'string' || sha256(body.query) === hash) {
    next();
    return;
  }
  const extensions = { code: PERSISTED_QUERY_HASH_MISMATCH, requestId: res.locals.requestId as string | undefined };
  const message = 'extensions.persistedQuery.sha256Hash is not the SHA-256 of the query sent with it.';
  res.status(400).json({ errors: [{ message, extensions }] });
};
