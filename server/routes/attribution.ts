import { Hono } from 'hono';
import type { DocumentAuthor, DocumentContributions } from '../../shared/api/attribution';
import type { AppEnv, Services } from '../context';
import { authorize } from '../policies';
import { liveAttribution } from '../attribution/liveAttribution';
import { parseBlockRow } from '../registers/blockRow';
import { buildNameBook } from '../registers/nameBook';
import { partyTotals } from '../versions/partyTotals';
import { loadDocument } from './loaders';

/** Mounted at /api/documents/:id: who wrote what, per party. */
export function attributionRoutes(services: Services) {
  const { repos } = services;

  return new Hono<AppEnv>()
    .get('/contributions', async (c) => {
      const { document, workspace, membership } = await loadDocument(c, services, c.req.param('id')!);
      authorize(membership, 'document:read');
      const rows = (await liveAttribution(repos, document.id)).totals;
      const names = await buildNameBook(repos, workspace.id);
      const blocks = (await repos.blocks.listAllForWorkspace(workspace.id))
        .filter((b) => b.document_id === document.id)
        .map(parseBlockRow);
      const totals = new Map(partyTotals(rows).map((t) => [t.partyId, t]));
      const parties = (await repos.parties.listForWorkspace(workspace.id)).map((party) => {
        const total = totals.get(party.id);
        return {
          partyId: party.id,
          partyName: party.name,
          color: party.color,
          charsInserted: total?.charsInserted ?? 0,
          charsDeleted: total?.charsDeleted ?? 0,
          updates: total?.updates ?? 0,
          blocksProposed: blocks.filter((b) => b.attrs.createdByParty === party.id).length,
          commitmentsMade: blocks.filter((b) => b.kind === 'commitment' && b.attrs.partyId === party.id && b.attrs.status !== 'withdrawn').length,
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
    .get('/authors', async (c) => {
      const { document, workspace, membership } = await loadDocument(c, services, c.req.param('id')!);
      authorize(membership, 'document:read');
      const { clients } = await liveAttribution(repos, document.id);
      const names = await buildNameBook(repos, workspace.id);
      return c.json(
        clients.map((row) => ({
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
