import { wholeNumber } from '../../config/wholeNumber';

/** Where the gateway keeps partners' shareable answers, if anywhere. */
export type AnswerCacheSettings =
  | { store: 'memory'; maxBytes: number }
  | { store: 'redis'; url: string }
  | { store: 'none' };

/** Per worker process: small beside its ~200 MB, and aggregates are small answers. */
export const DEFAULT_ANSWER_CACHE_MB = 32;

/**
 * From the environment: Redis when HUB_REDIS_URL is set (one cache for every worker and replica),
 * else HUB_ANSWER_CACHE_MB of each worker's memory (32 by default; 0 keeps nothing).
 */
export function answerCacheSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): AnswerCacheSettings {
  const url = env.HUB_REDIS_URL;
  if (url) {
    // The URL may hold a password: the message does not repeat it.
    if (!/^rediss?:\/\//.test(url)) throw new Error('HUB_REDIS_URL must be a redis:// or rediss:// URL');
    return { store: 'redis', url };
  }
  const megabytes = wholeNumber(env, 'HUB_ANSWER_CACHE_MB', 0) ?? DEFAULT_ANSWER_CACHE_MB;
  return megabytes === 0 ? { store: 'none' } : { store: 'memory', maxBytes: megabytes * 1024 * 1024 };
}
