/**
 * Mail goes out after the answer to the request that caused it: a slow or absent mail server
 * never holds up a person, and a failure is logged (without the mail, which may hold a link).
 */
import type { Services } from '../context';
import { describeError } from '../support/log';
import type { Mail } from './mailer';

export function deliverLater(services: Pick<Services, 'mailer' | 'logger'>, mail: Mail, what: string): void {
  services.mailer.send(mail).catch((error: unknown) => services.logger.error(`${what} mail not sent`, { component: 'mail', ...describeError(error) }));
}

/** An absolute link into the app, for a mail. */
export function appLink(services: Pick<Services, 'config'>, path: string): string {
  return `${services.config.publicUrl}${path}`;
}
