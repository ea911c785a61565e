// "Answers from memory", a subgraph mode of the benchmark only: each distinct request body is
// answered once by the real subgraph (token checked, SQL run) and from memory after that, so
// that the subgraphs cost next to nothing and what remains to measure is the gateways' own work.
import http from 'node:http';

const PASS_THROUGH = 'x-bench-pass-through';
const answers = new Map<string, { type: string; body: Buffer }>();
const agent = new http.Agent({ keepAlive: true });

function respond(res: http.ServerResponse, answer: { type: string; body: Buffer }): void {
  res.writeHead(200, { 'content-type': answer.type, 'content-length': answer.body.length }).end(answer.body);
}

/** Asks the real subgraph (this same server, marked so it does not replay) and keeps a good answer. */
function passOn(url: string, req: http.IncomingMessage, body: Buffer, res: http.ServerResponse): void {
  const ask = http.request(url, { method: 'POST', agent, headers: { ...req.headers, [PASS_THROUGH]: '1' } }, (answer) => {
    const chunks: Buffer[] = [];
    answer.on('data', (chunk: Buffer) => chunks.push(chunk));
    answer.once('end', () => {
      const kept = { type: answer.headers['content-type'] ?? 'application/json', body: Buffer.concat(chunks) };
      if (answer.statusCode === 200) answers.set(body.toString(), kept);
      res.writeHead(answer.statusCode ?? 502, { 'content-type': kept.type }).end(kept.body);
    });
  });
  ask.once('error', () => res.writeHead(502).end());
  ask.end(body);
}

/** Wraps a subgraph's request listener; `url()` is the subgraph's own GraphQL URL. */
export function replaying(listener: http.RequestListener, url: () => string): http.RequestListener {
  return (req, res) => {
    if (req.method !== 'POST' || req.headers[PASS_THROUGH]) return listener(req, res);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', () => {
      const body = Buffer.concat(chunks);
      const known = answers.get(body.toString());
      if (known) respond(res, known);
      else passOn(url(), req, body, res);
    });
  };
}
