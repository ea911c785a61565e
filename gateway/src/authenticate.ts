import { randomUUID } from 'node:crypto';
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
import type { GatewayContext } from './GatewayContext';

/**
 * Verifies the caller's bearer token before anything is resolved, and prepares the per-request
 * context: a missing, malformed, expired, wrongly signed or wrong-audience token gets 401
 * UNAUTHENTICATED with the reason, and the request goes no further.
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
  return (req, res, next) => {
    const requestId = req.header('x-request-id') ?? randomUUID();
    verify(req.header('authorization')).then(
      async (viewer) => {
        const context: GatewayContext = {
          requestId,
          viewer,
          internalToken: await signInternalToken(viewer, requestId, gatewayKey),
        };
        res.locals.context = context;
        next();
      },
      (error: unknown) => {
        const refusal = error instanceof UnauthenticatedError ? error : new UnauthenticatedError('Not authenticated.');
        res.status(401).json(unauthenticatedBody(refusal));
      },
    );
  };
}
