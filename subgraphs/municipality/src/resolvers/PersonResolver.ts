import { LocalDate, PersonLevel, PersonLookup, badUserInput, today } from '@hub/core';
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { YouthStatus } from '../entities/enums';
import { Person } from '../entities/Person';
import { YouthStatusSpell } from '../entities/YouthStatusSpell';
import type { MunicipalityContext } from './context';
import { findPerson } from './persons';
import { Area } from './types/Area';

const PSEUDONYM = /^[0-9a-f]{64}$/;

/** The youth guidance register follows a person in the calendar years they turn 15 to 24. */
const YOUTH_AGES = { min: 15, max: 24 };

function statusOn(spells: readonly YouthStatusSpell[], day: string): YouthStatus | null {
  const spell = spells.find((s) => s.startedOn <= day && (s.endedOn === null || s.endedOn >= day));
  return spell?.status ?? null;
}

@Resolver(() => Person)
export class PersonResolver {
  @PersonLookup()
  @Query(() => Person, { nullable: true, description: 'One person by pseudonym; null when the register has none.' })
  person(
    @Arg('pseudonym', () => ID) pseudonym: string,
    @Ctx() context: MunicipalityContext,
  ): Promise<Person | null> {
    // Refuses anything else (a national ID typed by mistake) before it reaches the database.
    if (!PSEUDONYM.test(pseudonym)) {
      throw badUserInput('"pseudonym" must be 64 lowercase hex characters.', 'pseudonym');
    }
    return findPerson(pseudonym, context);
  }

  @PersonLevel('municipality')
  @FieldResolver(() => Area, { nullable: true, description: 'The district the person lives in.' })
  district(@Root() person: Person, @Ctx() { loaders }: MunicipalityContext): Promise<Area | null> {
    return loaders.area.load(person.residence.districtCode);
  }

  @PersonLevel('municipality')
  @FieldResolver(() => Area, { nullable: true, description: 'The estate the person lives in; null outside the estates.' })
  async estate(@Root() person: Person, @Ctx() { loaders }: MunicipalityContext): Promise<Area | null> {
    const code = person.residence.estateCode;
    return code === null ? null : loaders.area.load(code);
  }

  @PersonLevel('municipality')
  @FieldResolver(() => YouthStatus, {
    nullable: true,
    description:
      'Status in the youth guidance register on the day; null outside the ages 15-24 ' +
      '(year of the day − birth year) or when the register has no status that day.',
  })
  async youthStatus(
    @Root() person: Person,
    @Arg('on', () => LocalDate, { nullable: true, description: 'The day; today if left out.' }) on: string | null,
    @Ctx() { loaders }: MunicipalityContext,
  ): Promise<YouthStatus | null> {
    const day = on ?? today();
    const age = Number(day.slice(0, 4)) - person.birthYear;
    if (age < YOUTH_AGES.min || age > YOUTH_AGES.max) return null;
    return statusOn(await loaders.youthStatusOf.load(person.pseudonym), day);
  }

  @PersonLevel('municipality')
  @FieldResolver(() => [YouthStatusSpell], { nullable: true, description: 'Every status in the youth guidance register, oldest first.' })
  youthStatusHistory(@Root() person: Person, @Ctx() { loaders }: MunicipalityContext): Promise<YouthStatusSpell[]> {
    return loaders.youthStatusOf.load(person.pseudonym);
  }
}
