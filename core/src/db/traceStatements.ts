import type { DataSource, QueryRunner } from 'typeorm';
import { currentSpan, endSpan, failSpan, startChildSpan } from '../observability/tracing';

/** Longest statement text a span carries. */
const STATEMENT_LIMIT = 1000;

type Query = (sql: string, ...rest: unknown[]) => Promise<unknown>;

/**
 * Gives every statement run inside a traced request a span covering its execution, with its text
 * and never its parameters (they can be pseudonyms). At the query runner, which both PGlite's
 * socket and PostgreSQL go through; TypeORM's logger sees statements but not how long they took.
 */
export function traceStatements(dataSource: DataSource): void {
  const create = dataSource.createQueryRunner.bind(dataSource);
  dataSource.createQueryRunner = (mode) => traceRunner(create(mode));
}

function traceRunner(runner: QueryRunner): QueryRunner {
  const query = runner.query.bind(runner) as Query;
  const traced: Query = async (sql, ...rest) => {
    const span = startChildSpan(currentSpan(), `SQL ${verbOf(sql)}`, 'client', {
      'db.system': 'postgresql',
      'db.query.text': sql.slice(0, STATEMENT_LIMIT),
    });
    try {
      return await query(sql, ...rest);
    } catch (error) {
      failSpan(span, sqlStateOf(error));
      throw error;
    } finally {
      endSpan(span);
    }
  };
  runner.query = traced as QueryRunner['query'];
  return runner;
}

function verbOf(sql: string): string {
  return sql.trimStart().split(/\s/, 1)[0].toUpperCase();
}

/** PostgreSQL's error code (TypeORM copies the driver's error onto its own). */
function sqlStateOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'error';
}
