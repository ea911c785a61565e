import type express from 'express';
import { LimitCode } from './LimitExceededError';

/** Largest request body the gateway reads; the flagship query is about 1 kB. */
export const DEFAULT_BODY_LIMIT = '1mb';

/**
 * `express.json`'s refusal of a body over the limit, as a GraphQL error (413, PAYLOAD_TOO_LARGE)
 * carrying the request id; other errors go on to the generic handler.
 */
export function bodyTooLarge(limit: string): express.ErrorRequestHandler {
  return (error: { type?: unknown }, _req, res, next) => {
    if (error?.type !== 'entity.too.large') {
      next(error);
      return;
    }
    const extensions = { code: LimitCode.BODY, max: limit, requestId: res.locals.requestId as string | undefined };
    res.status(413).json({ errors: [{ message: `The request body is larger than the limit of ${limit}.`, extensions }] });
  };
}
