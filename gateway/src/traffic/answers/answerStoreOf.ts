import type pino from 'pino';
import { MemoryAnswerStore, type AnswerStore } from './AnswerStore';
import type { AnswerCacheSettings } from './answerCacheSettings';
import { RedisAnswerStore } from './RedisAnswerStore';

/** The store the settings name, or none. */
export function answerStoreOf(settings: AnswerCacheSettings, logger: pino.Logger): AnswerStore | undefined {
  if (settings.store === 'redis') return new RedisAnswerStore(settings.url, logger);
  if (settings.store === 'memory') return new MemoryAnswerStore(settings.maxBytes);
  return undefined;
}
