import { AsyncLocalStorage } from 'node:async_hooks';
import type pino from 'pino';
import type { Logger } from 'typeorm';
import { createLogger } from '../observability/createLogger';

/** One request's SQL statement tally. */
export interface RequestScope {
  sqlStatements: number;
  /** Names the request in the log line of a statement that failed. */
  requestId?: string;
}

const requestScope = new AsyncLocalStorage<RequestScope>();

/**
 * Runs `fn` with its own SQL statement tally, readable through `statementsInRequest()` inside it,
 * or through `scope` itself once the request is over (its metrics and log line are written then).
 */
export function runInRequestScope<T>(fn: () => T, scope: RequestScope = { sqlStatements: 0 }): T {
  return requestScope.run(scope, fn);
}

export function statementsInRequest(): number {
  return requestScope.getStore()?.sqlStatements ?? 0;
}

/**
 * TypeORM logger that counts every SQL statement, in total and per request. The counts prove
 * that DataLoaders keep the number of statements independent of the number of rows.
 */
export class SqlStatementCounter implements Logger {
  total = 0;
  private readonly logger: pino.Logger;

  constructor(label: string) {
    this.logger = createLogger(label);
  }

  logQuery(): void {
    this.total += 1;
    const scope = requestScope.getStore();
    if (scope) scope.sqlStatements += 1;
  }

  // The statement's text only: its parameters can be pseudonyms.
  logQueryError(error: string | Error, query: string): void {
    const requestId = requestScope.getStore()?.requestId;
    this.logger.error({ requestId, err: error, query: query.slice(0, 1000) }, 'SQL error');
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ requestId: requestScope.getStore()?.requestId, ms: time, query: query.slice(0, 1000) }, 'slow SQL');
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    if (process.env.HUB_LOG_MIGRATIONS) this.logger.info(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
  }
}
