import type { Person } from '../entities/Person';
import type { MunicipalityContext } from './context';

/**
 * The one way into person-level data: `Query.person` and `Person` references both load persons
 * here, and every other Person field hangs off a person this returned. Person-level access rules
 * therefore need one check, here, with the caller's whole context at hand.
 */
export function findPerson(pseudonym: string, { loaders }: MunicipalityContext): Promise<Person | null> {
  return loaders.person.load(pseudonym);
}
