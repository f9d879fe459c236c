/**
 * Every page of werktafel with real content, for the checks that visit them all (axe-core,
 * reflow at phone widths). The data is made through the real server: people sign up, a
 * workspace gets two parties, a second member and an open invite, a plan of approach from its
 * template gets a commitment and a criterion as well (so one document holds every kind of
 * block), two versions are kept and one is proposed for adoption. Tokens for the pages that
 * need one (invite, password reset, address verification) come from the API and the mails.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { ApiClient, signUp } from '../helpers/apiClient';
import { appendCommitment, blockElement, readViaFreshClient } from '../helpers/documents';
import { connectProvider, eventually, waitForSync } from '../helpers/providers';
import type { SmtpInbox } from '../helpers/smtpInbox';
import { DOCUMENT_FRAGMENT } from '../../shared/editor/schema';
import { t, waitConnectedAndSaved } from './steps';

export interface Visit {
  name: string;
  path: string;
  /** What to wait for (beyond a heading and no loading message) before the page counts as shown. */
  ready?: (page: Page) => Promise<void>;
}

export interface SiteTour {
  /** The signed-in owner's session cookie. */
  cookie: string;
  signedOut: Visit[];
  signedIn: Visit[];
}

/** Waits for the main heading and until nothing on the page says it is loading. */
export async function waitForPage(page: Page, visit: Visit): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await page.locator('main .loading').first().waitFor({ state: 'detached' });
  await visit.ready?.(page);
}

function linkFromMail(inbox: SmtpInbox, to: string, subject: RegExp): Promise<string> {
  return eventually(() => {
    const mail = inbox.to(to).filter((m) => subject.test(m.subject)).at(-1);
    const link = mail && /https?:\/\/\S+/.exec(mail.text)?.[0];
    if (!link) throw new Error(`no mail to ${to} matching ${subject}`);
    return link;
  }, 10_000);
}

/**
 * Adds a commitment, a criterion, an action and a reflection moment to a document through a real
 * collaboration client: the template's own blocks are examples, which the registers leave out.
 */
async function addRealBlocks(origin: string, owner: ApiClient, documentId: string, partyId: string): Promise<void> {
  const { doc, provider } = connectProvider(documentId, { cookie: owner.cookie, origin });
  try {
    await waitForSync(provider);
    appendCommitment(doc, 'tour-commitment', partyId, 'De gemeente stelt een ruimte in de wijk beschikbaar.');
    const fragment = doc.getXmlFragment(DOCUMENT_FRAGMENT);
    fragment.insert(fragment.length, [
      blockElement('criterion', { id: 'tour-criterion', kind: 'selection', category: 'experience' }, 'Ervaring met de doelgroep'),
      blockElement('action', { id: 'tour-action', ownerPartyId: partyId, due: '2027-03-15', status: 'in_progress' }, 'Ruimte in de wijk inrichten'),
      blockElement('reflection', { id: 'tour-reflection', date: '2027-06-01', status: 'planned' }, 'Terugblik na drie maanden'),
    ]);
    await eventually(async () => expect((await readViaFreshClient(origin, owner.cookie, documentId)).xml).toContain('tour-criterion'), 10_000);
  } finally {
    provider.destroy();
    doc.destroy();
  }
}

export async function buildSiteTour(origin: string, inbox: SmtpInbox): Promise<SiteTour> {
  const owner = await signUp(origin, 'Anna Gemeente');
  const verifyLink = await linkFromMail(inbox, owner.email, /Bevestig je e-mailadres/);
  const ws = (await owner.post('/api/workspaces', { name: 'Dagactivering dak- en thuislozen 2027' })).body;
  const gemeente = (await owner.post(`/api/workspaces/${ws.id}/parties`, { name: 'Gemeente Zaanstad', kind: 'municipality' })).body;
  const bewoners = (await owner.post(`/api/workspaces/${ws.id}/parties`, { name: 'Bewonersraad Poelenburg', kind: 'residents' })).body;
  await owner.patch(`/api/workspaces/${ws.id}/members/${owner.userId}`, { partyId: gemeente.id });
  const joined = (await owner.post(`/api/workspaces/${ws.id}/invites`, { role: 'editor', partyId: bewoners.id })).body;
  const resident = await signUp(origin, 'Bram Bewoner');
  expect((await resident.post(`/api/invites/${joined.token}/accept`)).status).toBe(200);
  const openInvite = (await owner.post(`/api/workspaces/${ws.id}/invites`, { role: 'commenter', partyId: bewoners.id })).body;

  const created = await owner.post(`/api/workspaces/${ws.id}/documents`, { title: 'Plan van aanpak dagactivering in de wijk Poelenburg', template: 'plan-van-aanpak' });
  expect(created.status).toBe(201);
  const documentId: string = created.body.id;
  const first = (await owner.post(`/api/documents/${documentId}/versions`, { label: 'Eerste opzet' })).body;
  await addRealBlocks(origin, owner, documentId, gemeente.id);
  const second = (await owner.post(`/api/documents/${documentId}/versions`, { label: 'Met toezegging en criterium' })).body;
  expect((await owner.post(`/api/documents/${documentId}/versions/${second.id}/adoption`, { partyIds: [gemeente.id, bewoners.id] })).status).toBe(201);

  // A running werksessie in a round, with a turn and a clock: its bar shows on the document too.
  const session = (await owner.post(`/api/workspaces/${ws.id}/sessions`, { title: 'Verkenningsbijeenkomst Poelenburg', template: 'verkenning' })).body;
  const started = (await owner.post(`/api/sessions/${session.id}/start`)).body;
  const round = started.steps.find((step: { kind: string }) => step.kind === 'round');
  expect((await owner.patch(`/api/sessions/${session.id}/state`, { stepId: round.id, turnOrder: { partyIds: [bewoners.id, gemeente.id] }, nextTurn: true })).status).toBe(200);

  expect((await new ApiClient(origin).post('/api/auth/password-reset', { email: owner.email })).status).toBe(202);
  const resetLink = await linkFromMail(inbox, owner.email, /Nieuw wachtwoord/);

  const documentPath = `/d/${documentId}`;
  const editorReady = async (page: Page) => {
    await waitConnectedAndSaved(page);
    for (const kind of ['action', 'commitment', 'reflection', 'criterion']) await page.locator(`[data-testid=editor] [data-testid=block-${kind}]`).first().waitFor();
  };
  const rows = (testId: string) => async (page: Page) => void (await page.getByTestId(testId).first().waitFor());
  return {
    cookie: owner.cookie!,
    signedOut: [
      { name: 'sign-in', path: '/inloggen' },
      { name: 'sign-up', path: '/aanmelden' },
      { name: 'forgot password', path: '/wachtwoord-vergeten' },
      { name: 'reset password', path: new URL(resetLink).pathname },
      // The first visit uses the link up; later visits show the page's "link no longer valid" state.
      { name: 'verify e-mail', path: new URL(verifyLink).pathname, ready: async (page) => void (await page.locator('main :is(.notice, [role=status], [role=alert])').first().waitFor()) },
      { name: 'invite', path: `/uitnodiging/${openInvite.token}`, ready: async (page) => void (await page.getByRole('heading', { name: t('invite.title'), level: 1 }).waitFor()) },
      { name: 'not found', path: '/bestaat-niet' },
    ],
    signedIn: [
      { name: 'home', path: '/', ready: async (page) => void (await page.getByRole('link', { name: ws.name }).waitFor()) },
      { name: 'workspace', path: `/w/${ws.id}`, ready: rows('contributions') },
      { name: 'register: actions', path: `/w/${ws.id}/acties`, ready: rows('action-row') },
      { name: 'register: commitments', path: `/w/${ws.id}/toezeggingen`, ready: rows('commitment-row') },
      { name: 'register: reflection', path: `/w/${ws.id}/reflectie`, ready: rows('reflection-row') },
      { name: 'register: criteria', path: `/w/${ws.id}/criteria`, ready: rows('criterion-row') },
      { name: 'document', path: documentPath, ready: editorReady },
      {
        name: 'document: versions',
        path: documentPath,
        ready: async (page) => {
          await editorReady(page);
          await page.getByRole('button', { name: t('version.panelTitle'), exact: true }).click();
          await page.getByTestId('version-item').first().waitFor();
        },
      },
      { name: 'contributions', path: `${documentPath}/bijdragen`, ready: rows('doc-contributions') },
      { name: 'version', path: `${documentPath}/versies/${second.id}`, ready: rows('version-content') },
      { name: 'version diff', path: `${documentPath}/versies/${first.id}/vergelijken/nu`, ready: rows('diff-entry') },
      { name: 'account', path: '/account' },
      { name: 'werksessie (chair)', path: `/sessie/${session.id}`, ready: rows('session-bar') },
    ],
  };
}
