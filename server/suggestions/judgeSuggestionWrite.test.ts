import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/collab/protocol';
import { DOCUMENT_FRAGMENT } from '../../shared/editor/schema';
import { judgeSuggestionWrite, type KnownSuggestion } from './judgeSuggestionWrite';

const me = 'user-me';
const other = 'user-other';

/** The server's document: one paragraph, with whatever `prepare` wrote into it. */
function serverDoc(prepare: (text: Y.XmlText) => void = () => undefined): Y.Doc {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText('Wij vragen twee ruimtes.')]);
  doc.getXmlFragment(DOCUMENT_FRAGMENT).insert(0, [paragraph]);
  prepare(textOf(doc));
  return doc;
}

function textOf(doc: Y.Doc): Y.XmlText {
  return (doc.getXmlFragment(DOCUMENT_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

/** What a client in step with the server sends after `edit`. */
function updateOf(server: Y.Doc, edit: (doc: Y.Doc) => void): Uint8Array {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  edit(client);
  return Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
}

function judge(server: Y.Doc, update: Uint8Array, { suggestionMode = true, known = {} as Record<string, KnownSuggestion> } = {}) {
  return judgeSuggestionWrite(server, update, { userId: me, suggestionMode, known: (id) => known[id] });
}

const insertMark = (suggestionId: string) => ({ suggestionInsert: { suggestionId } });
const deleteMark = (suggestionId: string) => ({ suggestionDelete: { suggestionId } });
const open = (userId: string, kind: 'insert' | 'delete'): KnownSuggestion => ({ userId, kind, status: 'open' });

describe('in suggestion mode', () => {
  test('new text under a fresh insertion id passes and names the id', () => {
    const server = serverDoc();
    const id = randomUUID();
    const verdict = judge(server, updateOf(server, (doc) => textOf(doc).insert(4, 'graag ', insertMark(id))));
    expect(verdict).toEqual({ ok: true, fresh: new Map([[id, 'insert']]), late: new Set() });
  });

  test('a new paragraph is structure and refused, even when its text is a suggestion', () => {
    const server = serverDoc();
    const verdict = judge(
      server,
      updateOf(server, (doc) => {
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText()]);
        doc.getXmlFragment(DOCUMENT_FRAGMENT).insert(1, [paragraph]);
        (paragraph.get(0) as Y.XmlText).insert(0, 'Nieuw.', insertMark(randomUUID()));
      }),
    );
    expect(verdict).toMatchObject({ ok: false, code: CloseCode.suggestionsOnly });
  });

  test('an attribute of an element is refused', () => {
    const server = serverDoc();
    const verdict = judge(server, updateOf(server, (doc) => (doc.getXmlFragment(DOCUMENT_FRAGMENT).get(0) as Y.XmlElement).setAttribute('textAlign', 'center')));
    expect(verdict).toMatchObject({ ok: false, code: CloseCode.suggestionsOnly });
  });

  test('attributes a block is rewritten with as they were, or with the schema default of an absent one, are no change', () => {
    // A commitment stored without `example` (false by default), as older blocks are: the
    // editor's binding writes it, and every attribute again, when someone types inside.
    const server = new Y.Doc();
    const commitment = new Y.XmlElement('commitment');
    commitment.setAttribute('id', 'c1');
    commitment.setAttribute('partyId', 'p1');
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('De gemeente levert twee ruimtes.')]);
    commitment.insert(0, [paragraph]);
    server.getXmlFragment(DOCUMENT_FRAGMENT).insert(0, [commitment]);
    const blockOf = (doc: Y.Doc) => doc.getXmlFragment(DOCUMENT_FRAGMENT).get(0) as Y.XmlElement;
    const typing = (doc: Y.Doc) => ((blockOf(doc).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(31, ' per week', insertMark(randomUUID()));
    const rewrite = (attrs: Record<string, unknown>) => (doc: Y.Doc) => {
      for (const [key, value] of Object.entries(attrs)) blockOf(doc).setAttribute(key, value as string);
      typing(doc);
    };
    expect(judge(server, updateOf(server, rewrite({ id: 'c1', partyId: 'p1', example: false })))).toMatchObject({ ok: true });
    expect(judge(server, updateOf(server, rewrite({ example: true })))).toMatchObject({ ok: false, code: CloseCode.suggestionsOnly });
    expect(judge(server, updateOf(server, rewrite({ partyId: 'p2' })))).toMatchObject({ ok: false, code: CloseCode.suggestionsOnly });
    expect(judge(server, updateOf(server, rewrite({ madeUp: 'x' })))).toMatchObject({ ok: false, code: CloseCode.suggestionsOnly });
  });

  test('an update that waits for items the server does not have is refused', () => {
    const server = serverDoc();
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    textOf(client).insert(0, 'A', insertMark(randomUUID()));
    const first = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
    Y.applyUpdate(server, first);
    const afterFirst = Y.encodeStateVector(client);
    textOf(client).insert(0, 'GEWOON ');
    // Only the second half: it builds on the first, which a fresh server copy lacks.
    const second = Y.encodeStateAsUpdate(client, afterFirst);
    const behind = serverDoc();
    expect(judge(behind, second)).toMatchObject({ ok: false, code: CloseCode.suggestionsOnly });
  });

  test('plain text that continues the sender\'s own item (Yjs merges it into that item afterwards) is judged as new and refused', () => {
    const server = serverDoc();
    // Written while this person could write; the same replica, so the next clock follows on.
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    textOf(client).insert(0, 'Ja. ');
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)));
    const known = Y.encodeStateVector(server);
    textOf(client).insert(4, 'GEWOON ');
    expect(judge(server, Y.encodeStateAsUpdate(client, known))).toMatchObject({ ok: false, code: CloseCode.suggestionsOnly });
  });

  test('deleting inside an own open insertion passes; inside someone else\'s it is refused', () => {
    const mine = randomUUID();
    const theirs = randomUUID();
    const server = serverDoc((text) => {
      text.insert(0, 'Mijn ', insertMark(mine));
      text.insert(5, 'Hun ', insertMark(theirs));
    });
    const known = { [mine]: open(me, 'insert'), [theirs]: open(other, 'insert') };
    expect(judge(server, updateOf(server, (doc) => textOf(doc).delete(0, 2)), { known })).toMatchObject({ ok: true });
    expect(judge(server, updateOf(server, (doc) => textOf(doc).delete(5, 2)), { known })).toMatchObject({ ok: false, code: CloseCode.suggestionsOnly });
  });

  test('an own removal mark may be withdrawn; another person\'s may not', () => {
    const mine = randomUUID();
    const theirs = randomUUID();
    const server = serverDoc((text) => {
      text.format(0, 3, deleteMark(mine));
      text.format(4, 6, deleteMark(theirs));
    });
    const known = { [mine]: open(me, 'delete'), [theirs]: open(other, 'delete') };
    expect(judge(server, updateOf(server, (doc) => textOf(doc).format(0, 3, { suggestionDelete: null })), { known })).toMatchObject({ ok: true });
    expect(judge(server, updateOf(server, (doc) => textOf(doc).format(4, 6, { suggestionDelete: null })), { known })).toMatchObject({ ok: false, code: CloseCode.suggestionForged });
  });

  test('a fresh id must look like one the client makes, and is one kind only', () => {
    const server = serverDoc();
    expect(judge(server, updateOf(server, (doc) => textOf(doc).insert(0, 'X', insertMark('x'.repeat(5000)))))).toMatchObject({ ok: false, code: CloseCode.suggestionForged });
    const id = randomUUID();
    const both = updateOf(server, (doc) => {
      textOf(doc).insert(0, 'Nieuw ', insertMark(id));
      textOf(doc).format(10, 3, deleteMark(id));
    });
    expect(judge(server, both)).toMatchObject({ ok: false, code: CloseCode.suggestionForged });
  });

  test('a decided suggestion\'s id written again by its author passes as late (the guard moves it to a fresh id); by anyone else it is forged', () => {
    const id = randomUUID();
    const server = serverDoc();
    const mine = { [id]: { userId: me, kind: 'insert' as const, status: 'accepted' as const } };
    expect(judge(server, updateOf(server, (doc) => textOf(doc).insert(0, 'Weer ', insertMark(id))), { known: mine })).toEqual({ ok: true, fresh: new Map(), late: new Set([id]) });
    const theirs = { [id]: { userId: other, kind: 'insert' as const, status: 'accepted' as const } };
    expect(judge(server, updateOf(server, (doc) => textOf(doc).insert(0, 'Weer ', insertMark(id))), { known: theirs })).toMatchObject({ ok: false, code: CloseCode.suggestionForged });
    const otherKind = { [id]: { userId: me, kind: 'delete' as const, status: 'rejected' as const } };
    expect(judge(server, updateOf(server, (doc) => textOf(doc).insert(0, 'Weer ', insertMark(id))), { known: otherKind })).toMatchObject({ ok: false, code: CloseCode.suggestionForged });
  });
});

describe('for an editor writing directly', () => {
  test('plain edits and typing inside someone\'s open suggestion pass', () => {
    const theirs = randomUUID();
    const server = serverDoc((text) => text.insert(0, 'Hun voorstel ', insertMark(theirs)));
    const known = { [theirs]: open(other, 'insert') };
    const update = updateOf(server, (doc) => {
      textOf(doc).insert(4, 'eigen ', insertMark(theirs));
      textOf(doc).delete(20, 3);
    });
    expect(judge(server, update, { suggestionMode: false, known })).toMatchObject({ ok: true });
  });

  test('an insertion mark put on words that were there is refused', () => {
    const server = serverDoc();
    expect(judge(server, updateOf(server, (doc) => textOf(doc).format(0, 3, insertMark(randomUUID()))), { suggestionMode: false })).toMatchObject({
      ok: false,
      code: CloseCode.suggestionForged,
    });
  });
});
