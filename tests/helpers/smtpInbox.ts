/**
 * A real SMTP server for tests (smtp-server), every message read back with mailparser: point a
 * test server's SMTP_URL at `url` and read what arrived in `messages`.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { startTestServer, type TestServer } from './startTestServer';

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
}

export interface SmtpInbox {
  url: string;
  messages: ReceivedMail[];
  /** The messages to one address, oldest first. */
  to(address: string): ReceivedMail[];
  close(): Promise<void>;
}

export async function startSmtpInbox(): Promise<SmtpInbox> {
  const messages: ReceivedMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          messages.push({ to: mail.to && !Array.isArray(mail.to) ? mail.to.text : '', subject: mail.subject ?? '', text: mail.text ?? '' });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    to: (address) => messages.filter((m) => m.to === address),
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}

/** The token of the first link to `/page/<token>` in a mail's text. */
export function linkToken(text: string, page: string): string | undefined {
  return new RegExp(`/${page}/([A-Za-z0-9]+)`).exec(text)?.[1];
}

/** A test server whose mail goes to an inbox of its own; `stop` ends both. */
export async function startServerWithInbox(env: Record<string, string> = {}): Promise<{ server: TestServer; inbox: SmtpInbox; stop(): Promise<void> }> {
  const inbox = await startSmtpInbox();
  const server = await startTestServer({ SMTP_URL: inbox.url, MAIL_FROM: 'werktafel <noreply@werktafel.test>', ...env });
  return {
    server,
    inbox,
    async stop() {
      await server.stop();
      await inbox.close();
    },
  };
}
