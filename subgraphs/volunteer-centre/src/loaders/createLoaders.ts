import { AreaReference, childPageLoader, groupLoader, keyLoader, spellsOfPersons, versionedMeasureLoader } from '@hub/core';
import { In, type DataSource } from 'typeorm';
import { Club } from '../entities/Club';
import { ClubMembership } from '../entities/ClubMembership';
import {
  countClubMembers,
  countMembersInArea,
  type AreaMembersKey,
  type ClubMembersKey,
} from './memberCounts';

function toClub(row: Record<string, unknown>): Club {
  return Object.assign(new Club(), {
    code: row.code,
    name: row.name,
    activity: row.activity,
    lineOfActionCode: row.line_of_action,
    districtCode: row.district_code,
  });
}

const clubPage = { keyColumn: 'code', map: toClub, keyOf: (club: Club) => club.code };

/** Per-request loaders: every entity lookup, list relation and measure of the volunteer centre. */
export function createLoaders(db: DataSource) {
  return {
    club: keyLoader(
      (codes: readonly string[]) => db.getRepository(Club).findBy({ code: In([...codes]) }),
      (club) => club.code,
    ),
    area: keyLoader(
      (codes: readonly string[]) => db.getRepository(AreaReference).findBy({ code: In([...codes]) }),
      (area) => area.code,
    ),
    allClubs: childPageLoader(db, {
      ...clubPage,
      from: `(SELECT c.*, 'all'::text AS everything FROM club c)`,
      parentColumn: 'everything',
    }),
    clubsOfLine: childPageLoader(db, { ...clubPage, from: 'club', parentColumn: 'line_of_action' }),
    clubsOfDistrict: groupLoader(
      (codes: readonly string[]) =>
        db.getRepository(Club).find({ where: { districtCode: In([...codes]) }, order: { code: 'ASC' } }),
      (club) => club.districtCode,
    ),
    membershipsOf: spellsOfPersons(db, ClubMembership),
    // Measures are kept per version of the centre's data (counted again after any write).
    clubMembers: versionedMeasureLoader(db, 'clubMembers', (keys: readonly ClubMembersKey[]) => countClubMembers(db, keys)),
    membersInArea: versionedMeasureLoader(db, 'membersInArea', (keys: readonly AreaMembersKey[]) => countMembersInArea(db, keys)),
  };
}

export type VolunteerCentreLoaders = ReturnType<typeof createLoaders>;
