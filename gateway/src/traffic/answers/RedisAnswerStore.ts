import { Redis } from 'ioredis';
import type pino from 'pino';
import type { AnswerStore, KeptAnswer } from './AnswerStore';

/** Kept answers outlive no day: their version names the day they were computed on. */
const KEPT_SECONDS = 24 * 60 * 60;

/** A lookup slower than this is a miss: the partner is asked instead. */
const COMMAND_TIMEOUT_MS = 250;

/**
 * Kept answers in Redis, shared by every worker and replica of the gateway. Commands fail at once
 * while Redis is unreachable (no offline queue), so a lost Redis costs misses, not waiting; the
 * client reconnects by itself. Memory is Redis's to bound (`maxmemory` with an LRU policy).
 */
export class RedisAnswerStore implements AnswerStore {
  private readonly redis: Redis;

  constructor(url: string, logger: pino.Logger) {
    this.redis = new Redis(url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: COMMAND_TIMEOUT_MS,
      keyPrefix: 'hub:answer:',
    });
    let reported = false;
    this.redis.on('error', (error: Error) => {
      if (!reported) logger.warn({ err: error }, 'the answer cache in Redis is unreachable; partners are asked instead');
      reported = true;
    });
    this.redis.on('ready', () => (reported = false));
  }

  async get(key: string): Promise<KeptAnswer | undefined> {
    const kept = await this.redis.get(key);
    if (kept === null) return undefined;
    const end = kept.indexOf('\n');
    return end < 0 ? undefined : { version: kept.slice(0, end), text: kept.slice(end + 1) };
  }

  async set(key: string, answer: KeptAnswer): Promise<void> {
    await this.redis.set(key, `${answer.version}\n${answer.text}`, 'EX', KEPT_SECONDS);
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}
