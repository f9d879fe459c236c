/**
 * Who gets a mail about a workspace: members whose address is verified and who did not turn
 * such mails off. A mail to an address nobody confirmed could reach a stranger who was typed in
 * by mistake (or on purpose); the person sees on their account page that they must confirm it.
 */
import type { Services } from '../context';
import type { MemberWithUserRow } from '../storage/rows';

export const acceptsWorkspaceMail = (member: MemberWithUserRow): boolean => member.email_verified_at !== null && member.workspace_mails === 1;

export async function mailableMembers(services: Pick<Services, 'repos'>, workspaceId: string, include: (member: MemberWithUserRow) => boolean): Promise<MemberWithUserRow[]> {
  const members = await services.repos.members.listForWorkspace(workspaceId);
  return members.filter((member) => acceptsWorkspaceMail(member) && include(member));
}
