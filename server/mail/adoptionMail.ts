/** Asking parties to adopt a version: a mail to each member who may sign for an asked party. */
import type { Services } from '../context';
import { can } from '../policies';
import type { DocumentRow, PartyRow, UserRow } from '../storage/rows';
import { appLink, deliverLater } from './deliver';
import { mails, workspaceMail } from './messages';
import { mailableMembers } from './recipients';

export async function mailAdoptionRequest(
  services: Services,
  request: { document: DocumentRow; versionId: string; requester: UserRow; parties: PartyRow[] },
): Promise<void> {
  const { document, versionId, requester, parties } = request;
  const partyById = new Map(parties.map((party) => [party.id, party]));
  const link = appLink(services, `/d/${document.id}/versies/${versionId}`);
  const signers = await mailableMembers(services, document.workspace_id, (m) => m.user_id !== requester.id && m.party_id !== null && partyById.has(m.party_id) && can(m, 'adoption:sign'));
  for (const member of signers) {
    const party = partyById.get(member.party_id!)!;
    const mail = mails.adoptionRequest[member.language](member.name, requester.name, document.title, party.name, link);
    deliverLater(services, { to: member.email, ...workspaceMail(member.language, mail, appLink(services, '/account')) }, 'adoption request');
  }
}
