/**
 * A secret calendar URL stops working for good when its owner leaves the workspace or is removed
 * (issue 12 item 8): the URL answers 404, its row is gone, and joining again does not bring the
 * old URL back, not even where the row outlived the leaving (a database from before rows were
 * deleted then).
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ApiClient, addMember, buildWorkshop, type Workshop } from '../helpers/apiClient';
import { startTestServer, type TestServer } from '../helpers/startTestServer';

let server: TestServer;
let workshop: Workshop;

beforeAll(async () => {
  server = await startTestServer();
  workshop = await buildWorkshop(server.origin);
});
afterAll(async () => server.stop());

/** The feed as a calendar app fetches it: no cookie, only the URL. */
const poll = async (url: string) => (await fetch(url.replace(/^https?:\/\/[^/]+/, server.origin))).status;
const feedRows = (userId: string) =>
  server.storage.sqlite.prepare('SELECT * FROM calendar_feeds WHERE workspace_id = ? AND user_id = ?').all(workshop.workspaceId, userId) as Record<string, unknown>[];

async function feedOf(member: ApiClient): Promise<string> {
  const res = await member.post(`/api/workspaces/${workshop.workspaceId}/calendar-feed`);
  expect(res.status).toBe(201);
  return res.body.url as string;
}

async function rejoin(member: ApiClient): Promise<void> {
  const invite = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/invites`, { role: 'editor', partyId: workshop.partyId });
  expect((await member.post(`/api/invites/${invite.body.token}/accept`)).status).toBe(200);
}

test('leaving ends the URL and deletes its row; joining again does not revive it; a new one works', async () => {
  const member = await addMember(workshop, server.origin, 'editor', 'Vertrekker');
  const url = await feedOf(member);
  expect(await poll(url)).toBe(200);

  expect((await member.delete(`/api/workspaces/${workshop.workspaceId}/members/${member.userId}`)).status).toBe(204);
  expect(await poll(url)).toBe(404);
  expect(feedRows(member.userId)).toEqual([]);

  await rejoin(member);
  expect(await poll(url)).toBe(404);
  const fresh = await feedOf(member);
  expect(await poll(fresh)).toBe(200);
  expect(await poll(url)).toBe(404);
});

test('being removed by an owner ends the URL the same way', async () => {
  const member = await addMember(workshop, server.origin, 'viewer', 'Verwijderd');
  const url = await feedOf(member);
  expect((await workshop.owner.delete(`/api/workspaces/${workshop.workspaceId}/members/${member.userId}`)).status).toBe(204);
  expect(await poll(url)).toBe(404);
  expect(feedRows(member.userId)).toEqual([]);
  await rejoin(member);
  expect(await poll(url)).toBe(404);
});

test('a row that outlived the leaving does not come back to life when its owner joins again', async () => {
  const member = await addMember(workshop, server.origin, 'editor', 'Oude rij');
  const url = await feedOf(member);
  const [row] = feedRows(member.userId);
  expect((await member.delete(`/api/workspaces/${workshop.workspaceId}/members/${member.userId}`)).status).toBe(204);
  // As a database written before leaving deleted the row would still hold it.
  server.storage.sqlite.prepare('INSERT INTO calendar_feeds (token_hash, workspace_id, user_id, created_at) VALUES (@token_hash, @workspace_id, @user_id, @created_at)').run(row!);
  await rejoin(member);
  expect(await poll(url)).toBe(404);
});
