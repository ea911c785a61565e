import {
  AreaReference,
  versionedMeasureLoader,
  childPageLoader,
  groupLoader,
  keyLoader,
  populationMeasureLoader,
  spellsOfPersons,
} from '@hub/core';
import { In, type DataSource } from 'typeorm';
import { YouthStatus } from '../entities/enums';
import { Person } from '../entities/Person';
import { School } from '../entities/School';
import { WellBeingSurvey } from '../entities/WellBeingSurvey';
import { YouthStatusSpell } from '../entities/YouthStatusSpell';
import { toArea } from '../resolvers/types/Area';
import { fetchSchoolsOfAreas, meanWellBeingOfAreas, type AreaWellBeingKey } from './schools';

/** `areas` pages by scope: every area is listed under "ALL" and under its own kind. */
export const ALL_AREAS = 'ALL';

/** The numerator of a share: persons with `status` in the youth guidance register on the day. */
const hasStatus = (status: YouthStatus) => ({ table: 'youth_status_spell', where: `s.status = '${status}'` });

/** Per-request loaders: every entity lookup, list relation and measure of the municipality. */
export function createLoaders(db: DataSource) {
  return {
    area: keyLoader(
      async (codes: readonly string[]) =>
        (await db.getRepository(AreaReference).findBy({ code: In([...codes]) })).map(toArea),
      (area) => area.code,
    ),
    childrenOf: groupLoader(
      async (codes: readonly string[]) =>
        (
          await db.getRepository(AreaReference).find({
            where: { parentCode: In([...codes]) },
            order: { code: 'ASC' },
          })
        ).map(toArea),
      (area) => area.parentCode as string,
    ),
    areas: childPageLoader(db, {
      from: `(SELECT a.*, scope FROM area_reference a, unnest(ARRAY['${ALL_AREAS}', a.kind]) AS scope)`,
      parentColumn: 'scope',
      keyColumn: 'code',
      map: (row) =>
        toArea({
          code: row.code as string,
          name: row.name as string,
          kind: row.kind as AreaReference['kind'],
          parentCode: row.parent_code as string | null,
        }),
      keyOf: (area) => area.code,
    }),
    schoolsOf: groupLoader(
      (codes: readonly string[]) => fetchSchoolsOfAreas(db, codes),
      (link) => link.areaCode,
    ),
    school: keyLoader(
      (codes: readonly string[]) => db.getRepository(School).findBy({ code: In([...codes]) }),
      (school) => school.code,
    ),
    surveysOf: groupLoader(
      (codes: readonly string[]) =>
        db.getRepository(WellBeingSurvey).find({
          where: { schoolCode: In([...codes]) },
          order: { schoolYear: 'ASC' },
        }),
      (survey) => survey.schoolCode,
    ),
    person: keyLoader(
      (pseudonyms: readonly string[]) => db.getRepository(Person).findBy({ pseudonym: In([...pseudonyms]) }),
      (person) => person.pseudonym,
    ),
    youthStatusOf: spellsOfPersons(db, YouthStatusSpell),
    neetShare: populationMeasureLoader(
      db,
      { population: 'person p', spells: hasStatus(YouthStatus.NEITHER) },
      'share',
    ),
    inEducationShare: populationMeasureLoader(
      db,
      { population: 'person p', spells: hasStatus(YouthStatus.EDUCATION) },
      'share',
    ),
    population: populationMeasureLoader(db, { population: 'person p' }, 'count'),
    wellBeing: versionedMeasureLoader(db, 'wellBeing', (keys: readonly AreaWellBeingKey[]) => meanWellBeingOfAreas(db, keys)),
  };
}

export type MunicipalityLoaders = ReturnType<typeof createLoaders>;
