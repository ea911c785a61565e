import { envPrefixOf, type PartnerBlock } from '@hub/core';

/** The names a partner has in the Docker files, as the five founding partners have them. */
export interface DeployedPartner {
  name: string;
  port: number;
  /** `MUSEUM`: MUSEUM_PORT, MUSEUM_DATABASE_URL, MUSEUM_URL and MUSEUM_DB_PASSWORD. */
  envPrefix: string;
  /** `hub_business_esbjerg`: its PostgreSQL role, and the database the role owns. */
  role: string;
}

export function deployedPartner(block: PartnerBlock): DeployedPartner {
  return {
    name: block.partner,
    port: block.port,
    envPrefix: envPrefixOf(block.partner),
    role: `hub_${block.partner.replace(/-/g, '_')}`,
  };
}

/** The entry of the other partners that the new one goes beside is not in the file. */
export class MissingAnchor extends Error {}

/** A file with the partner added: its whole new text, and what was added, in words. */
export interface Added {
  text: string;
  added: string[];
}
