import {
  AgeBand,
  AreaReference,
  CohortKind,
  badUserInput,
  isReferenceDate,
  latestReferenceDate,
  notFound,
  today,
  unknownArea,
  type CohortSpec,
} from '@hub/core';
import type { Initiative } from '../entities/Initiative';
import type { FoundationContext } from './context';
import type { CohortDefinitionInput } from './types/Cohort';

/** The area kinds each kind of cohort is defined along. */
const AREA_KINDS: Partial<Record<CohortKind, string[]>> = {
  ESTATE_RESIDENTS: ['ESTATE'],
  DISTRICT_RESIDENTS: ['DISTRICT', 'MUNICIPALITY'],
};

async function validArea(input: CohortDefinitionInput, { db }: FoundationContext): Promise<string | null> {
  const kinds = AREA_KINDS[input.kind];
  if (!kinds) {
    if (input.area) throw badUserInput(`A ${input.kind} cohort is not defined by an area; leave "area" out.`, 'definition.area');
    return null;
  }
  if (!input.area) throw badUserInput(`A ${input.kind} cohort needs "area": ${kinds.join(' or ').toLowerCase()} code.`, 'definition.area');
  const area = await db.getRepository(AreaReference).findOneBy({ code: input.area });
  if (!area) throw unknownArea(input.area, 'definition.area');
  if (!kinds.includes(area.kind)) {
    throw badUserInput(`"${input.area}" is a ${area.kind.toLowerCase()}; a ${input.kind} cohort needs a ${kinds.join(' or ').toLowerCase()}.`, 'definition.area');
  }
  return input.area;
}

async function validProgramme(input: CohortDefinitionInput, { loaders }: FoundationContext): Promise<string | null> {
  if (input.kind !== CohortKind.PROGRAMME_PARTICIPANTS) {
    if (input.programme) throw badUserInput(`A ${input.kind} cohort is not defined by a programme; leave "programme" out.`, 'definition.programme');
    return null;
  }
  if (!input.programme) throw badUserInput('A PROGRAMME_PARTICIPANTS cohort needs "programme": an initiative code.', 'definition.programme');
  const initiative: Initiative | null = await loaders.initiative.load(input.programme);
  if (!initiative) {
    throw notFound(`The alliance has no initiative "${input.programme}".`, 'definition.programme', input.programme);
  }
  return input.programme;
}

function validAsOf(asOf: string | null | undefined): string {
  const latest = latestReferenceDate(today());
  if (asOf === null || asOf === undefined) return latest;
  if (!isReferenceDate(asOf) || asOf > latest) {
    throw badUserInput(
      `"asOf" must be a reference date: 1 January of a year from 2017-01-01 to ${latest}; got ${asOf}.`,
      'definition.asOf',
    );
  }
  return asOf;
}

/** The definition checked against the predefined dimensions, or BAD_USER_INPUT / NOT_FOUND saying what is wrong. */
export async function validCohortSpec(
  input: CohortDefinitionInput,
  agreement: string,
  context: FoundationContext,
): Promise<CohortSpec> {
  return {
    kind: input.kind,
    area: await validArea(input, context),
    programme: await validProgramme(input, context),
    ageBand: input.ageBand ?? AgeBand.AGE_0_24,
    asOf: validAsOf(input.asOf),
    agreement,
  };
}
