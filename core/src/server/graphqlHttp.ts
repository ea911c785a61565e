import type express from 'express';

/** GraphQL over HTTP's response media types, in UTF-8, in Apollo's order: the hub's own answers and Apollo's agree. */
const GRAPHQL_MEDIA_TYPES = ['application/json; charset=utf-8', 'application/graphql-response+json; charset=utf-8'];

const requestError = (message: string, code: string) => ({ errors: [{ message, extensions: { code } }] });

/**
 * GraphQL over HTTP, before anything runs: a client that accepts neither GraphQL media type gets
 * 406 and nothing is processed (Apollo alone would execute first, and refuse after). Otherwise the
 * answers the hub gives itself (401, a body that is not JSON) take the type the client prefers;
 * Apollo sets its own. No Accept header: application/json, as Apollo does.
 */
export const negotiateMediaType: express.RequestHandler = (req, res, next) => {
  const type = req.headers.accept === undefined ? 'application/json; charset=utf-8' : req.accepts(GRAPHQL_MEDIA_TYPES);
  if (!type) {
    const message = 'Accept allows neither application/graphql-response+json nor application/json.';
    res.status(406).json(requestError(message, 'BAD_REQUEST'));
    return;
  }
  res.type(type);
  next();
};

/**
 * A body that cannot be read (not JSON, another charset, too large) is a GraphQL error, not an
 * HTML page with a stack trace. Express knows an error handler by its four parameters.
 */
export const requestErrorAsGraphQL: express.ErrorRequestHandler = (
  error: { status?: unknown; expose?: unknown; message?: unknown },
  _req,
  res,
  _next,
) => {
  const status = typeof error.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
  if (status === 500) console.error('Unexpected error before GraphQL', error);
  const message = status < 500 && error.expose === true && typeof error.message === 'string' ? error.message : 'Internal server error';
  res.status(status).json(requestError(message, status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR'));
};
