/** Werksessie set-ups for tests: a started session and members of parties of their own. */
import type { ApiClient, Json, Workshop } from './apiClient';
import { signUp } from './apiClient';

/** Plans a session from a template as the owner and starts it, so the owner chairs it. */
export async function startedSession(workshop: Workshop, template = 'verkenning'): Promise<{ id: string; steps: Json[] }> {
  const created = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/sessions`, { title: 'Verkenningsbijeenkomst Poelenburg', template });
  if (created.status !== 201) throw new Error(`session not created: ${created.status} ${JSON.stringify(created.body)}`);
  const started = await workshop.owner.post(`/api/sessions/${created.body.id}/start`);
  if (started.status !== 200) throw new Error(`session not started: ${started.status} ${JSON.stringify(started.body)}`);
  return { id: created.body.id, steps: started.body.steps };
}

/** A new party in the workshop's workspace and one member of it with the role. */
export async function partyWithMember(workshop: Workshop, origin: string, partyName: string, role = 'editor'): Promise<{ partyId: string; member: ApiClient & { userId: string } }> {
  const party = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/parties`, { name: partyName, kind: 'other' });
  const invite = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/invites`, { role, partyId: party.body.id });
  const member = await signUp(origin, `Iemand van ${partyName}`);
  const accepted = await member.post(`/api/invites/${invite.body.token}/accept`);
  if (accepted.status !== 200) throw new Error(`accept failed: ${accepted.status}`);
  return { partyId: party.body.id, member };
}
