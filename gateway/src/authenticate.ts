import {
  DEV_ISSUER_PREFIX,
  UnauthenticatedError,
  createCallerVerifier,
  importPrivateKey,
  signInternalToken,
  unauthenticatedBody,
  type TrustedIssuer,
} from '@hub/core';
import type { RequestHandler } from 'express';
import { cachedVouching } from './callerCache';
import type { GatewayContext, RequestRecord } from './GatewayContext';

/**
 * Verifies the caller's bearer token before anything is resolved, and prepares the per-request
 * context: a missing, malformed, expired, wrongly signed or wrong-audience token gets 401
 * UNAUTHENTICATED with the reason and the request id, and the request goes no further. Runs after
 * `observeRequests`, which gives the request its record and id.
 */
export async function authenticate(
  trustedIssuers: readonly TrustedIssuer[],
  gatewayPrivateKeyPem: string,
): Promise<RequestHandler> {
  if (process.env.NODE_ENV === 'production' && trustedIssuers.some((i) => i.issuer.startsWith(DEV_ISSUER_PREFIX))) {
    throw new Error('A production gateway must not trust the development issuers (hub-dev:*).');
  }
  const verify = await createCallerVerifier(trustedIssuers);
  const gatewayKey = await importPrivateKey(gatewayPrivateKeyPem);
  const vouch = cachedVouching(async (authorization) => {
    const viewer = await verify(authorization);
    return { viewer, internalToken: await signInternalToken(viewer, gatewayKey) };
  });
  return (req, res, next) => {
    const record = res.locals.record as RequestRecord;
    vouch(req.header('authorization')).then(
      ({ viewer, internalToken }) => {
        const context: GatewayContext = { requestId: record.requestId, viewer, internalToken, record, partnerVersions: new Map() };
        res.locals.context = context;
        next();
      },
      (error: unknown) => {
        const refusal = error instanceof UnauthenticatedError ? error : new UnauthenticatedError('Not authenticated.');
        const body = unauthenticatedBody(refusal);
        for (const bodyError of body.errors) Object.assign(bodyError.extensions, { requestId: record.requestId });
        res.status(401).json(body);
      },
    );
  };
}
