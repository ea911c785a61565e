import pino from 'pino';
import { errorDetail } from './errorDetail';

/** pino's level names, plus `silent`; anything else in HUB_LOG_LEVEL is a configuration error. */
const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * Credentials never reach a log line, wherever a caller puts a request's headers. pino removes
 * the key (not `[Redacted]`), so a line does not even say whether a token was sent.
 */
const REDACTED_PATHS = ['authorization', 'cookie', 'set-cookie'].flatMap((header) => [
  `headers["${header}"]`,
  `req.headers["${header}"]`,
  `request.headers["${header}"]`,
  `res.headers["${header}"]`,
]);

export interface LoggerOptions {
  /** Where the JSON lines go; stdout by default. Tests pass a stream to read them. */
  destination?: pino.DestinationStream;
  /** Overrides HUB_LOG_LEVEL. */
  level?: string;
}

/**
 * The log level: HUB_LOG_LEVEL, else `info`; under jest `silent`, so a test run's output shows
 * the tests, not hundreds of request lines (set HUB_LOG_LEVEL to see them).
 */
export function logLevelFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const level = env.HUB_LOG_LEVEL?.trim().toLowerCase();
  if (!level) return env.JEST_WORKER_ID ? 'silent' : 'info';
  if (!LEVELS.includes(level)) {
    throw new Error(`HUB_LOG_LEVEL must be one of ${LEVELS.join(', ')}; got "${env.HUB_LOG_LEVEL}"`);
  }
  return level;
}

let stdout: pino.DestinationStream | undefined;

/**
 * One buffered stdout stream per process, shared by every logger in it, so lines of two loggers
 * never interleave mid-line; pino flushes it when the process exits.
 */
function sharedStdout(): pino.DestinationStream {
  stdout ??= pino.destination({ fd: 1, sync: false });
  return stdout;
}

/**
 * One JSON line per event on stdout, each naming the component (`gateway`, `jobcentre`...).
 * Log an error as `{ err }`: it is written through `errorDetail`.
 */
export function createLogger(component: string, options: LoggerOptions = {}): pino.Logger {
  return pino(
    {
      level: options.level ?? logLevelFromEnv(),
      // pid tells the gateway's cluster workers apart.
      base: { component, pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      // "level":"error" rather than pino's 50: readable without pino's tooling.
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, remove: true },
      // pino's own `err` serializer copies every property, SQL parameters included.
      serializers: { err: errorDetail },
    },
    options.destination ?? sharedStdout(),
  );
}
