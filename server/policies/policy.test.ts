import { describe, expect, test } from 'vitest';
import { roles, type Role } from '../../shared/api/roles';
import { ForbiddenError, NotFoundError } from '../errors';
import { abilitiesFor, type Action, actions, authorize, authorizeCommitmentDecision, authorizeSuggestionDecision, can, canDecideCommitment, collabAbilitiesFor, isSuggestionMode } from './index';

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

describe('suggestion mode follows the actions: who may comment but not write only suggests', () => {
  test.each([
    ['viewer', false, { writeText: false, suggest: false, mode: false }],
    ['commenter', false, { writeText: false, suggest: true, mode: true }],
    ['commenter', true, { writeText: false, suggest: true, mode: true }],
    ['editor', false, { writeText: true, suggest: true, mode: false }],
    ['editor', true, { writeText: false, suggest: true, mode: true }],
    ['owner', true, { writeText: false, suggest: true, mode: true }],
  ] as const)('%s (asked for suggestion mode: %s)', (role, asked, expected) => {
    const abilities = collabAbilitiesFor({ role: role as Role }, asked);
    expect({ writeText: abilities.writeText, suggest: abilities.suggest, mode: isSuggestionMode(abilities) }).toEqual(expected);
  });
});

describe('suggestion decisions: writers in ordinary text, the commitment\'s party inside one', () => {
  const ordinary = { inOrdinaryText: true, commitmentPartyIds: [] };
  const inCommitment = { inOrdinaryText: false, commitmentPartyIds: ['p1'] };
  test.each([
    ['editor, ordinary text', { role: 'editor' as Role, party_id: 'p2' }, ordinary, null],
    ['commenter, ordinary text', { role: 'commenter' as Role, party_id: 'p1' }, ordinary, 'forbidden'],
    ['viewer, ordinary text', { role: 'viewer' as Role, party_id: 'p1' }, ordinary, 'forbidden'],
    ['editor of that party, commitment', { role: 'editor' as Role, party_id: 'p1' }, inCommitment, null],
    ['commenter of that party, commitment', { role: 'commenter' as Role, party_id: 'p1' }, inCommitment, null],
    ['owner of another party, commitment', { role: 'owner' as Role, party_id: 'p2' }, inCommitment, 'not_your_party'],
    ['commenter of that party, commitment and ordinary text', { role: 'commenter' as Role, party_id: 'p1' }, { inOrdinaryText: true, commitmentPartyIds: ['p1'] }, 'forbidden'],
  ])('%s', (_name, membership, place, refusal) => {
    if (refusal === null) expect(() => authorizeSuggestionDecision(membership, place)).not.toThrow();
    else expect(() => authorizeSuggestionDecision(membership, place)).toThrow(expect.objectContaining({ code: refusal }));
  });
  test('someone who is not a member gets a 404', () => {
    expect(() => authorizeSuggestionDecision(undefined, ordinary)).toThrow(NotFoundError);
  });
});
