import { LRUCache } from 'lru-cache';

/** A partner's answer kept for reuse: its body as it came, and the version it was computed from. */
export interface KeptAnswer {
  version: string;
  text: string;
}

/**
 * Where kept answers live: this process's memory, or Redis (one store for every worker and
 * replica). A store may lose anything at any time; a lookup that fails is a miss.
 */
export interface AnswerStore {
  get(key: string): Promise<KeptAnswer | undefined>;
  set(key: string, answer: KeptAnswer): Promise<void>;
  close(): Promise<void>;
}

/** Kept answers in this process's memory, least recently used first out beyond `maxBytes`. */
export class MemoryAnswerStore implements AnswerStore {
  private readonly kept: LRUCache<string, KeptAnswer>;

  constructor(maxBytes: number) {
    this.kept = new LRUCache({
      maxSize: maxBytes,
      // UTF-16 in memory: two bytes a character, the key's as well.
      sizeCalculation: (answer, key) => 2 * (answer.text.length + answer.version.length + key.length) + 1,
    });
  }

  async get(key: string): Promise<KeptAnswer | undefined> {
    return this.kept.get(key);
  }

  async set(key: string, answer: KeptAnswer): Promise<void> {
    this.kept.set(key, answer);
  }

  async close(): Promise<void> {
    this.kept.clear();
  }
}
