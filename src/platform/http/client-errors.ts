// A request Node's HTTP parser refuses (raw UTF-8 in the URL, a malformed header) never reaches the
// app, and Node answers a bare 400 with no body. This gives it a problem+json body that says what to
// do, in the three languages (the request was never read, so its language is unknown).
import type { Duplex } from 'node:stream';
import { LANGUAGES, translator } from '../i18n/i18n.ts';

/** What serve() returns, as far as this needs it (an HTTP/1 server emits clientError). */
type ServerLike = { on(event: 'clientError', listener: (error: NodeJS.ErrnoException, socket: Duplex) => void): unknown };

export function malformedRequestProblem(): string {
  const texts = (key: string) => LANGUAGES.map((lang) => translator(lang)(key)).join(' / ');
  return JSON.stringify({ type: 'about:blank', title: texts('errors.malformedRequest.title'), status: 400, detail: texts('errors.malformedRequest.detail') });
}

export function answerMalformedRequests(server: ServerLike): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // A socket already answered or torn down (e.g. a reset connection) gets nothing more.
    if (!socket.writable || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const body = malformedRequestProblem();
    socket.end(
      `HTTP/1.1 400 Bad Request\r\nContent-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
