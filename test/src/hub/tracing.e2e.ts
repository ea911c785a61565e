import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PARTNER_NAMES } from '@hub/core';
import { exampleQuery, startHub } from '../support/hub';
import { postGraphQL } from '../support/graphql';
import { analystToken } from '../support/identity';

/** One span as OTLP/JSON carries it, with its service taken from its resource. */
interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: Record<string, unknown>;
}

interface OtlpAttribute {
  key: string;
  value: Record<string, unknown>;
}

interface OtlpExport {
  resourceSpans: {
    resource: { attributes: OtlpAttribute[] };
    scopeSpans: { spans: (Omit<ReceivedSpan, 'service' | 'attributes'> & { attributes?: OtlpAttribute[] })[] }[];
  }[];
}

const SERVER = 2;
const CLIENT = 3;
const ON = '2026-06-30';

const attributesOf = (list: OtlpAttribute[] = []) =>
  Object.fromEntries(list.map(({ key, value }) => [key, Object.values(value)[0]]));

/** A collector in the test: accepts OTLP/HTTP JSON on /v1/traces and keeps every span. */
async function startReceiver() {
  const spans: ReceivedSpan[] = [];
  const bodies: string[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      if (req.method === 'POST' && req.url === '/v1/traces') {
        bodies.push(body);
        for (const { resource, scopeSpans } of (JSON.parse(body) as OtlpExport).resourceSpans) {
          const service = String(attributesOf(resource.attributes)['service.name']);
          for (const span of scopeSpans.flatMap((scope) => scope.spans)) {
            spans.push({ ...span, service, attributes: attributesOf(span.attributes) });
          }
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, spans, bodies, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe('traces across the gateway and the partners', () => {
  const saved = { ...process.env };
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let token: string;
  let trace: ReceivedSpan[];

  beforeAll(async () => {
    receiver = await startReceiver();
    process.env.OTEL_EXPORTER_OTLP_ENDPOINT = receiver.url;
    process.env.OTEL_BSP_SCHEDULE_DELAY = '50';
    delete process.env.OTEL_SERVICE_NAME;
    const hub = await startHub({ persons: 300 });
    try {
      token = await analystToken();
      const response = await postGraphQL(hub.gatewayUrl, exampleQuery('job-line-of-action'), { on: ON }, token);
      expect(response.errors).toBeUndefined();
    } finally {
      // Stopping flushes every server's spans.
      await hub.stop();
    }
    const request = receiver.spans.find((span) => span.service === 'hub-gateway' && span.kind === SERVER);
    trace = receiver.spans.filter((span) => span.traceId === request?.traceId);
  });
  afterAll(async () => {
    process.env = saved;
    await receiver?.close();
  });

  const ofService = (service: string) => trace.filter((span) => span.service === service);

  it('holds the gateway and all five partners in the one trace of the request', () => {
    const services = new Set(trace.map((span) => span.service));
    expect([...services].sort()).toEqual(['hub-gateway', ...PARTNER_NAMES.map((name) => `hub-${name}`)].sort());
    expect(ofService('hub-gateway').map((span) => span.name)).toEqual(expect.arrayContaining(['POST /graphql', 'execute', 'plan']));
  });

  it('makes each partner request a child of the gateway fetch that called it', () => {
    const fetches = ofService('hub-gateway').filter((span) => span.kind === CLIENT);
    for (const partner of PARTNER_NAMES) {
      const ours = fetches.filter((span) => span.attributes['hub.partner'] === partner);
      expect(ours.length).toBeGreaterThan(0);
      expect(ours[0]).toMatchObject({ name: `partner fetch ${partner}`, attributes: { 'http.response.status_code': 200, 'hub.kept_answer': false } });
      const served = ofService(`hub-${partner}`).filter((span) => span.kind === SERVER);
      expect(served.length).toBe(ours.length);
      for (const span of served) expect(ours.map((fetch) => fetch.spanId)).toContain(span.parentSpanId);
    }
  });

  it('gives every partner SQL spans with the statement text, under its request', () => {
    for (const partner of PARTNER_NAMES) {
      const spans = ofService(`hub-${partner}`);
      const requests = new Set(spans.filter((span) => span.kind === SERVER).map((span) => span.spanId));
      const statements = spans.filter((span) => span.attributes['db.system'] === 'postgresql');
      expect(statements.length).toBeGreaterThan(0);
      for (const statement of statements) {
        expect(requests).toContain(statement.parentSpanId);
        expect(String(statement.attributes['db.query.text']).length).toBeLessThanOrEqual(1000);
      }
    }
  });

  it('carries no token, header, variable, parameter or pseudonym anywhere', () => {
    const everything = receiver.bodies.join('\n');
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(ON);
    expect(everything).not.toMatch(/bearer|authorization/i);
    // A JWT (the gateway's own token to partners) and a pseudonym (64 hex characters).
    expect(everything).not.toMatch(/eyJ[\w-]+\.eyJ/);
    expect(everything).not.toMatch(/[0-9a-f]{64}/);
    const keys = receiver.spans.flatMap((span) => Object.keys(span.attributes));
    expect(keys.filter((key) => /variables|parameters|params|header/i.test(key))).toEqual([]);
  });
});
