/**
 * Who a comment reaches: the people and parties it mentions, and for a reply the thread's
 * author. Each person once, never the writer. A mention must name someone who can read the
 * document: a member of the workspace, or a party of it with members (a party with nobody in
 * it, or of another workspace, cannot read the document and is refused with a field message).
 */
import { parseMentions } from '../../shared/comments/mentions';
import type { NotificationKind } from '../storage/rows';
import type { Repos } from '../storage/ports';
import { ValidationError } from '../errors';

/** Person -> why they hear of the comment, for every mention in the body (400 for one that reaches nobody). */
export async function mentionRecipients(repos: Repos, workspaceId: string, body: string): Promise<Map<string, NotificationKind>> {
  const mentions = parseMentions(body);
  const recipients = new Map<string, NotificationKind>();
  if (mentions.length === 0) return recipients;
  const members = await repos.members.listForWorkspace(workspaceId);
  for (const mention of mentions) {
    const reached = mention.kind === 'user' ? members.filter((m) => m.user_id === mention.id) : members.filter((m) => m.party_id === mention.id);
    if (reached.length === 0) {
      const key = mention.kind === 'user' ? 'comment.mentionUnknownPerson' : 'comment.mentionUnknownParty';
      throw new ValidationError({ body: { key, params: { name: mention.name } } });
    }
    for (const member of reached) recipients.set(member.user_id, 'mention');
  }
  return recipients;
}
