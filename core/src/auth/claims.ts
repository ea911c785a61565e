import type { JWTPayload } from 'jose';
import { UnauthenticatedError, echoedQuoted } from './errors';
import { Role, type Viewer } from './Viewer';

const ROLES = new Set<string>(Object.values(Role));

/**
 * The longest texts accepted in the claims the hub keeps: each is written into the owners' audit
 * records (and the gateway's token to the partners), so it must be a plain, bounded text.
 */
export const MAX_CLAIM_LENGTH = { sub: 256, purpose: 500 } as const;

/** C0 and C1 control characters: NUL cannot be stored in PostgreSQL text, the others forge log lines. */
const CONTROL_CHARACTER = /\p{Cc}/u;

const codePoint = (character: string) => `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Refuses a claim the audit trail could not hold or a log could misread: too long, or with control characters. */
function plainText(claim: keyof typeof MAX_CLAIM_LENGTH, value: string): string {
  const max = MAX_CLAIM_LENGTH[claim];
  if (value.length > max) {
    throw new UnauthenticatedError(`The token's "${claim}" claim is ${value.length} characters long; at most ${max} are accepted.`);
  }
  const control = CONTROL_CHARACTER.exec(value);
  if (control) {
    throw new UnauthenticatedError(
      `The token's "${claim}" claim holds a control character (${codePoint(control[0])}); it must be plain text on one line.`,
    );
  }
  return value;
}

function rolesOf(payload: JWTPayload): Role[] {
  const roles = payload.roles;
  if (!Array.isArray(roles) || !roles.every((role) => typeof role === 'string')) {
    throw new UnauthenticatedError('The token\'s "roles" claim must be a list of role names.');
  }
  const unknown = roles.filter((role) => !ROLES.has(role));
  if (unknown.length) {
    const named = unknown.slice(0, 3).map(echoedQuoted).join(', ') + (unknown.length > 3 ? ` and ${unknown.length - 3} more` : '');
    throw new UnauthenticatedError(`Unknown role(s) ${named}; expected ${[...ROLES].join(', ')}.`);
  }
  return roles as Role[];
}

/** Reads the hub's claims from a verified token; the partner comes from whoever vouched for it. */
export function viewerFromClaims(payload: JWTPayload, partner: string): Viewer {
  if (typeof payload.sub !== 'string' || !payload.sub) {
    throw new UnauthenticatedError('The token has no subject ("sub").');
  }
  const roles = rolesOf(payload);
  const purpose = payload.purpose;
  if (purpose !== undefined && (typeof purpose !== 'string' || !purpose.trim())) {
    throw new UnauthenticatedError('The token\'s "purpose" claim must be a non-empty text.');
  }
  return {
    subject: plainText('sub', payload.sub),
    partner,
    roles,
    purpose: purpose === undefined ? null : plainText('purpose', purpose),
  };
}
