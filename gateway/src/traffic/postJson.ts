import http from 'node:http';
import https from 'node:https';
import { DATA_VERSION_HEADER, SHAREABLE_HEADER } from '@hub/core';
import type { PartnerTraffic } from './PartnerTraffic';

export interface RawAnswer {
  status: number;
  contentType: string;
  body: string;
  /** The partner marked the answer shareable (`SHAREABLE_HEADER`). */
  shareable: boolean;
  /** The version of the partner's data the answer was computed from (`DATA_VERSION_HEADER`), if it said. */
  version?: string;
}

/** A keep-alive connection pool for one partner: connections are reused, not opened per call. */
export function partnerAgent(url: URL, maxSockets: number): http.Agent {
  const options = { keepAlive: true, maxSockets, maxFreeSockets: maxSockets, scheduling: 'lifo' as const };
  return url.protocol === 'https:' ? new https.Agent(options) : new http.Agent(options);
}

/**
 * POSTs a JSON body and reads the whole answer as text. Node's own client rather than a fetch
 * implementation: the call goes through the partner's pooled agent, `signal` (the timeout's)
 * destroys the connection, and no Request/Headers objects are built per call. An answer that
 * takes the request's `traffic` past its bound is cut off there, not read to its end.
 */
export function postJson(
  url: URL,
  agent: http.Agent,
  body: string,
  headers: Record<string, string>,
  signal: AbortSignal,
  traffic?: PartnerTraffic,
): Promise<RawAnswer> {
  const request = url.protocol === 'https:' ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method: 'POST',
        agent,
        signal,
        headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          try {
            traffic?.take(chunk.length);
          } catch (failure) {
            // Rejected first: destroying the answer reports it cut off, which would read as the partner's fault.
            reject(failure as Error);
            response.destroy();
            return;
          }
          text += chunk;
        });
        response.on('error', reject);
        response.on('aborted', () => reject(Object.assign(new Error('answer cut off'), { code: 'ECONNRESET' })));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            contentType: response.headers['content-type'] ?? '',
            body: text,
            shareable: response.headers[SHAREABLE_HEADER] === 'true',
            version: headerValue(response.headers[DATA_VERSION_HEADER]),
          }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
