/**
 * A comment's mail: whoever its notification newly reaches (a mention of them or of their party,
 * a reply to a thread they started) also hears of it by mail, in their own language, with the
 * comment's words and a link to the document. Only members who may still read the document and
 * take workspace mails (`recipients.ts`); never the writer; once per person and comment, because
 * only newly recorded notifications are mailed.
 */
import { mentionsAsText, parseMentions, type Mention } from '../../shared/comments/mentions';
import type { Services } from '../context';
import { can } from '../policies';
import type { CommentRow, CommentThreadRow, MemberWithUserRow, NotificationKind } from '../storage/rows';
import { appLink, deliverLater } from './deliver';
import { mails, workspaceMail, type MailText } from './messages';
import { mailableMembers } from './recipients';

export interface CommentNotices {
  thread: CommentThreadRow;
  comment: CommentRow;
  /** Person -> why the comment reaches them, for the notifications just recorded. */
  reached: ReadonlyMap<string, NotificationKind>;
}

const kind = 'comment notice';

/**
 * Starts the mails and returns at once: the request that posted the comment never waits for
 * them, and a failure is logged by its kind and error name only (never the comment's words).
 */
export function mailCommentNoticesLater(services: Services, notices: CommentNotices): void {
  if (notices.reached.size === 0) return;
  mailCommentNotices(services, notices).catch((error: unknown) => {
    services.logger.error(`${kind} mail not sent`, { component: 'mail', error: error instanceof Error ? error.name : 'unknown' });
  });
}

async function mailCommentNotices(services: Services, { thread, comment, reached }: CommentNotices): Promise<void> {
  const [document, author] = await Promise.all([
    services.repos.documents.findById(thread.document_id),
    comment.author_id ? services.repos.users.findById(comment.author_id) : undefined,
  ]);
  if (!document || !author) return;
  const readers = await mailableMembers(services, thread.workspace_id, (m) => reached.has(m.user_id) && m.user_id !== author.id && can(m, 'document:read'));
  const link = appLink(services, `/d/${document.id}`);
  const accountLink = appLink(services, '/account');
  // The names the server knows, not the ones the writer put in the mention: a mail the server
  // sends must not carry words a client chose as if they were a person's or party's name.
  const [members, parties] = await Promise.all([services.repos.members.listForWorkspace(thread.workspace_id), services.repos.parties.listForWorkspace(thread.workspace_id)]);
  const names = new Map<string, string>([...members.map((m) => [`user:${m.user_id}`, m.name] as const), ...parties.map((p) => [`party:${p.id}`, p.name] as const)]);
  const nameOf = (mention: Mention) => names.get(`${mention.kind}:${mention.id}`);
  const words = quote(mentionsAsText(comment.body, nameOf));
  const mentions = parseMentions(comment.body).map((mention) => ({ ...mention, name: nameOf(mention) ?? mention.name }));
  for (const member of readers) {
    const mail = noticeFor(member, reached.get(member.user_id)!, mentions, { author: author.name, document: document.title, words, link });
    deliverLater(services, { to: member.email, ...workspaceMail(member.language, mail, accountLink) }, kind);
  }
}

/** Which mail: a reply, a mention of the person, or (when only their party was named) of their party. */
function noticeFor(member: MemberWithUserRow, why: NotificationKind, mentions: Mention[], about: { author: string; document: string; words: string; link: string }): MailText {
  const { author, document, words, link } = about;
  const language = member.language;
  if (why === 'reply') return mails.commentReply[language](member.name, author, document, words, link);
  const named = mentions.some((m) => m.kind === 'user' && m.id === member.user_id);
  const party = named ? undefined : mentions.find((m) => m.kind === 'party' && m.id === member.party_id);
  if (party) return mails.commentPartyMention[language](member.name, author, document, party.name, words, link);
  return mails.commentMention[language](member.name, author, document, words, link);
}

/** Each line of the comment set off as a quotation, as mail readers show one. */
function quote(text: string): string {
  return text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}
