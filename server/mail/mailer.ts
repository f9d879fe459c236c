/**
 * Sending mail (nodemailer). With `SMTP_URL` mail goes to that server; without it, as on a
 * laptop or in the embedded default, each mail is written as an .eml file to DATA_DIR/outbox,
 * and the log says that it was, naming the file: never the mail itself, which may carry a
 * single-use link, and no log line may hold a token.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Logger } from '../support/log';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** What kind of mail, for the log: subjects hold document titles and block text, never logged. */
  kind: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
  close(): void;
}

export interface MailConfig {
  smtpUrl: string | null;
  mailFrom: string;
  dataDir: string;
}

export function createMailer(config: MailConfig, logger: Logger): Mailer {
  if (config.smtpUrl) {
    const transport = nodemailer.createTransport(config.smtpUrl);
    return {
      async send(mail) {
        const { kind: _kind, ...message } = mail;
        await transport.sendMail({ from: config.mailFrom, ...message });
        logger.info('mail sent', { kind: mail.kind });
      },
      close: () => transport.close(),
    };
  }
  const outbox = path.join(config.dataDir, 'outbox');
  const writer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(mail) {
      const { kind: _kind, ...content } = mail;
      const { message } = (await writer.sendMail({ from: config.mailFrom, ...content })) as { message: Buffer };
      fs.mkdirSync(outbox, { recursive: true, mode: 0o700 });
      const file = path.join(outbox, `${new Date().toISOString().replace(/[:.]/g, '-')}-${crypto.randomBytes(4).toString('hex')}.eml`);
      fs.writeFileSync(file, message, { mode: 0o600 });
      logger.info('mail not sent (no SMTP_URL): written to the outbox', { file, kind: mail.kind });
    },
    close: () => writer.close(),
  };
}
