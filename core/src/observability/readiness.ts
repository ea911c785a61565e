import type express from 'express';
import type pino from 'pino';
import { MigrationExecutor, type DataSource } from 'typeorm';

/** `GET /readyz`: whether this subgraph can answer; nothing in it is data. */
export interface Readiness {
  status: 'ready' | 'not ready';
  database: { ok: boolean; latencyMs: number };
  /** Migrations the code has and the database has not run; null when the database did not answer. */
  migrations: { pending: number | null };
}

/** Longest a readiness check waits for the database (it queues behind requests on PGlite). */
export const READINESS_TIMEOUT_MS = 2000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the database did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Asks the database for `SELECT 1` and for the migrations it has run. */
export async function checkReadiness(
  db: DataSource,
  logger: pino.Logger,
  timeoutMs = READINESS_TIMEOUT_MS,
): Promise<Readiness> {
  const started = performance.now();
  const latency = () => Math.round((performance.now() - started) * 10) / 10;
  try {
    await withTimeout(db.query('SELECT 1'), timeoutMs);
    const database = { ok: true, latencyMs: latency() };
    const pending = (await withTimeout(new MigrationExecutor(db).getPendingMigrations(), timeoutMs)).length;
    return { status: pending === 0 ? 'ready' : 'not ready', database, migrations: { pending } };
  } catch (error) {
    // The reason stays in the log: the probe's answer is public and says only "not ready".
    logger.warn({ err: error }, 'not ready: the database did not answer');
    return { status: 'not ready', database: { ok: false, latencyMs: latency() }, migrations: { pending: null } };
  }
}

/** 200 when ready, 503 otherwise; needs no token, so orchestrators and load balancers can ask. */
export function readinessEndpoint(db: DataSource, logger: pino.Logger): express.RequestHandler {
  return (_req, res, next) => {
    checkReadiness(db, logger).then((readiness) => {
      res.status(readiness.status === 'ready' ? 200 : 503).json(readiness);
    }, next);
  };
}
