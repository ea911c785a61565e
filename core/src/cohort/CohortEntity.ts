import { Directive, Field, ID, ObjectType, type ClassType } from 'type-graphql';
import { SuppressionReason } from '../disclosure/rules';
import type { PartnerName } from '../partners';
import { AgreementTerms } from './AgreementTerms';
import type { CohortKind } from './CohortDefinition';
import { releaseFieldsTo, releaseTypeName } from './cohortFields';

/**
 * A cohort's members as its definer releases them to one recipient, inside the query plan only:
 * the pseudonyms, or none with the reason disclosure control withheld them. Each kind of cohort
 * has its own type (`releaseType`); this class holds their common fields.
 */
@ObjectType()
export abstract class CohortRelease {
  @Field(() => [String], { nullable: true })
  members!: string[] | null;

  @Field(() => SuppressionReason, { nullable: true })
  withheld!: SuppressionReason | null;
}

const releaseTypes = new Map<CohortKind, ClassType<CohortRelease>>();

/**
 * The type of the releases of `kind`, e.g. `EstateCohortRelease`, returned only by its definer's
 * `@requires` fields: a type of its own so that one subgraph owns it (Hive Gateway refuses a
 * type that several subgraphs return only from `@requires` fields). The recipients declare it
 * with their `@external` release fields.
 */
export function releaseType(kind: CohortKind): ClassType<CohortRelease> {
  const existing = releaseTypes.get(kind);
  if (existing) return existing;
  // @shareable: the consumers define it too, for their @external fields (composition requires it).
  @Directive('@shareable')
  @Directive('@inaccessible')
  @ObjectType(releaseTypeName(kind), {
    description: `Members of a cohort of kind ${kind}, released by its definer to one recipient (inside the federation only).`,
  })
  class KindRelease extends CohortRelease {}
  releaseTypes.set(kind, KindRelease);
  return KindRelease;
}

/** The selection of a release field that `@requires` asks for. */
export const RELEASE_SELECTION = '{ members withheld }';

/** A `Cohort` as a partner other than the foundation sees it: the key and what the plan brings. */
export interface CohortRepresentation {
  id: string;
  agreementTerms?: AgreementTerms | null;
  [releaseField: string]: unknown;
}

const created = new Map<PartnerName, ClassType>();

/**
 * The `Cohort` entity in a partner's subgraph: its key, and as `@external` fields the agreement's
 * terms and the releases other definers make to this partner, which the fields it resolves
 * consume with `@requires`. One class per partner, since each receives different releases.
 */
export function cohortEntity(partner: PartnerName): ClassType {
  const existing = created.get(partner);
  if (existing) return existing;
  class Cohort {
    id!: string;
  }
  const external = (name: string, type: () => ClassType) => {
    Field(type, { name, nullable: true })(Cohort.prototype, name);
    Directive('@external')(Cohort.prototype, name);
  };
  Field(() => ID)(Cohort.prototype, 'id');
  external('agreementTerms', () => AgreementTerms);
  for (const { kind, field } of releaseFieldsTo(partner)) {
    const type = releaseType(kind);
    external(field, () => type);
  }
  Directive('@key(fields: "id")')(Cohort);
  ObjectType('Cohort')(Cohort);
  created.set(partner, Cohort);
  return Cohort;
}
