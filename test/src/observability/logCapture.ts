import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import { createLogger } from '@hub/core';

export type LogLine = Record<string, unknown> & { level: string; msg: string };

/**
 * A subgraph's log, captured: the logger writes JSON lines into this stream as it would to
 * stdout, at the most verbose level, so a test sees every line any part of the server writes.
 */
export class LogCapture {
  /** Every line as written, unparsed: what an operator's log store would hold. */
  readonly raw: string[] = [];
  private readonly written = new EventEmitter();
  readonly logger: ReturnType<typeof createLogger>;

  constructor(component: string) {
    const destination = new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        for (const line of chunk.toString().split('\n').filter(Boolean)) this.raw.push(line);
        this.written.emit('line');
        done();
      },
    });
    this.logger = createLogger(component, { destination, level: 'trace' });
  }

  lines(): LogLine[] {
    return this.raw.map((line) => JSON.parse(line) as LogLine);
  }

  /**
   * The first line that matches; the request line is written when the response is done, which
   * the client can see a moment before the server does, so this waits for it.
   */
  async waitFor(matches: (line: LogLine) => boolean): Promise<LogLine> {
    for (;;) {
      const found = this.lines().find(matches);
      if (found) return found;
      await new Promise((resolve) => this.written.once('line', resolve));
    }
  }

  requestLine(requestId: string): Promise<LogLine> {
    return this.waitFor((line) => line.msg === 'request' && line.requestId === requestId);
  }
}
