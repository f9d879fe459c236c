/**
 * The texts of werktafel's mails, in Dutch and English: one place, like the client's message
 * catalogue. A mail to the person who asked for it follows their request (Accept-Language); a
 * mail to someone else follows the language stored with that person's account.
 */
import type { Language } from '../../shared/i18n/messages';
import { localeOf } from '../../shared/i18n/translate';
import { languageOfHeader } from '../http/language';

export type MailLanguage = Language;

export interface MailText {
  subject: string;
  text: string;
}

type Texts<Args extends unknown[]> = Record<MailLanguage, (...args: Args) => MailText>;

/** A date as a mail in this language writes it, as the calendar of `timeZone` has it. */
export function formatMailDate(at: number | Date, language: MailLanguage, timeZone: string): string {
  return new Intl.DateTimeFormat(localeOf(language), { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(at);
}

/** The mail's language from the request's Accept-Language, read as every answer reads it (q-values included). */
export function mailLanguage(acceptLanguage: string | undefined): MailLanguage {
  return languageOfHeader(acceptLanguage) ?? 'nl';
}

const passwordReset: Texts<[name: string, link: string]> = {
  nl: (name, link) => ({
    subject: 'Nieuw wachtwoord voor werktafel',
    text:
      `Hallo ${name},\n\nIemand (hopelijk jij) vroeg om een nieuw wachtwoord voor je account op werktafel.\n` +
      `Kies er een via deze link, binnen een uur; hij werkt één keer:\n\n${link}\n\n` +
      `Heb je hier niet om gevraagd? Dan kun je deze mail negeren: je wachtwoord blijft zoals het is.\n`,
  }),
  en: (name, link) => ({
    subject: 'Set a new password for werktafel',
    text:
      `Hello ${name},\n\nSomeone (hopefully you) asked to set a new password for your werktafel account.\n` +
      `Follow this link within an hour to choose one; it works once:\n\n${link}\n\n` +
      `Did you not ask for this? Then ignore this mail: your password stays as it is.\n`,
  }),
};

const verifyEmail: Texts<[name: string, link: string]> = {
  nl: (name, link) => ({
    subject: 'Bevestig je e-mailadres voor werktafel',
    text:
      `Hallo ${name},\n\nBevestig met deze link dat dit adres van jou is; hij werkt een week lang, één keer:\n\n${link}\n\n` +
      `Pas daarna stuurt werktafel je berichten over je werkruimtes, zoals herinneringen en verzoeken om vast te stellen.\n` +
      `Heb je geen account op werktafel aangemaakt of gewijzigd? Dan kun je deze mail negeren.\n`,
  }),
  en: (name, link) => ({
    subject: 'Confirm your e-mail address for werktafel',
    text:
      `Hello ${name},\n\nConfirm with this link that this address is yours; it works once, for a week:\n\n${link}\n\n` +
      `Only then does werktafel send you news about your workspaces, such as reminders and requests to adopt a version.\n` +
      `Did you not create or change an account on werktafel? Then ignore this mail.\n`,
  }),
};

const emailChanged: Texts<[name: string, newEmail: string, resetLink: string]> = {
  nl: (name, newEmail, resetLink) => ({
    subject: 'Je e-mailadres op werktafel is gewijzigd',
    text:
      `Hallo ${name},\n\nHet e-mailadres van je account op werktafel is zojuist gewijzigd in ${newEmail}.\n` +
      `Was jij dat niet? Neem dan direct contact op met de beheerder van werktafel: wie je account overnam, kan het nu ook\n` +
      `met dat nieuwe adres herstellen. Kun je nog inloggen, zet dan zelf je adres terug en wijzig je wachtwoord (${resetLink}).\n`,
  }),
  en: (name, newEmail, resetLink) => ({
    subject: 'Your e-mail address on werktafel was changed',
    text:
      `Hello ${name},\n\nThe e-mail address of your werktafel account was just changed to ${newEmail}.\n` +
      `Was this not you? Then contact werktafel's administrator at once: whoever took over your account can now also\n` +
      `recover it with that new address. If you can still sign in, set your address back and change your password (${resetLink}).\n`,
  }),
};

const invite: Texts<[inviter: string, workspace: string, party: string, link: string, expires: string]> = {
  nl: (inviter, workspace, party, link, expires) => ({
    subject: `Uitnodiging voor ${workspace} op werktafel`,
    text:
      `Hallo,\n\n${inviter} nodigt je uit om in werktafel mee te schrijven aan ${workspace}, namens ${party}.\n` +
      `Doe mee via deze link (geldig tot ${expires}):\n\n${link}\n\n` +
      `Heb je nog geen account, dan maak je er met deze link een aan.\n`,
  }),
  en: (inviter, workspace, party, link, expires) => ({
    subject: `Invitation to ${workspace} on werktafel`,
    text:
      `Hello,\n\n${inviter} invites you to write with them in werktafel, in ${workspace}, on behalf of ${party}.\n` +
      `Join through this link (valid until ${expires}):\n\n${link}\n\n` +
      `If you have no account yet, the link lets you create one.\n`,
  }),
};

const adoptionRequest: Texts<[name: string, requester: string, document: string, party: string, link: string]> = {
  nl: (name, requester, document, party, link) => ({
    subject: `Vaststellen gevraagd: ${document}`,
    text:
      `Hallo ${name},\n\n${requester} vraagt ${party} een versie van '${document}' vast te stellen.\n` +
      `Lees de versie en teken namens ${party}, of wijs af met een reden:\n\n${link}\n`,
  }),
  en: (name, requester, document, party, link) => ({
    subject: `Adoption requested: ${document}`,
    text:
      `Hello ${name},\n\n${requester} asks ${party} to adopt a version of '${document}'.\n` +
      `Read the version and sign on behalf of ${party}, or decline with a reason:\n\n${link}\n`,
  }),
};

const reflectionReminder: Texts<[name: string, workspace: string, document: string, what: string, date: string, link: string]> = {
  nl: (name, workspace, document, what, date, link) => ({
    subject: `Morgen reflectiemoment: ${what}`,
    text:
      `Hallo ${name},\n\nMorgen, ${date}, is het reflectiemoment '${what}' in ${workspace} ('${document}'):\n` +
      `de partners kijken terug en stellen bij.\n\n${link}\n`,
  }),
  en: (name, workspace, document, what, date, link) => ({
    subject: `Reflection moment tomorrow: ${what}`,
    text:
      `Hello ${name},\n\nTomorrow, ${date}, is the reflection moment '${what}' in ${workspace} ('${document}'):\n` +
      `the partners look back and adjust.\n\n${link}\n`,
  }),
};

const actionDueReminder: Texts<[name: string, workspace: string, document: string, what: string, date: string, link: string]> = {
  nl: (name, workspace, document, what, date, link) => ({
    subject: `Morgen klaar: ${what}`,
    text: `Hallo ${name},\n\nDe actie '${what}' in ${workspace} ('${document}') moet morgen, ${date}, klaar zijn.\n\n${link}\n`,
  }),
  en: (name, workspace, document, what, date, link) => ({
    subject: `Due tomorrow: ${what}`,
    text: `Hello ${name},\n\nThe action '${what}' in ${workspace} ('${document}') is due tomorrow, ${date}.\n\n${link}\n`,
  }),
};

/** Mails about a comment to the people it reaches; `comment` is its words, quoted, mentions written as names. */
type CommentNotice<Extra extends unknown[] = []> = Texts<[name: string, author: string, document: string, ...extra: Extra, comment: string, link: string]>;

const commentMention: CommentNotice = {
  nl: (name, author, document, comment, link) => ({
    subject: `${author} noemde je in '${document}'`,
    text: `Hallo ${name},\n\n${author} noemde je in een opmerking bij '${document}':\n\n${comment}\n\nLees en antwoord in het document:\n\n${link}\n`,
  }),
  en: (name, author, document, comment, link) => ({
    subject: `${author} mentioned you in '${document}'`,
    text: `Hello ${name},\n\n${author} mentioned you in a comment on '${document}':\n\n${comment}\n\nRead and reply in the document:\n\n${link}\n`,
  }),
};

const commentPartyMention: CommentNotice<[party: string]> = {
  nl: (name, author, document, party, comment, link) => ({
    subject: `${author} noemde ${party} in '${document}'`,
    text: `Hallo ${name},\n\n${author} noemde ${party} in een opmerking bij '${document}':\n\n${comment}\n\nLees en antwoord in het document:\n\n${link}\n`,
  }),
  en: (name, author, document, party, comment, link) => ({
    subject: `${author} mentioned ${party} in '${document}'`,
    text: `Hello ${name},\n\n${author} mentioned ${party} in a comment on '${document}':\n\n${comment}\n\nRead and reply in the document:\n\n${link}\n`,
  }),
};

const commentReply: CommentNotice = {
  nl: (name, author, document, comment, link) => ({
    subject: `${author} reageerde op je opmerking in '${document}'`,
    text: `Hallo ${name},\n\n${author} reageerde op je opmerking bij '${document}':\n\n${comment}\n\nLees en antwoord in het document:\n\n${link}\n`,
  }),
  en: (name, author, document, comment, link) => ({
    subject: `${author} replied to your comment in '${document}'`,
    text: `Hello ${name},\n\n${author} replied to your comment on '${document}':\n\n${comment}\n\nRead and reply in the document:\n\n${link}\n`,
  }),
};

/** Under every mail about a workspace: why it came, and where to turn such mails off. */
const workspaceMailFooter: Record<MailLanguage, (accountLink: string) => string> = {
  nl: (accountLink) => `\n--\nJe krijgt deze mail als deelnemer aan deze werkruimte. Geen herinneringen, verzoeken en opmerkingen per mail meer? Zet ze uit op ${accountLink}\n`,
  en: (accountLink) => `\n--\nYou get this mail as a participant in this workspace. No more reminders, requests and comments by mail? Turn them off at ${accountLink}\n`,
};

/** A mail about a workspace, with the footer that says how to stop such mails. */
export function workspaceMail(language: MailLanguage, mail: MailText, accountLink: string): MailText {
  return { subject: mail.subject, text: mail.text + workspaceMailFooter[language](accountLink) };
}

export const mails = { passwordReset, verifyEmail, emailChanged, invite, adoptionRequest, reflectionReminder, actionDueReminder, commentMention, commentPartyMention, commentReply };
