import http from 'node:http';
import https from 'node:https';
import { DATA_VERSION_PATH } from '@hub/core';

/**
 * Asks one partner which version its answers would have now (`GET /data-version`). Callers at
 * once share one probe, but only a probe that started after they arrived: one started before may
 * have read the version before a write they must see. So a caller arriving while a probe runs
 * waits for the next one, which starts when the running one ends and serves every caller that
 * arrived meanwhile. Undefined when the partner did not answer in time: the caller then asks
 * the partner its question, through the line and circuit of every call.
 */
export class VersionProbe {
  private readonly url: URL;
  private running?: Promise<string | undefined>;
  private queued?: Promise<string | undefined>;

  constructor(
    graphqlUrl: URL,
    private readonly agent: http.Agent,
    private readonly timeoutMs: number,
  ) {
    // Beside the GraphQL path: `…/graphql` → `…/data-version`, under any prefix.
    this.url = new URL(`.${DATA_VERSION_PATH}`, graphqlUrl);
  }

  /** The partner's current version; `authorization` is the gateway's token for the caller. */
  current(authorization: string | undefined): Promise<string | undefined> {
    if (!this.running) return this.start(authorization);
    this.queued ??= this.running.then(() => {
      this.queued = undefined;
      return this.start(authorization);
    });
    return this.queued;
  }

  private start(authorization: string | undefined): Promise<string | undefined> {
    const probe = this.read(authorization).finally(() => {
      if (this.running === probe) this.running = undefined;
    });
    this.running = probe;
    return probe;
  }

  private read(authorization: string | undefined): Promise<string | undefined> {
    const get = this.url.protocol === 'https:' ? https.get : http.get;
    const headers = authorization ? { authorization } : {};
    return new Promise((resolve) => {
      const request = get(this.url, { agent: this.agent, headers, signal: AbortSignal.timeout(this.timeoutMs) }, (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('error', () => resolve(undefined));
        response.on('end', () => resolve(response.statusCode === 200 ? versionIn(text) : undefined));
      });
      request.on('error', () => resolve(undefined));
    });
  }
}

function versionIn(text: string): string | undefined {
  try {
    const { version } = JSON.parse(text) as { version?: unknown };
    return typeof version === 'string' ? version : undefined;
  } catch {
    return undefined;
  }
}
