import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import { Ctx, Directive, FieldResolver, Info, Resolver, Root, type ClassType } from 'type-graphql';
import { Aggregate } from '../auth/access';
import { MeasureUnit } from '../graphql/enums';
import { Measure, countMeasure } from '../graphql/Measure';
import { today } from '../measures/referenceDates';
import { partnerSpec, type PartnerName } from '../partners';
import type { RequestContext } from '../server/context';
import { AGREEMENT_TERMS_SELECTION, agreementGap, agreementRefusal, outOfForce } from './AgreementTerms';
import { COHORT_DEFINER, decodeCohortId, describeCohort, type CohortKind, type CohortMeasure } from './CohortDefinition';
import { RELEASE_SELECTION, cohortEntity, releaseType, type CohortRelease, type CohortRepresentation } from './CohortEntity';
import { writeCohortAudit } from './cohortAudit';
import { MEASURE_FIELD, kindsOf, measuresOf, recipientsOf, releaseField, releaseFieldsTo, sizeField } from './cohortFields';
import { withheldMeasure } from './cohortMeasures';
import { cohortRequest, type CohortPartnerOptions } from './cohortRequest';

type Context = RequestContext<unknown>;

// type-graphql finds a field's resolver by the method's name on the object type, so each
// generated method is named after its field: `answer` thrice on one Cohort would be one field.

/** The agreement's terms as the plan brought them, when they are the terms of the cohort's agreement. */
function termsOf(cohort: CohortRepresentation, agreement: string) {
  return cohort.agreementTerms?.code === agreement ? cohort.agreementTerms : null;
}

/** The definer's release of its cohorts of `kind` to one recipient, and nobody else. */
function releaseResolver(definer: PartnerName, kind: CohortKind, recipient: PartnerName, options: CohortPartnerOptions): ClassType {
  const field = releaseField(kind, recipient);
  const organisation = partnerSpec(recipient).organisation;
  const Release = releaseType(kind);

  @Resolver(() => cohortEntity(definer))
  class ReleaseResolver {
    @Directive('@inaccessible')
    @Directive(`@requires(fields: "${AGREEMENT_TERMS_SELECTION}")`)
    @FieldResolver(() => Release, {
      name: field,
      nullable: true,
      description: `The cohort's members for ${organisation}, only under an agreement in force that names it.`,
    })
    async [field](
      @Root() cohort: CohortRepresentation,
      @Ctx() context: Context,
      @Info() info: GraphQLResolveInfo,
    ): Promise<CohortRelease | null> {
      const spec = decodeCohortId(cohort.id);
      if (spec.kind !== kind || !context.viewer) return null;
      // Refused here without a word: the recipient reports FORBIDDEN from the same terms.
      if (agreementGap(termsOf(cohort, spec.agreement), kind, recipient, today()) !== null) return null;
      const decision = await cohortRequest(context, info, options).decisions.load(cohort.id);
      if (decision.suppression) return { members: null, withheld: decision.suppression };
      await writeCohortAudit(context.db, { viewer: context.viewer, requestId: context.requestId, info }, [
        {
          action: 'RELEASED',
          cohort: describeCohort(spec),
          agreement: spec.agreement,
          counterpart: organisation,
          measures: [],
          persons: decision.members.length,
        },
      ]);
      return { members: decision.members, withheld: null };
    }
  }
  return ReleaseResolver;
}

/** The size of the definer's own cohorts of `kind`, relayed by the foundation. */
function sizeResolver(definer: PartnerName, kind: CohortKind, options: CohortPartnerOptions): ClassType {
  const field = sizeField(kind);

  @Resolver(() => cohortEntity(definer))
  class SizeResolver {
    @Directive('@inaccessible')
    @Directive(`@requires(fields: "${AGREEMENT_TERMS_SELECTION}")`)
    @FieldResolver(() => Measure, { name: field, nullable: true })
    async [field](
      @Root() cohort: CohortRepresentation,
      @Ctx() context: Context,
      @Info() info: GraphQLResolveInfo,
    ): Promise<Measure | null> {
      const spec = decodeCohortId(cohort.id);
      if (spec.kind !== kind) return null;
      // The definer checks the terms itself: it counts its cohort only under its own agreement in force.
      const terms = termsOf(cohort, spec.agreement);
      if (!terms || terms.provider !== partnerSpec(definer).organisation || outOfForce(terms, today())) return null;
      const decision = await cohortRequest(context, info, options).decisions.load(cohort.id);
      return countMeasure({ count: decision.members.length, key: decision.key }, decision.suppression);
    }
  }
  return SizeResolver;
}

function notReleased(field: string, kind: CohortKind): GraphQLError {
  const provider = partnerSpec(COHORT_DEFINER[kind]).organisation;
  return new GraphQLError(`${field} cannot be answered: ${provider} did not release the cohort's members.`, {
    extensions: { code: 'COHORT_NOT_RELEASED', field, provider },
  });
}

/** A recipient's answer to one measure on a cohort: its own, or one released to it under an agreement. */
function measureResolver(partner: PartnerName, measure: CohortMeasure, options: CohortPartnerOptions): ClassType {
  const field = MEASURE_FIELD[measure];
  const coordinate = `Cohort.${field}`;
  const requires = [AGREEMENT_TERMS_SELECTION, ...releaseFieldsTo(partner).map((r) => `${r.field} ${RELEASE_SELECTION}`)];

  @Resolver(() => cohortEntity(partner))
  class MeasureResolver {
    @Aggregate()
    @Directive(`@requires(fields: "${requires.join(' ')}")`)
    @FieldResolver(() => Measure, {
      name: field,
      nullable: true,
      description: `Share of the cohort: ${measure} on its reference date (${partnerSpec(partner).organisation}).`,
    })
    async [field](
      @Root() cohort: CohortRepresentation,
      @Ctx() context: Context,
      @Info() info: GraphQLResolveInfo,
    ): Promise<Measure> {
      const spec = decodeCohortId(cohort.id);
      const request = cohortRequest(context, info, options);
      if (COHORT_DEFINER[spec.kind] === partner) {
        // The partner's own cohort: nothing crosses, no agreement is needed.
        const decision = await request.decisions.load(cohort.id);
        if (decision.suppression) return withheldMeasure(MeasureUnit.SHARE, decision.suppression);
        return request.measures.load({ id: cohort.id, measure, members: decision.members, provider: null });
      }
      const gap = agreementGap(termsOf(cohort, spec.agreement), spec.kind, partner, today(), measure);
      if (gap) throw agreementRefusal(coordinate, spec.agreement, gap);
      const release = cohort[releaseField(spec.kind, partner)] as CohortRelease | null | undefined;
      if (!release) throw notReleased(coordinate, spec.kind);
      if (release.withheld || !release.members) return withheldMeasure(MeasureUnit.SHARE, release.withheld!);
      const provider = partnerSpec(COHORT_DEFINER[spec.kind]).organisation;
      return request.measures.load({ id: cohort.id, measure, members: release.members, provider });
    }
  }
  return MeasureResolver;
}

/**
 * Everything a partner resolves on `Cohort`: as a definer, the releases of its cohorts to each
 * recipient and their sizes; as a recipient, its measures. Append them to the subgraph's
 * resolvers, and `cohortEntity(partner)` to its orphaned types.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's own type
export function cohortResolvers(partner: PartnerName, options: CohortPartnerOptions): Function[] {
  return [
    ...kindsOf(partner).flatMap((kind) => [
      sizeResolver(partner, kind, options),
      ...recipientsOf(kind).map((recipient) => releaseResolver(partner, kind, recipient, options)),
    ]),
    ...measuresOf(partner).map((measure) => measureResolver(partner, measure, options)),
  ];
}
