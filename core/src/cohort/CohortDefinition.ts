import { GraphQLError } from 'graphql';
import { registerEnumType } from 'type-graphql';
import { AgeBand } from '../graphql/enums';
import type { PartnerName } from '../partners';

/** The predefined kinds of cohort, each defined by one partner's own facts. */
export enum CohortKind {
  /** Persons with a running tenancy in one estate (housing association). */
  ESTATE_RESIDENTS = 'ESTATE_RESIDENTS',
  /** Persons in the municipality's register living in one district, or in the whole municipality. */
  DISTRICT_RESIDENTS = 'DISTRICT_RESIDENTS',
  /** Persons the jobcentre has placed through one initiative (the part-time job programme). */
  PROGRAMME_PARTICIPANTS = 'PROGRAMME_PARTICIPANTS',
}

/** The measures partners answer on another partner's cohort, each by exactly one partner. */
export enum CohortMeasure {
  IN_EDUCATION = 'IN_EDUCATION',
  IN_WORK = 'IN_WORK',
  ON_BENEFITS = 'ON_BENEFITS',
  PART_TIME_JOB = 'PART_TIME_JOB',
  CLUB_MEMBER = 'CLUB_MEMBER',
}

registerEnumType(CohortKind, {
  name: 'CohortKind',
  description: 'Predefined kinds of cohort; each is defined by one partner\'s own records.',
  valuesConfig: {
    ESTATE_RESIDENTS: { description: 'Residents of an estate (housing association: running tenancies).' },
    DISTRICT_RESIDENTS: { description: 'Residents of a district or the municipality (municipality: register).' },
    PROGRAMME_PARTICIPANTS: { description: 'Young people placed through an initiative (jobcentre: placements).' },
  },
});
registerEnumType(CohortMeasure, {
  name: 'CohortMeasure',
  description: 'A measure a partner may answer on another partner\'s cohort under a data-sharing agreement.',
});

/** The partner whose facts define each kind of cohort: the provider of its members. */
export const COHORT_DEFINER: Record<CohortKind, PartnerName> = {
  ESTATE_RESIDENTS: 'housing-association',
  DISTRICT_RESIDENTS: 'municipality',
  PROGRAMME_PARTICIPANTS: 'jobcentre',
};

/** The partner that answers each measure from its own records. */
export const MEASURE_ANSWERER: Record<CohortMeasure, PartnerName> = {
  IN_EDUCATION: 'municipality',
  IN_WORK: 'jobcentre',
  ON_BENEFITS: 'jobcentre',
  PART_TIME_JOB: 'jobcentre',
  CLUB_MEMBER: 'volunteer-centre',
};

/** A validated cohort definition and the agreement it is asked under. */
export interface CohortSpec {
  kind: CohortKind;
  /** Estate code (ESTATE_RESIDENTS), district or municipality code (DISTRICT_RESIDENTS), else null. */
  area: string | null;
  /** Initiative code (PROGRAMME_PARTICIPANTS), else null. */
  programme: string | null;
  ageBand: AgeBand;
  /** A reference date (see `isReferenceDate`): members and measures are taken on this day. */
  asOf: string;
  /** The data-sharing agreement's code. */
  agreement: string;
}

const ID_PREFIX = 'cohort:';

/** The cohort's opaque id: its definition and agreement, so every partner reads the same cohort. */
export function encodeCohortId(spec: CohortSpec): string {
  const { kind, area, programme, ageBand, asOf, agreement } = spec;
  const json = JSON.stringify({ kind, area, programme, ageBand, asOf, agreement });
  return ID_PREFIX + Buffer.from(json, 'utf8').toString('base64url');
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const isTextOrNull = (value: unknown) => value === null || isText(value);

/** Reads a cohort id; throws BAD_USER_INPUT for anything the foundation did not make. */
export function decodeCohortId(id: unknown): CohortSpec {
  let spec: Record<string, unknown> | null = null;
  if (typeof id === 'string' && id.startsWith(ID_PREFIX)) {
    try {
      spec = JSON.parse(Buffer.from(id.slice(ID_PREFIX.length), 'base64url').toString('utf8')) as Record<string, unknown>;
    } catch {
      spec = null;
    }
  }
  const valid =
    spec !== null &&
    Object.values(CohortKind).includes(spec.kind as CohortKind) &&
    isTextOrNull(spec.area) &&
    isTextOrNull(spec.programme) &&
    Object.values(AgeBand).includes(spec.ageBand as AgeBand) &&
    isText(spec.asOf) &&
    isReferenceDate(spec.asOf) &&
    isText(spec.agreement);
  if (!valid) {
    throw new GraphQLError('Not a cohort id the hub gave out.', { extensions: { code: 'BAD_USER_INPUT', argument: 'id' } });
  }
  return spec as unknown as CohortSpec;
}

/** A short, pseudonym-free description of a cohort definition for audit records. */
export function describeCohort(spec: CohortSpec): string {
  const where = spec.kind === CohortKind.PROGRAMME_PARTICIPANTS ? `programme=${spec.programme}` : `area=${spec.area}`;
  return `${spec.kind} ${where} ageBand=${spec.ageBand} asOf=${spec.asOf}`;
}

/**
 * Cohorts are taken on reference dates only, 1 January of each year from the alliance's baseline,
 * as register-based follow-up is: two cohorts on close days would differ by the few who moved in
 * between, and a year of everyone's changes drowns that difference.
 */
export const FIRST_REFERENCE_DATE = '2017-01-01';

export function isReferenceDate(day: string): boolean {
  return /^\d{4}-01-01$/.test(day) && day >= FIRST_REFERENCE_DATE;
}

/** The latest reference date on or before `day` (YYYY-MM-DD). */
export function latestReferenceDate(day: string): string {
  return `${day.slice(0, 4)}-01-01`;
}
