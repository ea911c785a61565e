import { ArgsType, Field } from 'type-graphql';
import type { AgeBand } from '../graphql/enums';
import { LocalDate } from '../graphql/scalars';
import { today, type PopulationKey } from './populationMeasure';

/** The predefined dimensions every population measure is asked along (plus an age band). */
@ArgsType()
export class AreaDateArgs {
  @Field({ description: 'Area code from the register, e.g. "osterbyen" or "esbjerg".' })
  area!: string;

  @Field(() => LocalDate, { nullable: true, description: 'The day measured; today if left out.' })
  on?: string | null;
}

export function populationKey(args: AreaDateArgs, ageBand: AgeBand): PopulationKey {
  return { area: args.area, ageBand, on: args.on ?? today() };
}
