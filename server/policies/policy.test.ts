import { describe, expect, test } from 'vitest';
import { roles, type Role } from '../../shared/api/roles';
import { ForbiddenError, NotFoundError } from '../errors';
import { abilitiesFor, type Action, actions, authorize, authorizeCommitmentDecision, can, canDecideCommitment } from './index';

/**
 * Who may do what, written out by hand from the issue: owners run the trajectory, editors
 * write, commenters and viewers read (commenters will comment). A change to the policy must
 * change this table too.
 */
const Y = true;
const N = false;
const table: Record<Action, Record<Role, boolean>> = {
  'workspace:read': { owner: Y, editor: Y, commenter: Y, viewer: Y },
  'workspace:update': { owner: Y, editor: N, commenter: N, viewer: N },
  'party:manage': { owner: Y, editor: N, commenter: N, viewer: N },
  'member:manage': { owner: Y, editor: N, commenter: N, viewer: N },
  'member:leave': { owner: Y, editor: Y, commenter: Y, viewer: Y },
  'invite:manage': { owner: Y, editor: N, commenter: N, viewer: N },
  'document:create': { owner: Y, editor: Y, commenter: N, viewer: N },
  'document:read': { owner: Y, editor: Y, commenter: Y, viewer: Y },
  'document:update': { owner: Y, editor: Y, commenter: N, viewer: N },
  'document:write': { owner: Y, editor: Y, commenter: N, viewer: N },
  'document:comment': { owner: Y, editor: Y, commenter: Y, viewer: N },
  'thread:resolve': { owner: Y, editor: Y, commenter: N, viewer: N },
  'comment:moderate': { owner: Y, editor: N, commenter: N, viewer: N },
  'commitment:decide': { owner: Y, editor: Y, commenter: Y, viewer: N },
  'version:create': { owner: Y, editor: Y, commenter: N, viewer: N },
  'version:restore': { owner: Y, editor: Y, commenter: N, viewer: N },
  'version:delete': { owner: Y, editor: N, commenter: N, viewer: N },
  'adoption:request': { owner: Y, editor: N, commenter: N, viewer: N },
  'adoption:sign': { owner: Y, editor: Y, commenter: Y, viewer: N },
  'audit:read': { owner: Y, editor: N, commenter: N, viewer: N },
  'session:read': { owner: Y, editor: Y, commenter: Y, viewer: Y },
  'session:manage': { owner: Y, editor: Y, commenter: N, viewer: N },
  'session:contribute': { owner: Y, editor: Y, commenter: Y, viewer: N },
};

test('the table covers exactly the actions and roles there are', () => {
  expect(Object.keys(table).sort()).toEqual([...actions].sort());
  for (const row of Object.values(table)) expect(Object.keys(row).sort()).toEqual([...roles].sort());
});

const cells = actions.flatMap((action) => roles.map((role) => [role, action, table[action][role]] as const));

describe.each(cells)('%s / %s', (role, action, allowed) => {
  test(`can() is ${allowed}`, () => {
    expect(can({ role }, action)).toBe(allowed);
  });

  test(allowed ? 'authorize() passes' : 'authorize() throws ForbiddenError (403)', () => {
    if (allowed) {
      expect(() => authorize({ role }, action)).not.toThrow();
    } else {
      expect(() => authorize({ role }, action)).toThrow(ForbiddenError);
      expect(() => authorize({ role }, action)).toThrow(expect.objectContaining({ status: 403 }));
    }
  });
});

describe.each([undefined, null])('a non-member (%s)', (membership) => {
  test.each(actions)('may not %s, and authorize() throws NotFoundError (404)', (action) => {
    expect(can(membership, action)).toBe(false);
    expect(() => authorize(membership, action)).toThrow(NotFoundError);
    expect(() => authorize(membership, action)).toThrow(expect.objectContaining({ status: 404 }));
  });

  test('has no abilities at all', () => {
    expect(Object.values(abilitiesFor(membership)).every((ability) => ability === false)).toBe(true);
  });
});

describe('abilities sent to the client follow the table', () => {
  const abilityActions = {
    readWorkspace: 'workspace:read',
    manageWorkspace: 'workspace:update',
    manageParties: 'party:manage',
    manageMembers: 'member:manage',
    manageInvites: 'invite:manage',
    createDocument: 'document:create',
    updateDocument: 'document:update',
    readDocument: 'document:read',
    writeDocument: 'document:write',
    comment: 'document:comment',
    createVersion: 'version:create',
    restoreVersion: 'version:restore',
    deleteVersion: 'version:delete',
    requestAdoption: 'adoption:request',
    signAdoption: 'adoption:sign',
    readAudit: 'audit:read',
    manageSessions: 'session:manage',
    contributeToSessions: 'session:contribute',
  } as const satisfies Record<keyof ReturnType<typeof abilitiesFor>, Action>;

  test.each(roles)('for a %s', (role) => {
    const expected = Object.fromEntries(Object.entries(abilityActions).map(([ability, action]) => [ability, table[action][role]]));
    expect(abilitiesFor({ role, party_id: 'p1' })).toEqual(expected);
    // Without a party nobody can sign on a party's behalf.
    expect(abilitiesFor({ role, party_id: null }).signAdoption).toBe(false);
  });
});

describe('commitment decisions also need the commitment\'s party', () => {
  test.each([
    ['editor of that party', { role: 'editor' as Role, party_id: 'p1' }, 'p1', true],
    ['commenter of that party', { role: 'commenter' as Role, party_id: 'p1' }, 'p1', true],
    ['owner of another party', { role: 'owner' as Role, party_id: 'p2' }, 'p1', false],
    ['viewer of that party', { role: 'viewer' as Role, party_id: 'p1' }, 'p1', false],
    ['member without a party', { role: 'owner' as Role, party_id: null }, 'p1', false],
    ['commitment without a party', { role: 'owner' as Role, party_id: 'p1' }, null, false],
  ])('%s', (_name, membership, partyId, allowed) => {
    expect(canDecideCommitment(membership, partyId)).toBe(allowed);
    if (allowed) expect(() => authorizeCommitmentDecision(membership, partyId)).not.toThrow();
    else expect(() => authorizeCommitmentDecision(membership, partyId)).toThrow(ForbiddenError);
  });
});
