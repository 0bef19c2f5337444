// The README's `/api/search?q=Сатпаев&lang=kk`, pasted into curl, sends raw UTF-8 in the URL: Node's
// parser refuses it before the app sees it. The 400 carries a problem body saying what to do.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { test } from 'node:test';
import { serve } from '@hono/node-server';
import '../../wiring.ts';
import { answerMalformedRequests } from './client-errors.ts';

function rawRequest(port: number, head: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(Buffer.from(head, 'utf8')));
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', reject);
  });
}

test('raw UTF-8 in a URL gets a 400 with a problem+json body, not an empty one', async () => {
  const server = serve({ fetch: () => new Response('ok'), port: 0, hostname: '127.0.0.1' });
  answerMalformedRequests(server);
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  try {
    const port = (server.address() as AddressInfo).port;
    const response = await rawRequest(port, 'GET /api/search?q=Сатпаев&lang=kk HTTP/1.1\r\nHost: localhost\r\n\r\n');
    assert.match(response, /^HTTP\/1\.1 400 /);
    assert.match(response, /content-type: application\/problem\+json/i);
    const problem = JSON.parse(response.slice(response.indexOf('\r\n\r\n') + 4));
    assert.equal(problem.status, 400);
    assert.match(problem.detail, /--data-urlencode/);
    assert.match(problem.detail, /percent-encoded/);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
