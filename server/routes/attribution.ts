import { Hono } from 'hono';
import type { DocumentAuthor, DocumentContributions } from '../../shared/api/attribution';
import type { AppEnv, Services } from '../context';
import { authorize } from '../policies';
import { buildNameBook } from '../registers/nameBook';
import { partyTotals } from '../versions/partyTotals';
import { loadDocument } from './loaders';

/** Mounted at /api/documents/:id: who wrote what, per party. */
export function attributionRoutes(services: Services) {
  const { repos, attribution } = services;

  return new Hono<AppEnv>()
    .get('/contributions', (c) => {
      const { document, workspace, membership } = loadDocument(c, services, c.req.param('id')!);
      authorize(membership, 'document:read');
      attribution.summarise(document.id);
      const rows = repos.attribution.totals(document.id);
      const names = buildNameBook(repos, workspace.id);
      const blocks = repos.blocks
        .listAllForWorkspace(workspace.id)
        .filter((b) => b.document_id === document.id)
        .map((b) => ({ kind: b.kind, a: JSON.parse(b.attrs) as Record<string, unknown> }));
      const totals = new Map(partyTotals(rows).map((t) => [t.partyId, t]));
      const parties = repos.parties.listForWorkspace(workspace.id).map((party) => {
        const total = totals.get(party.id);
        return {
          partyId: party.id,
          partyName: party.name,
          color: party.color,
          charsInserted: total?.charsInserted ?? 0,
          charsDeleted: total?.charsDeleted ?? 0,
          updates: total?.updates ?? 0,
          blocksProposed: blocks.filter(({ a }) => a.createdByParty === party.id).length,
          commitmentsMade: blocks.filter(({ a, kind }) => kind === 'commitment' && a.partyId === party.id && a.status !== 'withdrawn').length,
        };
      });
      const timeline = rows.map((r) => ({
        day: r.day,
        partyId: r.party_id || null,
        userId: r.user_id,
        userName: names.users.get(r.user_id) ?? null,
        charsInserted: r.chars_inserted,
        charsDeleted: r.chars_deleted,
      }));
      return c.json({ parties, timeline } satisfies DocumentContributions);
    })
    .get('/authors', (c) => {
      const { document, workspace, membership } = loadDocument(c, services, c.req.param('id')!);
      authorize(membership, 'document:read');
      attribution.summarise(document.id);
      const names = buildNameBook(repos, workspace.id);
      return c.json(
        repos.attribution.clients(document.id).map((row) => ({
          clientId: row.client_id,
          userId: row.user_id,
          userName: names.users.get(row.user_id) ?? null,
          partyId: row.party_id,
          partyName: row.party_id ? (names.parties.get(row.party_id)?.name ?? null) : null,
          color: row.party_id ? (names.parties.get(row.party_id)?.color ?? null) : null,
        } satisfies DocumentAuthor)),
      );
    });
}
