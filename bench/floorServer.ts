// The floor as a server, so that the load tool measures it exactly as it measures a gateway: per
// request, the flagship plan's subgraph fetches with fixed bodies, in the plan's order, over
// keep-alive connections, then a fixed answer of the gateway's size. No parsing, no planning,
// no signing: nothing a gateway could do less of. Same worker count as the gateways.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { runClustered } from '@hub/gateway/dist/cluster';
import type { FloorStep } from './floorPlan';

export interface FloorSetup {
  plan: FloorStep;
  urls: Record<string, string>;
  /** The gateway's token for the subgraphs. */
  internalToken: string;
  /** What a gateway answered the query, sent back as is. */
  answer: string;
  port: number;
  workers: number;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

function post(url: string, body: string, headers: http.OutgoingHttpHeaders): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', agent, headers }, (response) => {
      response.resume();
      response.once('end', () => (response.statusCode === 200 ? resolve() : reject(new Error(`${url}: ${response.statusCode}`))));
    });
    request.once('error', reject);
    request.end(body);
  });
}

async function run(step: FloorStep, setup: FloorSetup, requestId: string | undefined): Promise<void> {
  if (step.kind === 'fetch') {
    return post(setup.urls[step.subgraph], step.body, {
      'content-type': 'application/json',
      accept: 'application/json',
      'content-length': Buffer.byteLength(step.body),
      authorization: `Bearer ${setup.internalToken}`,
      ...(requestId ? { 'x-request-id': requestId } : {}),
    });
  }
  if (step.kind === 'parallel') {
    await Promise.all(step.steps.map((s) => run(s, setup, requestId)));
    return;
  }
  for (const s of step.steps) await run(s, setup, requestId);
}

async function serve(setup: FloorSetup): Promise<void> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.once('end', () => {
      run(setup.plan, setup, req.headers['x-request-id'] as string | undefined).then(
        () => res.writeHead(200, { 'content-type': 'application/json' }).end(setup.answer),
        (error: unknown) => res.writeHead(502).end(String(error)),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(setup.port, '127.0.0.1', resolve));
  console.log(`floor ready at http://127.0.0.1:${setup.port}/`);
  process.once('SIGTERM', () => process.exit(0));
}

const setup = JSON.parse(readFileSync(process.env.HUB_BENCH_FLOOR_SETUP ?? '', 'utf8')) as FloorSetup;
runClustered({ workers: setup.workers, execArgv: [] }, () => serve(setup), 'floor');
