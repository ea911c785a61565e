import type DataLoader from 'dataloader';
import { In, type DataSource, type EntityTarget, type FindOptionsOrder, type FindOptionsWhere } from 'typeorm';
import { groupLoader } from './loaders';

/** Person-level rows that run over time: jobs, benefits, statuses, memberships, tenancies. */
interface PersonSpell {
  id: number;
  pseudonym: string;
}

/** Each person's rows of one table, oldest first: one statement for all persons of a request. */
export function spellsOfPersons<T extends PersonSpell>(
  db: DataSource,
  entity: EntityTarget<T>,
  startColumn: string = 'startedOn',
): DataLoader<string, T[]> {
  return groupLoader(
    (pseudonyms: readonly string[]) =>
      db.getRepository(entity).find({
        where: { pseudonym: In([...pseudonyms]) } as FindOptionsWhere<T>,
        order: { [startColumn]: 'ASC', id: 'ASC' } as FindOptionsOrder<T>,
      }),
    (row) => row.pseudonym,
  );
}
