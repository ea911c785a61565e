import { ArgsType, Field } from 'type-graphql';
import type { AgeBand } from '../graphql/enums';
import { LocalDate } from '../graphql/scalars';
import type { PopulationKey } from './populationMeasure';
import { referenceDateArg } from './referenceDates';

/** What every dated stock's `on` argument says. */
export const ON_DESCRIPTION =
  'The reference date measured: the last day of a month, not after today; the latest one if left out.';

/** The predefined dimensions every population measure is asked along (plus an age band). */
@ArgsType()
export class AreaDateArgs {
  @Field({ description: 'Area code from the register, e.g. "osterbyen" or "esbjerg".' })
  area!: string;

  @Field(() => LocalDate, { nullable: true, description: ON_DESCRIPTION })
  on?: string | null;
}

export function populationKey(args: AreaDateArgs, ageBand: AgeBand): PopulationKey {
  return { area: args.area, ageBand, on: referenceDateArg(args.on) };
}
