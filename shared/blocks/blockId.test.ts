import { describe, expect, test } from 'vitest';
import { translate, type MessageKey } from '../i18n/translate';
import { validateBlockAttrs } from './attrs';

const action = (id: unknown) => validateBlockAttrs('action', { id, status: 'open', funding: 'unknown' });

describe('block ids', () => {
  test("the ids real clients make are valid: the editor's UUIDs, the server's base32 ids, readable test ids", () => {
    // 120 random bits in lower-case base32, as server/storage/ids.ts makes them for templates.
    const serverId = 'mfrggzdfmztwq2lknnwg23tp';
    for (const id of [crypto.randomUUID(), serverId, 'actie-1', 'commit_2', 'a'.repeat(64)]) expect(action(id).valid, id).toBe(true);
  });

  test.each([
    ['a line break with a calendar line behind it', 'x\r\nATTACH:https://aanvaller.example/f.exe'],
    ['a lone carriage return', 'x\rUID:vals'],
    ['a quote and markup', 'blk-"><script>alert(1)</script>'],
    ['a space', 'blok 1'],
    ['a formula', '=HYPERLINK("https://aanvaller.example")'],
    ['a fragment separator', 'a#b'],
    ['a non-ASCII letter', 'blök'],
    ['65 characters', 'a'.repeat(65)],
  ])('an id with %s is invalid, with a message on the id', (_name, id) => {
    const result = action(id);
    expect(result.valid).toBe(false);
    if (!result.valid) expect(translate('nl', result.issues.id as MessageKey)).toMatch(/blok-id/);
  });
});
