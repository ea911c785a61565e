import type { JWTPayload } from 'jose';
import { UnauthenticatedError } from './errors';
import { Role, type Viewer } from './Viewer';

const ROLES = new Set<string>(Object.values(Role));

/** Reads the hub's claims from a verified token; the partner comes from whoever vouched for it. */
export function viewerFromClaims(payload: JWTPayload, partner: string): Viewer {
  if (typeof payload.sub !== 'string' || !payload.sub) {
    throw new UnauthenticatedError('The token has no subject ("sub").');
  }
  const roles = payload.roles;
  if (!Array.isArray(roles) || !roles.every((role) => typeof role === 'string')) {
    throw new UnauthenticatedError('The token\'s "roles" claim must be a list of role names.');
  }
  const unknown = roles.filter((role) => !ROLES.has(role));
  if (unknown.length) {
    throw new UnauthenticatedError(`Unknown role(s) ${unknown.join(', ')}; expected ${[...ROLES].join(', ')}.`);
  }
  const purpose = payload.purpose;
  if (purpose !== undefined && (typeof purpose !== 'string' || !purpose.trim())) {
    throw new UnauthenticatedError('The token\'s "purpose" claim must be a non-empty text.');
  }
  return { subject: payload.sub, partner, roles: roles as Role[], purpose: purpose ?? null };
}
