import { describe, expect, test } from 'vitest';
import { guestRole, roles, type MemberRole, type Role } from '../../shared/api/roles';

/** Every role a membership can have: the assignable ones and a werksessie's guest. */
const memberRoles: readonly MemberRole[] = [...roles, guestRole];
import { ForbiddenError, NotFoundError } from '../errors';
import { abilitiesFor, type Action, actions, authorize, authorizeCommitmentDecision, authorizeSuggestionDecision, can, canDecideCommitment, collabAbilitiesFor, isSuggestionMode } from './index';

/**
 * Who may do what, written out by hand from the issue: owners run the trajectory, editors
 * write, commenters and viewers read (commenters will comment), guests of a werksessie read,
 * comment and take part but never write, export or manage. A change to the policy must
 * change this table too.
 */
const Y = true;
const N = false;
const table: Record<Action, Record<MemberRole, boolean>> = {
  'workspace:read': { owner: Y, editor: Y, commenter: Y, viewer: Y , guest: Y },
  'workspace:update': { owner: Y, editor: N, commenter: N, viewer: N , guest: N },
  'party:manage': { owner: Y, editor: N, commenter: N, viewer: N , guest: N },
  'member:manage': { owner: Y, editor: N, commenter: N, viewer: N , guest: N },
  'member:leave': { owner: Y, editor: Y, commenter: Y, viewer: Y , guest: N },
  'invite:manage': { owner: Y, editor: N, commenter: N, viewer: N , guest: N },
  'document:create': { owner: Y, editor: Y, commenter: N, viewer: N , guest: N },
  'document:read': { owner: Y, editor: Y, commenter: Y, viewer: Y, guest: Y },
  'document:export': { owner: Y, editor: Y, commenter: Y, viewer: Y, guest: N },
  'document:update': { owner: Y, editor: Y, commenter: N, viewer: N , guest: N },
  'document:write': { owner: Y, editor: Y, commenter: N, viewer: N , guest: N },
  'document:comment': { owner: Y, editor: Y, commenter: Y, viewer: N , guest: Y },
  'thread:resolve': { owner: Y, editor: Y, commenter: N, viewer: N , guest: N },
  'comment:moderate': { owner: Y, editor: N, commenter: N, viewer: N , guest: N },
  'commitment:decide': { owner: Y, editor: Y, commenter: Y, viewer: N , guest: N },
  'version:create': { owner: Y, editor: Y, commenter: N, viewer: N , guest: N },
  'version:restore': { owner: Y, editor: Y, commenter: N, viewer: N , guest: N },
  'version:delete': { owner: Y, editor: N, commenter: N, viewer: N , guest: N },
  'adoption:request': { owner: Y, editor: N, commenter: N, viewer: N , guest: N },
  'adoption:sign': { owner: Y, editor: Y, commenter: Y, viewer: N , guest: N },
  'audit:read': { owner: Y, editor: N, commenter: N, viewer: N , guest: N },
  'session:read': { owner: Y, editor: Y, commenter: Y, viewer: Y , guest: Y },
  'session:manage': { owner: Y, editor: Y, commenter: N, viewer: N , guest: N },
  'session:contribute': { owner: Y, editor: Y, commenter: Y, viewer: N , guest: Y },
};

test('the table covers exactly the actions and roles there are', () => {
  expect(Object.keys(table).sort()).toEqual([...actions].sort());
  for (const row of Object.values(table)) expect(Object.keys(row).sort()).toEqual([...memberRoles].sort());
});

const cells = actions.flatMap((action) => memberRoles.map((role) => [role, action, table[action][role]] as const));

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

  test.each(memberRoles)('for a %s', (role) => {
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
