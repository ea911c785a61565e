import { GraphQLError } from 'graphql';
import { Directive, Field, ObjectType } from 'type-graphql';
import { LocalDate } from '../graphql/scalars';
import { partnerSpec, type PartnerName } from '../partners';
import { COHORT_DEFINER, CohortMeasure, type CohortKind } from './CohortDefinition';

/** What one recipient may answer on the provider's cohorts. */
@Directive('@shareable')
@ObjectType({ description: 'A recipient of a data-sharing agreement and the measures it may answer.' })
export class AgreementGrant {
  @Field({ description: 'The recipient organisation, e.g. "jobcentre-esbjerg".' })
  recipient!: string;

  @Field(() => [CohortMeasure])
  measures!: CohortMeasure[];
}

/**
 * The terms of a data-sharing agreement as they travel inside the query plan (the foundation
 * resolves them; providers and recipients check them before anything about a person moves).
 */
@Directive('@shareable')
@Directive('@inaccessible')
@ObjectType({ description: 'The terms of a data-sharing agreement, as partners check them.' })
export class AgreementTerms {
  @Field()
  code!: string;

  @Field({ description: 'The organisation whose cohort may cross.' })
  provider!: string;

  @Field(() => [AgreementGrant])
  grants!: AgreementGrant[];

  @Field(() => LocalDate)
  validFrom!: string;

  @Field(() => LocalDate)
  validTo!: string;
}

/** The selection of `agreementTerms` that `@requires` asks for. */
export const AGREEMENT_TERMS_SELECTION = 'agreementTerms { code provider grants { recipient measures } validFrom validTo }';

/** A refusal under the agreement: FORBIDDEN, naming the field, the agreement and what is missing. */
export function agreementRefusal(field: string, agreement: string, missing: string): GraphQLError {
  return new GraphQLError(`Access to ${field} needs ${missing}.`, {
    extensions: { code: 'FORBIDDEN', field, agreement, missing },
  });
}

/**
 * Why an agreement is not in force on `today` ("valid 2017-01-01 to 2019-12-31"), or null when it
 * is. Outside its dates an agreement lets nothing about its cohorts be answered, not even their size.
 */
export function outOfForce(terms: Pick<AgreementTerms, 'validFrom' | 'validTo'>, today: string): string | null {
  return terms.validFrom <= today && today <= terms.validTo ? null : `is valid ${terms.validFrom} to ${terms.validTo}`;
}

/**
 * Why the agreement does not let `kind`'s cohort go from its definer to `recipient` (for
 * `measure`, when given), or null when it does. Both sides run this check on the same terms.
 */
export function agreementGap(
  terms: AgreementTerms | null | undefined,
  kind: CohortKind,
  recipient: PartnerName,
  today: string,
  measure?: CohortMeasure,
): string | null {
  const provider = partnerSpec(COHORT_DEFINER[kind]).organisation;
  const organisation = partnerSpec(recipient).organisation;
  const wanted = `a data-sharing agreement in force today in which ${provider} provides ${kind} cohorts to ${organisation}`;
  if (!terms) return wanted;
  const expired = outOfForce(terms, today);
  if (expired) return `${wanted}; agreement ${terms.code} ${expired}`;
  if (terms.provider !== provider) return `${wanted}; agreement ${terms.code} is provided by ${terms.provider}`;
  const grant = terms.grants.find((candidate) => candidate.recipient === organisation);
  if (!grant) return `${wanted}; agreement ${terms.code} does not name ${organisation}`;
  if (measure && !grant.measures.includes(measure)) {
    return `${wanted}; agreement ${terms.code} does not allow ${organisation} to answer ${measure}`;
  }
  return null;
}
