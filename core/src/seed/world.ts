/**
 * The synthetic alliance that seeds every subgraph. One deterministic world is generated from a
 * fixed seed; each partner's `seed/` folder writes only its own slice of it, and persons line up
 * across partners because every slice uses the same pseudonyms.
 *
 * Dates are ISO `YYYY-MM-DD` strings. A spell covers `startedOn` through `endedOn` inclusive;
 * `endedOn: null` means still running at the extract date.
 */

export type AreaKind = 'MUNICIPALITY' | 'DISTRICT' | 'ESTATE';
export type LineOfActionCode = 'HEALTH' | 'CULTURE_LEISURE' | 'LEARNING' | 'JOB';
export type PartnerKind =
  | 'MUNICIPALITY'
  | 'HOUSING_ASSOCIATION'
  | 'JOBCENTRE'
  | 'VOLUNTEER_CENTRE'
  | 'FOUNDATION'
  | 'SCHOOL'
  | 'DAY_CARE'
  | 'BUSINESS'
  | 'MUSEUM'
  | 'ASSOCIATION';
export type GovernanceRole = 'PARTNER_GROUP' | 'STEERING_GROUP' | 'ACTIVITY_PARTNER';
export type YouthStatus = 'EDUCATION' | 'WORK' | 'NEITHER';
export type EmploymentKind = 'PART_TIME_JOB' | 'FULL_TIME_JOB';
export type BenefitKind = 'CASH_BENEFIT' | 'EDUCATION_BENEFIT' | 'UNEMPLOYMENT_BENEFIT';
/** Fixed age bands: aggregates are only ever asked along these (disclosure control needs it). */
export type AgeBandCode =
  | 'AGE_0_5'
  | 'AGE_6_14'
  | 'AGE_15_17'
  | 'AGE_18_24'
  | 'AGE_25_29'
  | 'AGE_15_24'
  | 'AGE_18_29'
  | 'AGE_0_24';

export interface WorldOptions {
  /** Number of persons in the municipality's register extract (default 10,000). */
  persons: number;
  /** Seed of the random generator; the same seed and options give the same world. */
  seed: string;
  /** Extract date: facts run from 2017-01-01 up to this date. */
  until: string;
  /** The alliance's secret linkage key: pseudonym = HMAC-SHA-256(nationalId, key), hex. */
  linkageKey: string;
}

export interface AreaRecord {
  code: string;
  name: string;
  kind: AreaKind;
  parentCode: string | null;
}

/** Where a person lives; every partner that holds the person keeps these codes with its record. */
export interface Residence {
  municipalityCode: string;
  districtCode: string;
  estateCode: string | null;
}

export interface PersonRecord extends Residence {
  pseudonym: string;
  birthYear: number;
}

export interface Spell<K extends string> {
  pseudonym: string;
  kind: K;
  startedOn: string;
  endedOn: string | null;
}

export interface SchoolRecord {
  code: string;
  name: string;
  districtCode: string;
}

/** Aggregate result of the yearly national well-being survey, per school and school year. */
export interface WellBeingRecord {
  schoolCode: string;
  /** The calendar year in which the school year starts (2017 means 2017/18). */
  schoolYear: number;
  respondents: number;
  /** Mean score on the survey's 1-5 scale. */
  meanScore: number;
}

export interface DepartmentRecord {
  code: string;
  estateCode: string;
  name: string;
  units: number;
}

export interface TenancyRecord extends PersonRecord {
  departmentCode: string;
  unitNumber: number;
  movedInOn: string;
  movedOutOn: string | null;
}

export interface SafetySurveyRecord {
  estateCode: string;
  year: number;
  respondents: number;
  /** Share of respondents who feel safe in the estate, 0-1. */
  feelSafeShare: number;
}

export interface PlacementRecord {
  pseudonym: string;
  initiativeCode: string;
  employerName: string;
  placedOn: string;
}

export interface ClubRecord {
  code: string;
  name: string;
  activity: string;
  lineOfAction: LineOfActionCode;
  districtCode: string;
}

export interface MembershipRecord extends PersonRecord {
  clubCode: string;
  startedOn: string;
  endedOn: string | null;
}

export interface PartnerRecord {
  code: string;
  name: string;
  kind: PartnerKind;
  governanceRole: GovernanceRole;
  joinedOn: string;
}

export interface LineOfActionRecord {
  code: LineOfActionCode;
  name: string;
  description: string;
}

export interface InitiativeRecord {
  code: string;
  name: string;
  description: string;
  lineOfAction: LineOfActionCode;
  ageBand: AgeBandCode;
  areaCode: string;
  startedOn: string;
  endedOn: string | null;
  /** Partner codes; the first is the lead partner. */
  partnerCodes: string[];
}

export interface GrantRecord {
  code: string;
  initiativeCode: string;
  grantorCode: string;
  amountDkk: number;
  awardedOn: string;
}

export interface World {
  options: WorldOptions;
  areas: AreaRecord[];
  /** The municipality's register extract: every person, all ages 0-34 at the extract date. */
  persons: PersonRecord[];
  municipality: {
    /** Youth guidance register, ages 15-24: one status at a time per person. */
    youthStatus: Spell<YouthStatus>[];
    schools: SchoolRecord[];
    wellBeing: WellBeingRecord[];
  };
  housingAssociation: {
    departments: DepartmentRecord[];
    tenancies: TenancyRecord[];
    safetySurveys: SafetySurveyRecord[];
  };
  jobcentre: {
    employment: Spell<EmploymentKind>[];
    benefits: Spell<BenefitKind>[];
    placements: PlacementRecord[];
  };
  volunteerCentre: {
    clubs: ClubRecord[];
    memberships: MembershipRecord[];
  };
  foundation: {
    partners: PartnerRecord[];
    linesOfAction: LineOfActionRecord[];
    initiatives: InitiativeRecord[];
    grants: GrantRecord[];
  };
}
