import type { Repos } from '../storage/ports';
import type { NameBook } from '../presenters/registers';

/** Party and member names of a workspace, to resolve ids in register rows. */
export async function buildNameBook(repos: Repos, workspaceId: string): Promise<NameBook> {
  const [parties, members] = await Promise.all([repos.parties.listForWorkspace(workspaceId), repos.members.listForWorkspace(workspaceId)]);
  return {
    parties: new Map(parties.map((p) => [p.id, { name: p.name, color: p.color }])),
    users: new Map(members.map((m) => [m.user_id, m.name])),
  };
}

/** Today as YYYY-MM-DD in the Netherlands, where the workshops happen. */
export function todayInAmsterdam(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
