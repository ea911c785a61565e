import http from 'node:http';
import type { Duplex } from 'node:stream';

/** The status, reason phrase, code and message for a request Node's HTTP parser refused. */
type Refusal = [status: number, reason: string, code: string, message: string];

const headerLimitKb = Math.round(http.maxHeaderSize / 1024);

const REFUSALS: Record<string, Refusal> = {
  HPE_HEADER_OVERFLOW: [
    431,
    'Request Header Fields Too Large',
    'REQUEST_HEADER_TOO_LARGE',
    `The request's headers are larger than the gateway accepts (${headerLimitKb} KB in all); a bearer token should be a few KB.`,
  ],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', 'REQUEST_TIMEOUT', 'The request was not received in time.'],
};
const NOT_HTTP: Refusal = [400, 'Bad Request', 'BAD_REQUEST', 'The request is not valid HTTP/1.1.'];

/**
 * A request that Node's HTTP parser refuses before any handler sees it (headers over the limit,
 * broken HTTP) gets a GraphQL error body with a code, like every other refusal, instead of Node's
 * bare status line and empty body. As in Node's documentation, nothing is written to a socket that
 * is gone.
 */
export function answerClientErrorsAsGraphQL(server: http.Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const [status, reason, code, message] = REFUSALS[error.code ?? ''] ?? NOT_HTTP;
    const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
