import { Hono } from 'hono';
import type { AcceptedInvite, CreatedInvite, InvitePreview } from '../../shared/api/workspaces';
import { createInviteReq } from '../../shared/api/schemas';
import { generateSessionToken, hashToken } from '../auth/sessionTokens';
import { redeemInvite } from '../auth/redeemInvite';
import type { AppEnv, Services } from '../context';
import { ForbiddenError, GoneError, NotFoundError, TooManyRequestsError, ValidationError } from '../errors';
import { requireUser } from '../http/session';
import { parseBody } from '../http/validate';
import { authorize } from '../policies';
import { presentInvite, presentParty } from '../presenters';
import { loadInvite, loadWorkspace, usableOrRefused } from './loaders';
import { appLink, deliverLater } from '../mail/deliver';
import { formatMailDate, mails } from '../mail/messages';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Mounted at /api/workspaces/:id/invites: the owner's side. */
export function workspaceInviteRoutes(services: Services) {
  const { repos } = services;

  return new Hono<AppEnv>()
    .post('/', async (c) => {
      const user = requireUser(c);
      const { workspace, membership } = await loadWorkspace(c, services, c.req.param('id')!);
      authorize(membership, 'invite:manage');
      const body = await parseBody(c, createInviteReq);
      if (body.email) {
        // werktafel mails in the inviter's name: only for someone whose own address is theirs,
        // and not without end.
        if (user.email_verified_at === null) throw new ForbiddenError('error.verifyEmailFirst', 'verify_email_first');
        const wait = services.mailsToOthers.take(user.id);
        if (wait > 0) throw new TooManyRequestsError(wait, 'error.tooManyInviteMails');
      }
      const party = await repos.parties.findById(body.partyId);
      if (!party || party.workspace_id !== workspace.id) throw new ValidationError({ partyId: 'error.partyFromWorkspace' });
      // Same strength as a session token; only the hash is stored, so the link is shown once.
      const token = generateSessionToken();
      const invite = await repos.invites.create({
        workspace_id: workspace.id,
        token_hash: hashToken(token),
        role: body.role,
        party_id: party.id,
        expires_at: Date.now() + body.expiresInDays * DAY_MS,
        max_uses: body.maxUses,
        created_by: user.id,
        email: body.email ?? null,
      });
      const url = appLink(services, `/uitnodiging/${token}`);
      if (body.email) {
        const language = body.language ?? user.language;
        const expires = formatMailDate(invite.expires_at, language, services.config.timeZone);
        deliverLater(services, { to: body.email, ...mails.invite[language](user.name, workspace.name, party.name, url, expires) }, 'invite');
      }
      await repos.auditLog.record({
        workspaceId: workspace.id,
        documentId: null,
        userId: user.id,
        action: 'invite.create',
        // Whether it was mailed, not to whom: the audit log keeps no addresses.
        detail: { inviteId: invite.id, role: invite.role, partyId: invite.party_id, maxUses: invite.max_uses, mailed: Boolean(body.email) },
      });
      return c.json({ ...presentInvite(invite), token, url } satisfies CreatedInvite, 201);
    })
    .delete('/:inviteId', async (c) => {
      const user = requireUser(c);
      const { workspace, membership } = await loadWorkspace(c, services, c.req.param('id')!);
      authorize(membership, 'invite:manage');
      const invite = await repos.invites.findById(c.req.param('inviteId'));
      if (!invite || invite.workspace_id !== workspace.id) throw new NotFoundError();
      await repos.invites.revoke(invite.id);
      await repos.auditLog.record({ workspaceId: workspace.id, documentId: null, userId: user.id, action: 'invite.revoke', detail: { inviteId: invite.id } });
      return c.body(null, 204);
    });
}

/** Mounted at /api/invites: the invited person's side. */
export function inviteRoutes(services: Services) {
  const { repos } = services;

  const loadUsableInvite = (token: string) => loadInvite(repos, token);

  return new Hono<AppEnv>()
    .get('/:token', async (c) => {
      const invite = await loadUsableInvite(c.req.param('token'));
      const workspace = (await repos.workspaces.findById(invite.workspace_id))!;
      const party = (await repos.parties.findById(invite.party_id))!;
      return c.json({
        workspace: { id: workspace.id, name: workspace.name },
        role: invite.role,
        party: presentParty(party),
        expiresAt: new Date(invite.expires_at).toISOString(),
      } satisfies InvitePreview);
    })
    .post('/:token/accept', async (c) => {
      const user = requireUser(c);
      // Accepting twice is harmless and uses nothing up; the existing role stays. That holds for
      // a link its own sign-up used up as well (signing up with an invite's token joins at once).
      const known = await repos.invites.findByTokenHash(hashToken(c.req.param('token')));
      const existing = known && known.revoked_at === null ? await repos.members.find(known.workspace_id, user.id) : undefined;
      if (known && existing) return c.json({ workspaceId: known.workspace_id, role: existing.role, partyId: existing.party_id } satisfies AcceptedInvite);
      const invite = usableOrRefused(known);
      if (!(await redeemInvite(services, invite, user.id))) throw new GoneError('invite_used_up', 'error.inviteJustUsedUp');
      return c.json({ workspaceId: invite.workspace_id, role: invite.role, partyId: invite.party_id } satisfies AcceptedInvite);
    });
}
