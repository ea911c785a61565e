import { PARTNER_NAMES, pascalCaseOf, type PartnerName } from '../partners';
import { COHORT_DEFINER, CohortKind, CohortMeasure, MEASURE_ANSWERER } from './CohortDefinition';

const KIND_PREFIX: Record<CohortKind, string> = {
  ESTATE_RESIDENTS: 'estate',
  DISTRICT_RESIDENTS: 'district',
  PROGRAMME_PARTICIPANTS: 'programme',
};

/** The client-visible field of each measure on `Cohort`. */
export const MEASURE_FIELD: Record<CohortMeasure, string> = {
  IN_EDUCATION: 'inEducation',
  IN_WORK: 'inWork',
  ON_BENEFITS: 'onBenefits',
  PART_TIME_JOB: 'partTimeJob',
  CLUB_MEMBER: 'clubMember',
};

/**
 * The `@inaccessible` field through which the definer of `kind` releases a cohort's members to
 * one recipient, e.g. `estateMembersForJobcentre`: one field per recipient, so that a cohort's
 * pseudonyms travel only to partners the agreement names, and the provider's audit says to whom.
 */
export const releaseField = (kind: CohortKind, recipient: PartnerName) => `${KIND_PREFIX[kind]}MembersFor${pascalCaseOf(recipient)}`;

/**
 * The type of the release fields of `kind`, e.g. `EstateCohortRelease`: one type per kind, hence
 * per definer, because a type returned by `@requires` fields must be owned by one subgraph
 * (schema/README.md, "Rules of the contract").
 */
export const releaseTypeName = (kind: CohortKind) => `${pascalCaseOf(KIND_PREFIX[kind])}CohortRelease`;

/** The `@inaccessible` field with the size of a cohort, from its definer, e.g. `estateCohortSize`. */
export const sizeField = (kind: CohortKind) => `${KIND_PREFIX[kind]}CohortSize`;

export const COHORT_KINDS = Object.values(CohortKind);
export const COHORT_MEASURES = Object.values(CohortMeasure);

/** The measures `partner` answers. */
export const measuresOf = (partner: PartnerName) => COHORT_MEASURES.filter((measure) => MEASURE_ANSWERER[measure] === partner);

/** The kinds of cohort `partner` defines. */
export const kindsOf = (partner: PartnerName) => COHORT_KINDS.filter((kind) => COHORT_DEFINER[kind] === partner);

/** The partners a cohort of `kind` may be released to: those answering a measure, but its definer. */
export const recipientsOf = (kind: CohortKind): PartnerName[] =>
  PARTNER_NAMES.filter((partner) => partner !== COHORT_DEFINER[kind] && measuresOf(partner).length > 0);

/** The release fields a recipient receives: from every other definer, to it. */
export const releaseFieldsTo = (recipient: PartnerName) =>
  COHORT_KINDS.filter((kind) => recipientsOf(kind).includes(recipient)).map((kind) => ({ kind, field: releaseField(kind, recipient) }));
