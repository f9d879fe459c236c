/**
 * Mail goes out after the answer to the request that caused it: a slow or absent mail server
 * never holds up a person, and a failure is logged (without the mail, which may hold a link).
 */
import type { Services } from '../context';
import type { Mail } from './mailer';

export function deliverLater(services: Pick<Services, 'mailer' | 'logger'>, mail: Omit<Mail, 'kind'>, kind: string): void {
  // The error's code, not its message: a mail server's answer may quote the recipient's address.
  services.mailer.send({ ...mail, kind }).catch((error: unknown) => {
    const code = (error as { code?: unknown } | null)?.code;
    services.logger.error(`${kind} mail not sent`, { component: 'mail', error: typeof code === 'string' ? code : error instanceof Error ? error.name : 'unknown' });
  });
}

/** An absolute link into the app, for a mail. */
export function appLink(services: Pick<Services, 'config'>, path: string): string {
  return `${services.config.publicUrl}${path}`;
}
