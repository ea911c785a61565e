import {
  type AgeBand,
  COHORT_DEFINER,
  COHORT_KINDS,
  COHORT_MEASURES,
  MEASURE_ANSWERER,
  MEASURE_FIELD,
  partnerSpec,
  type CohortKind,
  type MeasureAnswer,
} from '@hub/core';
import { InvalidArgumentError } from 'commander';
import { EXPORT_EXIT, ExportError, queryGateway, type GatewayOptions } from './exportGraphQL';
import type { Row } from './exportIndicators';
import { registered } from './registered';

/** The cohort's own measure, from the partner that defines it. */
const SIZE = 'size';

/** What `--measures` may name: `size` and every measure a partner answers on a cohort (`Cohort`'s fields). */
export const COHORT_MEASURE_NAMES: readonly string[] = [SIZE, ...COHORT_MEASURES.map((measure) => MEASURE_FIELD[measure])];

// `IN_WORK` (an agreement's name), `inWork` (the graph's field) and `in-work` are one measure.
const loose = (name: string) => name.toLowerCase().replace(/[^a-z]/g, '');

/** Parses `--measures size,IN_WORK,clubMember` into the graph's field names, in the order given. */
export function parseMeasures(list: string): string[] {
  const names = list.split(/[\s,]+/).filter(Boolean);
  if (names.length === 0) throw new InvalidArgumentError(`expected a comma-separated list of ${COHORT_MEASURE_NAMES.join(', ')}`);
  const fields = names.map((name) => {
    const field = COHORT_MEASURE_NAMES.find((candidate) => loose(candidate) === loose(name));
    if (!field) throw new InvalidArgumentError(`"${name}" is not a cohort measure; expected ${COHORT_MEASURE_NAMES.join(', ')}`);
    return field;
  });
  return [...new Set(fields)];
}

/** Parses `--as-of`: a day of the calendar as YYYY-MM-DD (the hub checks it is a reference date). */
export function parseDay(value: string): string {
  const day = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value) {
    throw new InvalidArgumentError(`expected a date as YYYY-MM-DD, e.g. 2026-01-01; got "${value}"`);
  }
  return value;
}

export interface CohortExportOptions extends GatewayOptions {
  agreement: string;
  kind?: CohortKind;
  area?: string;
  programme?: string;
  ageBand?: AgeBand;
  asOf?: string;
  measures?: string[];
}

interface AgreementJson {
  code: string;
  provider: string;
  purpose: string;
  validFrom: string;
  validTo: string;
  grants: { recipient: string; measures: string[] }[];
}

/** One measure of the cohort; a withheld one has null figures and `suppressed: true`, never 0. */
export interface CohortMeasureRow {
  measure: string;
  value: number | null;
  unit: string | null;
  numerator: number | null;
  denominator: number | null;
  suppressed: boolean | null;
  suppressionReason: string | null;
  perturbed: boolean | null;
}

/** The JSON export: the cohort as the hub validated it, the agreement, and one entry per measure. */
export interface CohortDocument {
  definition: { kind: string; area: string | null; programme: string | null; ageBand: string; asOf: string };
  agreement: Omit<AgreementJson, 'grants'> | null;
  measures: CohortMeasureRow[];
}

/** The agreement from the register; it names the kind of cohort its provider defines and the measures it grants. */
async function agreementOf(options: CohortExportOptions): Promise<AgreementJson> {
  const { dataSharingAgreements: agreements } = await queryGateway<{ dataSharingAgreements: AgreementJson[] }>(
    options,
    registered('ExportAgreements'),
    {},
  );
  const agreement = agreements.find((candidate) => candidate.code === options.agreement);
  if (!agreement) {
    throw new ExportError(
      `The hub has no data-sharing agreement "${options.agreement}"; it has ${agreements.map((a) => a.code).join(', ')}. Nothing was exported.`,
    );
  }
  return agreement;
}

/** The kind of cohort the agreement's provider defines (ungdomsbo: ESTATE_RESIDENTS, ...). */
function kindProvidedBy(agreement: AgreementJson): CohortKind {
  const kind = COHORT_KINDS.find((candidate) => partnerSpec(COHORT_DEFINER[candidate]).organisation === agreement.provider);
  if (!kind) {
    throw new ExportError(`Agreement ${agreement.code} is provided by ${agreement.provider}, which defines no kind of cohort; give --kind.`, EXPORT_EXIT.USAGE);
  }
  return kind;
}

/** `size`, and the measures the agreement grants to the partner that answers each: none it would refuse. */
function grantedMeasures(agreement: AgreementJson): string[] {
  const granted = COHORT_MEASURES.filter((measure) =>
    agreement.grants.some((grant) => grant.recipient === partnerSpec(MEASURE_ANSWERER[measure]).organisation && grant.measures.includes(measure)),
  );
  return [SIZE, ...granted.map((measure) => MEASURE_FIELD[measure])];
}

/** The registered ExportCohort asks each measure under its own `@include` variable: the chosen ones are true. */
const measureSwitches = (measures: readonly string[]) =>
  Object.fromEntries(COHORT_MEASURE_NAMES.map((measure) => [measure, measures.includes(measure)]));

type CohortAnswer = Omit<CohortDocument, 'measures'> & { [measure: string]: unknown };

/** One row per measure for CSV: the cohort's definition and agreement lead every row, so each row stands alone. */
export function cohortRows(document: CohortDocument): Row[] {
  const { kind, area, programme, ageBand, asOf } = document.definition;
  const cohort = { agreement: document.agreement?.code ?? null, kind, area, programme, age_band: ageBand, as_of: asOf };
  return document.measures.map(({ suppressionReason, perturbed, ...measure }) => ({
    ...cohort,
    ...measure,
    suppression_reason: suppressionReason,
    perturbed,
  }));
}

/** The cohort profile as the graph answers it for the caller's token; any error in the answer fails it. */
export async function exportCohort(options: CohortExportOptions): Promise<CohortDocument> {
  const register = options.kind && options.measures ? null : await agreementOf(options);
  const kind = options.kind ?? kindProvidedBy(register!);
  const measures = options.measures ?? grantedMeasures(register!);
  const { area, programme, ageBand, asOf } = options;
  const { cohort } = await queryGateway<{ cohort: CohortAnswer | null }>(options, registered('ExportCohort'), {
    definition: { kind, area, programme, ageBand, asOf },
    agreement: options.agreement,
    ...measureSwitches(measures),
  });
  if (!cohort) throw new ExportError('The gateway answered no cohort; nothing was exported.');
  return {
    definition: cohort.definition,
    agreement: cohort.agreement,
    measures: measures.map((measure) => {
      const answer = cohort[measure] as MeasureAnswer | null;
      return {
        measure,
        value: answer?.value ?? null,
        unit: answer?.unit ?? null,
        numerator: answer?.numerator ?? null,
        denominator: answer?.denominator ?? null,
        suppressed: answer?.suppressed ?? null,
        suppressionReason: answer?.suppressionReason ?? null,
        perturbed: answer?.perturbed ?? null,
      };
    }),
  };
}
