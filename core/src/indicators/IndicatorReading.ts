import { Directive, Field, ID, ObjectType, type ClassType } from 'type-graphql';
import { auditFieldPrefix } from '../audit/createAuditResolver';
import { MEASURE_SELECTION, Measure } from '../graphql/Measure';
import { PARTNERS, partnerSpec, pascalCaseOf, type PartnerName } from '../partners';

/**
 * An indicator's value read live from the partner that owns its measure, in the indicator's area
 * and in its comparison area. It travels only inside the federation (from the owner's subgraph to
 * the foundation's, through the query plan), hence `@inaccessible`; what leaves are the owner's
 * measures, already disclosure-controlled. Each owner has its own type (`indicatorReadingType`);
 * this class holds their common fields.
 */
@ObjectType()
export abstract class IndicatorReading {
  @Field(() => ID, { description: 'The indicator read, so that a list of readings needs no other key.' })
  indicatorId!: string;

  @Field(() => Measure, { nullable: true })
  area!: Measure | null;

  @Field(() => Measure, { nullable: true, description: 'Null when the indicator has no comparison area.' })
  comparison!: Measure | null;
}

const readingTypes = new Map<PartnerName, ClassType<IndicatorReading>>();

/**
 * The type of an owner's readings, e.g. `MunicipalityIndicatorReading`, returned only by the
 * owner's `@requires` fields: a type of its own so that one subgraph owns it (Hive Gateway
 * refuses a type that several subgraphs return only from `@requires` fields). The foundation
 * declares it with its `@external` reading fields.
 */
export function indicatorReadingType(partner: PartnerName): ClassType<IndicatorReading> {
  const existing = readingTypes.get(partner);
  if (existing) return existing;
  // @shareable: the consumers define it too, for their @external fields (composition requires it).
  @Directive('@shareable')
  @Directive('@inaccessible')
  @ObjectType(`${pascalCaseOf(partner)}IndicatorReading`, {
    description: `An indicator measure read from ${partnerSpec(partner).organisation}, in the area and the comparison area.`,
  })
  class OwnerReading extends IndicatorReading {}
  readingTypes.set(partner, OwnerReading);
  return OwnerReading;
}

/**
 * The partners whose subgraphs answer indicator readings (each registers
 * `createIndicatorReadings` in its server.ts). An indicator may only be owned by one of them: the
 * foundation asks every one of them, and only the owner answers.
 */
export const INDICATOR_OWNERS: readonly PartnerName[] = ['municipality', 'jobcentre', 'volunteer-centre'];

/** `volunteer-centre` → `volunteerCentreReading`: the field a partner adds to indicators. */
export function readingField(partner: PartnerName): string {
  return `${auditFieldPrefix(partner)}Reading`;
}

/** The definition fields an owner needs to read an indicator (the foundation provides them). */
export const INDICATOR_DEFINITION_FIELDS = 'ownerCode measure ageBand areaCode comparisonAreaCode';

/** Every owner's reading, as a field set for the foundation's `@requires`. */
export const OWNER_READINGS = INDICATOR_OWNERS.map(
  (partner) => `${readingField(partner)} { indicatorId area ${MEASURE_SELECTION} comparison ${MEASURE_SELECTION} }`,
).join(' ');

/**
 * Declares on one of the foundation's types the owners' readings as `@external` fields: the
 * foundation receives them through the query plan and never resolves them itself.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's own type
export function declareOwnerReadings(target: Function): void {
  for (const partner of INDICATOR_OWNERS) {
    const field = readingField(partner);
    const type = indicatorReadingType(partner);
    Directive('@external')(target.prototype, field);
    Field(() => type, { nullable: true })(target.prototype, field);
  }
}

/** The owners' readings among the fields of an entity representation, and nothing else of it. */
export function readingsOf(representation: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    INDICATOR_OWNERS.map(readingField)
      .filter((field) => field in representation)
      .map((field) => [field, representation[field]]),
  );
}

type MeasureJson = Pick<Measure, 'value' | 'numerator' | 'denominator' | 'unit' | 'suppressed' | 'suppressionReason' | 'perturbed'>;
type ReadingJson = { indicatorId: string; area: MeasureJson | null; comparison: MeasureJson | null } | null | undefined;

/**
 * A measure as the owner published it. The owner already applied disclosure control (perturbing
 * again would give the same persons two figures), so the figures are passed on unchanged,
 * suppressed ones with their null figures.
 */
function receivedMeasure(json: MeasureJson | null): Measure | null {
  return json === null ? null : Object.assign(new Measure(), json);
}

/**
 * The owner's reading from the fields the query plan brought (`OWNER_READINGS`); null when the
 * owner answered none (it is down, or refused).
 */
export function ownerReading(
  fields: Record<string, unknown>,
  ownerOrganisation: string,
): { area: Measure | null; comparison: Measure | null } | null {
  const owner = PARTNERS.find((partner) => partner.organisation === ownerOrganisation);
  const reading = owner && INDICATOR_OWNERS.includes(owner.name) ? (fields[readingField(owner.name)] as ReadingJson) : null;
  if (!reading) return null;
  return { area: receivedMeasure(reading.area), comparison: receivedMeasure(reading.comparison) };
}

/**
 * The indicator that the readings among `fields` are of (the answering owner names it); null when
 * no owner answered. Lets a list of readings be matched to definitions without another key.
 */
export function readIndicatorId(fields: Record<string, unknown>): string | null {
  for (const partner of INDICATOR_OWNERS) {
    const reading = fields[readingField(partner)] as ReadingJson;
    if (reading) return reading.indicatorId;
  }
  return null;
}
