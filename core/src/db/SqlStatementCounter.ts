import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'typeorm';

interface RequestScope {
  sqlStatements: number;
}

const requestScope = new AsyncLocalStorage<RequestScope>();

/** Runs `fn` with its own SQL statement tally, readable through `statementsInRequest()`. */
export function runInRequestScope<T>(fn: () => T): T {
  return requestScope.run({ sqlStatements: 0 }, fn);
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

  constructor(private readonly label: string) {}

  logQuery(): void {
    this.total += 1;
    const scope = requestScope.getStore();
    if (scope) scope.sqlStatements += 1;
  }

  logQueryError(error: string | Error, query: string): void {
    console.error(`[${this.label}] SQL error: ${String(error)} in ${query.slice(0, 200)}`);
  }

  logQuerySlow(time: number, query: string): void {
    console.warn(`[${this.label}] slow SQL (${time} ms): ${query.slice(0, 200)}`);
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    if (process.env.HUB_LOG_MIGRATIONS) console.info(`[${this.label}] ${message}`);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') console.warn(`[${this.label}] ${String(message)}`);
  }
}
