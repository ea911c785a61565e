import type { QueryRunner } from 'typeorm';
import { AREAS } from '../seed/areas';
import type { AreaRef } from './columns';
import { upsertRows } from './upsertRows';

/**
 * The public area codes a partner's person rows refer to. A seeded database has them; a fresh
 * one gets them here (existing codes are left alone), so residence columns can be checked.
 */
export async function ensureAreaReference(runner: QueryRunner): Promise<void> {
  const byLevel = { MUNICIPALITY: 0, DISTRICT: 1, ESTATE: 2 };
  const rows = [...AREAS]
    .sort((a, b) => byLevel[a.kind] - byLevel[b.kind])
    .map((area) => ({ code: area.code, name: area.name, kind: area.kind, parent_code: area.parentCode }));
  await upsertRows(runner, { table: 'area_reference', key: ['code'], rows, update: false });
}

export async function loadAreas(runner: QueryRunner): Promise<Map<string, AreaRef>> {
  const rows: { code: string; kind: AreaRef['kind']; parent_code: string | null }[] = await runner.query(
    'SELECT code, kind, parent_code FROM area_reference',
  );
  return new Map(rows.map((row) => [row.code, { code: row.code, kind: row.kind, parentCode: row.parent_code }]));
}
