import type { Repos } from '../db/repos';
import type { NameBook } from '../presenters/registers';

/** Party and member names of a workspace, to resolve ids in register rows. */
export function buildNameBook(repos: Repos, workspaceId: string): NameBook {
  return {
    parties: new Map(repos.parties.listForWorkspace(workspaceId).map((p) => [p.id, { name: p.name, color: p.color }])),
    users: new Map(repos.members.listForWorkspace(workspaceId).map((m) => [m.user_id, m.name])),
  };
}

/** Today as YYYY-MM-DD in the Netherlands, where the workshops happen. */
export function todayInAmsterdam(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
