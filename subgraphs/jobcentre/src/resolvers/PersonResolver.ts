import { PersonLevel } from '@hub/core';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { BenefitSpell } from '../entities/BenefitSpell';
import { EmploymentSpell } from '../entities/EmploymentSpell';
import type { JobcentreContext } from './context';
import { Person } from './types/stubs';

/** Person-level fields: the jobcentre's own records of one person. */
@Resolver(() => Person)
export class PersonResolver {
  @PersonLevel('jobcentre')
  @FieldResolver(() => [EmploymentSpell], { nullable: true, description: 'Jobs, oldest first (jobcentre).' })
  employment(@Root() person: Person, @Ctx() { loaders }: JobcentreContext): Promise<EmploymentSpell[]> {
    return loaders.employmentOf.load(person.pseudonym);
  }

  @PersonLevel('jobcentre')
  @FieldResolver(() => [BenefitSpell], { nullable: true, description: 'Benefit periods, oldest first (jobcentre).' })
  benefits(@Root() person: Person, @Ctx() { loaders }: JobcentreContext): Promise<BenefitSpell[]> {
    return loaders.benefitsOf.load(person.pseudonym);
  }
}
