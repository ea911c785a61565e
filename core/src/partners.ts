/** The hub's first five partner kinds; each runs its own subgraph on its own database. */
export const PARTNER_NAMES = [
  'municipality',
  'housing-association',
  'jobcentre',
  'volunteer-centre',
  'foundation',
] as const;

export type PartnerName = (typeof PARTNER_NAMES)[number];

export interface PartnerSpec {
  name: PartnerName;
  /** Prefix of the partner's environment variables, e.g. `JOBCENTRE_DATABASE_URL`. */
  envPrefix: string;
  defaultPort: number;
  title: string;
  /** The organisation that runs this subgraph and owns its data (its code in the alliance). */
  organisation: string;
}

const TITLES: Record<PartnerName, string> = {
  municipality: 'Esbjerg Municipality, Children & Culture',
  'housing-association': 'Housing association (Ungdomsbo)',
  jobcentre: 'Jobcentre Esbjerg',
  'volunteer-centre': 'Volunteer Centre Vindrosen',
  foundation: 'Lauritzen Foundation (the alliance)',
};

const ORGANISATIONS: Record<PartnerName, string> = {
  municipality: 'esbjerg-municipality',
  'housing-association': 'ungdomsbo',
  jobcentre: 'jobcentre-esbjerg',
  'volunteer-centre': 'vindrosen',
  foundation: 'lauritzen-foundation',
};

export const GATEWAY_DEFAULT_PORT = 4000;

export const PARTNERS: readonly PartnerSpec[] = PARTNER_NAMES.map((name, index) => ({
  name,
  envPrefix: name.toUpperCase().replace(/-/g, '_'),
  defaultPort: GATEWAY_DEFAULT_PORT + 1 + index,
  title: TITLES[name],
  organisation: ORGANISATIONS[name],
}));

export function partnerSpec(name: PartnerName): PartnerSpec {
  const spec = PARTNERS.find((partner) => partner.name === name);
  if (!spec) throw new Error(`Unknown partner "${name}"; expected one of ${PARTNER_NAMES.join(', ')}`);
  return spec;
}
