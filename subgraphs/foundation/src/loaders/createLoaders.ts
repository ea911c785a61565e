import { argsLoader, childPageLoader, groupLoader, keyLoader, type LineOfActionCode } from '@hub/core';
import { In, type DataSource } from 'typeorm';
import { Grant } from '../entities/Grant';
import { Initiative } from '../entities/Initiative';
import { InitiativePartner } from '../entities/InitiativePartner';
import { LineOfAction } from '../entities/LineOfAction';
import { Partner } from '../entities/Partner';
import { createIndicatorLoaders } from './IndicatorLoaders';
import { agreementLoaders } from './agreementLoaders';

function toInitiative(row: Record<string, unknown>): Initiative {
  return Object.assign(new Initiative(), {
    code: row.code,
    name: row.name,
    description: row.description,
    lineOfActionCode: row.line_of_action,
    ageBand: row.age_band,
    areaCode: row.area_code,
    startedOn: row.started_on,
    endedOn: row.ended_on,
    version: row.version,
  });
}

const initiativePage = { keyColumn: 'code', map: toInitiative, keyOf: (i: Initiative) => i.code };

export interface FundingKey {
  line: LineOfActionCode;
  year: number | null;
}

/** Per-request loaders: every entity lookup and list relation of the foundation goes here. */
export function createLoaders(db: DataSource) {
  return {
    ...agreementLoaders(db),
    ...createIndicatorLoaders(db),
    partner: keyLoader(
      (codes: readonly string[]) => db.getRepository(Partner).findBy({ code: In([...codes]) }),
      (partner) => partner.code,
    ),
    lineOfAction: keyLoader(
      (codes: readonly LineOfActionCode[]) =>
        db.getRepository(LineOfAction).findBy({ code: In([...codes]) }),
      (line) => line.code,
    ),
    initiative: keyLoader(
      (codes: readonly string[]) => db.getRepository(Initiative).findBy({ code: In([...codes]) }),
      (initiative) => initiative.code,
    ),
    initiativesOfLine: childPageLoader(db, {
      ...initiativePage,
      from: 'initiative',
      parentColumn: 'line_of_action',
    }),
    initiativesOfPartner: childPageLoader(db, {
      ...initiativePage,
      from: `(SELECT i.*, ip.partner_code FROM initiative i
               JOIN initiative_partner ip ON ip.initiative_code = i.code)`,
      parentColumn: 'partner_code',
    }),
    allInitiatives: childPageLoader(db, {
      ...initiativePage,
      from: `(SELECT i.*, 'all'::text AS everything FROM initiative i)`,
      parentColumn: 'everything',
    }),
    allPartners: childPageLoader(db, {
      from: `(SELECT p.*, 'all'::text AS everything FROM partner p)`,
      parentColumn: 'everything',
      keyColumn: 'code',
      map: (row) =>
        Object.assign(new Partner(), {
          code: row.code,
          name: row.name,
          kind: row.kind,
          governanceRole: row.governance_role,
          joinedOn: row.joined_on,
        }),
      keyOf: (partner: Partner) => partner.code,
    }),
    partnersOfInitiative: groupLoader(
      (codes: readonly string[]) =>
        db.getRepository(InitiativePartner).find({
          where: { initiativeCode: In([...codes]) },
          order: { position: 'ASC' },
        }),
      (link) => link.initiativeCode,
    ),
    grantsOfInitiative: groupLoader(
      (codes: readonly string[]) =>
        db.getRepository(Grant).find({
          where: { initiativeCode: In([...codes]) },
          order: { awardedOn: 'ASC', code: 'ASC' },
        }),
      (grant) => grant.initiativeCode,
    ),
    fundingOfLine: argsLoader(async (keys: readonly FundingKey[]) => {
      const rows: { idx: number; total: string }[] = await db.query(
        `SELECT k.idx, coalesce(sum(g.amount_dkk), 0) AS total
         FROM unnest($1::int[], $2::text[], $3::int[]) AS k(idx, line, year)
         LEFT JOIN initiative i ON i.line_of_action = k.line
         LEFT JOIN grant_award g ON g.initiative_code = i.code
          AND (k.year IS NULL OR extract(year FROM g.awarded_on)::int = k.year)
         GROUP BY k.idx ORDER BY k.idx`,
        [keys.map((_, i) => i), keys.map((k) => k.line), keys.map((k) => k.year)],
      );
      return rows.map((row) => Number(row.total));
    }),
  };
}

export type FoundationLoaders = ReturnType<typeof createLoaders>;
