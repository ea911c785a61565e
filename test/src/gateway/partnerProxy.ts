import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AnswerCacheSettings, RunningGateway } from '@hub/gateway';
import { startHub, type TestHub } from '../support/hub';
import { besides, startTestGateway } from './standIns';

/**
 * A real loopback proxy in front of one partner's subgraph: forwards every request, path and all,
 * counts GraphQL fetches (POST) and version probes (GET /data-version) apart, and can hold every
 * request until `release()`, so that a test of what happens at once does not depend on timing.
 */
export interface PartnerProxy {
  /** The proxy's GraphQL URL, for the gateway's `subgraphUrls`. */
  url: string;
  fetches: number;
  probes: number;
  /** Holds every request from now on until `release()`. */
  hold(): void;
  release(): void;
  close(): Promise<void>;
}

export async function partnerProxy(target: string): Promise<PartnerProxy> {
  let open = Promise.resolve();
  let opened = () => undefined as void;
  const counts = { fetches: 0, probes: 0 };
  const server = http.createServer(async (req, res) => {
    if (req.method === 'POST') counts.fetches += 1;
    else counts.probes += 1;
    await open;
    const upstream = http.request(new URL(req.url ?? '/', target), { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(counts, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    hold() {
      open = new Promise<void>((resolve) => (opened = resolve));
    },
    release: () => opened(),
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  });
}

/** A real hub whose gateway reaches the municipality through a PartnerProxy. */
export interface ProxiedHub {
  hub: TestHub;
  proxy: PartnerProxy;
  gateway: RunningGateway;
  stop(): Promise<void>;
}

export async function proxiedHub(answerCache: AnswerCacheSettings): Promise<ProxiedHub> {
  const hub = await startHub({ persons: 500 });
  const proxy = await partnerProxy(hub.subgraphs.municipality.url);
  const urls = Object.fromEntries(Object.values(hub.subgraphs).map((s) => [s.name, s.url]));
  const gateway = await startTestGateway({ subgraphUrls: { ...urls, municipality: proxy.url }, answerCache });
  return {
    hub,
    proxy,
    gateway,
    async stop() {
      await gateway.stop();
      await proxy.close();
      await hub.stop();
    },
  };
}

/** One series of the gateway's /metrics, picked by its labels (0 when it has none yet). */
export async function gatewaySeries(gateway: RunningGateway, name: string, labels: Record<string, string>): Promise<number> {
  const text = await (await fetch(besides(gateway.url, '/metrics'))).text();
  const wanted = Object.entries(labels).map(([label, value]) => `${label}="${value}"`);
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && wanted.every((w) => l.includes(w)));
  return line ? Number(line.split(' ').pop()) : 0;
}
