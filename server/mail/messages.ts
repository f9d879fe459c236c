/**
 * The texts of werktafel's mails, in Dutch and English: one place, like the client's message
 * catalogue. The language follows the request that caused the mail (Accept-Language).
 */
import type { Language } from '../../shared/i18n/messages';

export type MailLanguage = Language;

export function mailLanguage(acceptLanguage: string | undefined): MailLanguage {
  return acceptLanguage?.trim().toLowerCase().startsWith('en') ? 'en' : 'nl';
}

export function passwordResetMail(language: MailLanguage, name: string, link: string): { subject: string; text: string } {
  if (language === 'en') {
    return {
      subject: 'Set a new password for werktafel',
      text:
        `Hello ${name},\n\nSomeone (hopefully you) asked to set a new password for your werktafel account.\n` +
        `Follow this link within an hour to choose one; it works once:\n\n${link}\n\n` +
        `Did you not ask for this? Then ignore this mail: your password stays as it is.\n`,
    };
  }
  return {
    subject: 'Nieuw wachtwoord voor werktafel',
    text:
      `Hallo ${name},\n\nIemand (hopelijk jij) vroeg om een nieuw wachtwoord voor je account op werktafel.\n` +
      `Kies er een via deze link, binnen een uur; hij werkt één keer:\n\n${link}\n\n` +
      `Heb je hier niet om gevraagd? Dan kun je deze mail negeren: je wachtwoord blijft zoals het is.\n`,
  };
}
