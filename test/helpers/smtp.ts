// A real SMTP server for tests of e-mail notifications: it listens on a free port of 127.0.0.1 and
// keeps every message it receives, one entry per recipient.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type Mail = { to: string; raw: string };

export type TestSmtp = { url: string; received: Mail[]; close: () => Promise<void> };

export async function startSmtp(): Promise<TestSmtp> {
  const received: Mail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, done) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        for (const to of session.envelope.rcptTo) received.push({ to: to.address, raw });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise<void>((resolve) => smtp.close(() => resolve())) };
}

/** The mail with folded header lines joined and its quoted-printable body decoded. */
export const decodedMail = (raw: string) => {
  const [head = '', ...rest] = raw.split('\r\n\r\n');
  const body = rest.join('\r\n\r\n').replace(/=\r\n/g, '');
  // nodemailer picks base64 or quoted-printable by the share of non-ASCII letters.
  const bytes = /Content-Transfer-Encoding: base64/i.test(head)
    ? Buffer.from(body.replace(/\r\n/g, ''), 'base64')
    : Buffer.from(body.replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))), 'latin1');
  // A subject is a run of base64 encoded-words that may split a letter between two of them.
  const subject = head.replace(/\r\n /g, '').replace(/(=\?UTF-8\?B\?[^?]*\?=)+/g, (run) =>
    Buffer.concat([...run.matchAll(/=\?UTF-8\?B\?([^?]*)\?=/g)].map((m) => Buffer.from(m[1] ?? '', 'base64'))).toString('utf8'),
  );
  return `${subject}\r\n\r\n${bytes.toString('utf8')}`;
};
