import { PARTNERS, Role, loadOrCreateDevKeys, mintDevToken } from '@hub/core';
import { devKeysDir } from '../devKeys';
import { UsageError } from '../usageError';

export interface TokenOptions {
  role: Role[];
  partner: string;
  purpose?: string;
  subject?: string;
  expires: string;
}

/** `hub token`: prints a development bearer token, as a partner's identity provider would issue it. */
export async function token(options: TokenOptions): Promise<void> {
  const organisations = PARTNERS.map((partner) => partner.organisation);
  if (!organisations.includes(options.partner)) {
    throw new UsageError(`--partner must be one of ${organisations.join(', ')}; got "${options.partner}"`);
  }
  if (options.role.includes(Role.PARTNER_STAFF) && !options.purpose) {
    console.error('note: without --purpose, partner-staff cannot read person-level data');
  }
  const keys = await loadOrCreateDevKeys(devKeysDir());
  console.log(
    await mintDevToken(keys.issuer.privateKeyPem, {
      partner: options.partner,
      roles: options.role,
      purpose: options.purpose,
      subject: options.subject,
      expiresIn: options.expires,
    }),
  );
}
