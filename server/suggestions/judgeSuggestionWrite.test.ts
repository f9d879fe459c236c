import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/collab/protocol';
import { DOCUMENT_FRAGMENT } from '../../shared/editor/schema';
import { judgeSuggestionWrite, type KnownSuggestion } from './judgeSuggestionWrite';
import { roomDoc } from './typedUnder';

const me = 'user-me';
const other = 'user-other';

/** The server's document (as a room holds it): one paragraph, with whatever `prepare` wrote into it. */
function serverDoc(prepare: (text: Y.XmlText) => void = () => undefined, doc = roomDoc()): Y.Doc {
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
    expect(verdict).toEqual({ ok: true, fresh: new Map([[id, 'insert']]), late: new Set(), typedOn: new Map(), revived: new Set() });
  });

  describe('proposed paragraphs', () => {
    /** A client's update that adds a paragraph after the first, with `attrs` and `text`. */
    const withParagraph = (server: Y.Doc, attrs: Record<string, string>, text?: [string, Record<string, unknown>]) =>
      updateOf(server, (doc) => {
        const paragraph = new Y.XmlElement('paragraph');
        for (const [key, value] of Object.entries(attrs)) paragraph.setAttribute(key, value);
        if (text) paragraph.insert(0, [new Y.XmlText()]);
        doc.getXmlFragment(DOCUMENT_FRAGMENT).insert(1, [paragraph]);
        if (text) (paragraph.get(0) as Y.XmlText).insert(0, text[0], text[1]);
      });

    test('a new paragraph with a fresh suggestion id, empty or with proposed words under the same id, passes and names it', () => {
      const server = serverDoc();
      const id = randomUUID();
      expect(judge(server, withParagraph(server, { suggestion: id }))).toEqual({ ok: true, fresh: new Map([[id, 'insert']]), late: new Set(), typedOn: new Map(), revived: new Set() });
      expect(judge(server, withParagraph(server, { suggestion: id }, ['Nieuw.', insertMark(id)])))
        .toEqual({ ok: true, fresh: new Map([[id, 'insert']]), late: new Set(), typedOn: new Map(), revived: new Set() });
    });

    test('a new paragraph without the attribute, with another attribute, with plain words or with another person\'s id is refused', () => {
      const server = serverDoc();
      const id = randomUUID();
      expect(judge(server, withParagraph(server, {}, ['Nieuw.', insertMark(id)]))).toMatchObject({ ok: false, code: CloseCode.suggestionsOnly });
      expect(judge(server, withParagraph(server, { suggestion: id, textAlign: 'center' }))).toMatchObject({ ok: false, code: CloseCode.suggestionsOnly });
      expect(judge(server, withParagraph(server, { suggestion: id }, ['Nieuw.', {}]))).toMatchObject({ ok: false, code: CloseCode.suggestionsOnly });
      const theirs = randomUUID();
      expect(judge(server, withParagraph(server, { suggestion: theirs }), { known: { [theirs]: open(other, 'insert') } })).toMatchObject({ ok: false, code: CloseCode.suggestionForged });
      expect(judge(server, withParagraph(server, { suggestion: 'niet-een-uuid' }))).toMatchObject({ ok: false, code: CloseCode.suggestionForged });
    });

    test('a text node with attributes inside a proposed paragraph is refused', () => {
      const server = serverDoc();
      const id = randomUUID();
      const update = updateOf(server, (doc) => {
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.setAttribute('suggestion', id);
        const text = new Y.XmlText();
        text.setAttribute('smuggled', 'ja');
        paragraph.insert(0, [text]);
        doc.getXmlFragment(DOCUMENT_FRAGMENT).insert(1, [paragraph]);
        text.insert(0, 'Nieuw.', insertMark(id));
      });
      expect(judge(server, update)).toMatchObject({ ok: false, code: CloseCode.suggestionsOnly });
    });

    test('a heading, or a paragraph where the schema allows none, is refused', () => {
      const server = serverDoc();
      const heading = updateOf(server, (doc) => {
        const element = new Y.XmlElement('heading');
        element.setAttribute('suggestion', randomUUID());
        doc.getXmlFragment(DOCUMENT_FRAGMENT).insert(1, [element]);
      });
      expect(judge(server, heading)).toMatchObject({ ok: false, code: CloseCode.suggestionsOnly });
      // Inside a paragraph: a paragraph holds text, not paragraphs.
      const nested = updateOf(server, (doc) => {
        const element = new Y.XmlElement('paragraph');
        element.setAttribute('suggestion', randomUUID());
        (doc.getXmlFragment(DOCUMENT_FRAGMENT).get(0) as Y.XmlElement).insert(1, [element]);
      });
      expect(judge(server, nested)).toMatchObject({ ok: false, code: CloseCode.suggestionsOnly });
    });

    test('text typed into one\'s own proposed paragraph passes; a paragraph is removed only when it is one\'s own open proposal', () => {
      const id = randomUUID();
      const server = serverDoc();
      Y.applyUpdate(server, withParagraph(server, { suggestion: id }));
      const known = { [id]: open(me, 'insert') };
      const typed = updateOf(server, (doc) => {
        const paragraph = doc.getXmlFragment(DOCUMENT_FRAGMENT).get(1) as Y.XmlElement;
        paragraph.insert(0, [new Y.XmlText()]);
        (paragraph.get(0) as Y.XmlText).insert(0, 'Erbij.', insertMark(id));
      });
      expect(judge(server, typed, { known })).toMatchObject({ ok: true });
      Y.applyUpdate(server, typed);
      const removeSecond = updateOf(server, (doc) => doc.getXmlFragment(DOCUMENT_FRAGMENT).delete(1, 1));
      expect(judge(server, removeSecond, { known })).toMatchObject({ ok: true });
      expect(judge(server, removeSecond, { known: { [id]: open(other, 'insert') } })).toMatchObject({ ok: false, code: CloseCode.suggestionsOnly });
      expect(judge(server, removeSecond, { known: { [id]: { ...open(me, 'insert'), status: 'accepted' } } })).toMatchObject({ ok: false, code: CloseCode.suggestionsOnly });
      const removeFirst = updateOf(server, (doc) => doc.getXmlFragment(DOCUMENT_FRAGMENT).delete(0, 1));
      expect(judge(server, removeFirst, { known })).toMatchObject({ ok: false, code: CloseCode.suggestionsOnly });
    });

    test('one\'s own proposed paragraph holding someone else\'s settled words is not removed with them', () => {
      const id = randomUUID();
      const server = serverDoc();
      Y.applyUpdate(server, withParagraph(server, { suggestion: id }, ['Van een ander.', {}]));
      const remove = updateOf(server, (doc) => doc.getXmlFragment(DOCUMENT_FRAGMENT).delete(1, 1));
      expect(judge(server, remove, { known: { [id]: open(me, 'insert') } })).toMatchObject({ ok: false, code: CloseCode.suggestionsOnly });
    });

    test('outside suggestion mode, the attribute cannot be put on or taken off an existing paragraph', () => {
      const id = randomUUID();
      const server = serverDoc();
      const put = updateOf(server, (doc) => (doc.getXmlFragment(DOCUMENT_FRAGMENT).get(0) as Y.XmlElement).setAttribute('suggestion', id));
      expect(judge(server, put, { suggestionMode: false })).toMatchObject({ ok: false, code: CloseCode.suggestionForged });
      Y.applyUpdate(server, withParagraph(server, { suggestion: id }));
      const takenOff = updateOf(server, (doc) => (doc.getXmlFragment(DOCUMENT_FRAGMENT).get(1) as Y.XmlElement).removeAttribute('suggestion'));
      expect(judge(server, takenOff, { suggestionMode: false, known: { [id]: open(other, 'insert') } })).toMatchObject({ ok: false, code: CloseCode.suggestionForged });
      // Deleting the paragraph outright is an editor's right, as deleting text is.
      const deleted = updateOf(server, (doc) => doc.getXmlFragment(DOCUMENT_FRAGMENT).delete(1, 1));
      expect(judge(server, deleted, { suggestionMode: false, known: { [id]: open(other, 'insert') } })).toMatchObject({ ok: true });
    });

    test("outside suggestion mode, a withdrawn suggestion's paragraph or words brought back (an editor's undo) revive it; in suggestion mode they do not", () => {
      const server = serverDoc();
      const id = randomUUID();
      const withdrawn = { [id]: { ...open(other, 'insert'), status: 'withdrawn' as const } };
      expect(judge(server, withParagraph(server, { suggestion: id }), { suggestionMode: false, known: withdrawn })).toMatchObject({ ok: true, revived: new Set([id]) });
      const words = updateOf(server, (doc) => textOf(doc).insert(4, 'weer ', insertMark(id)));
      expect(judge(server, words, { suggestionMode: false, known: withdrawn })).toMatchObject({ ok: true, revived: new Set([id]), fresh: new Map() });
      expect(judge(server, words, { suggestionMode: true, known: withdrawn })).toMatchObject({ ok: false, code: CloseCode.suggestionForged });
      // A decided one is not revived.
      const accepted = { [id]: { ...open(other, 'insert'), status: 'accepted' as const } };
      expect(judge(server, words, { suggestionMode: false, known: accepted })).toMatchObject({ ok: false, code: CloseCode.suggestionForged });
    });

    test('outside suggestion mode, a new proposed paragraph takes a fresh or open id, never a decided one of someone else', () => {
      const server = serverDoc();
      const id = randomUUID();
      expect(judge(server, withParagraph(server, { suggestion: id }), { suggestionMode: false })).toMatchObject({ ok: true, fresh: new Map([[id, 'insert']]) });
      expect(judge(server, withParagraph(server, { suggestion: id }), { suggestionMode: false, known: { [id]: open(other, 'insert') } })).toMatchObject({ ok: true });
      const decided = { [id]: { ...open(other, 'insert'), status: 'rejected' as const } };
      expect(judge(server, withParagraph(server, { suggestion: id }), { suggestionMode: false, known: decided })).toMatchObject({ ok: false, code: CloseCode.suggestionForged });
    });
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
    expect(judge(server, updateOf(server, (doc) => textOf(doc).insert(0, 'Weer ', insertMark(id))), { known: mine })).toEqual({ ok: true, fresh: new Map(), late: new Set([id]), typedOn: new Map(), revived: new Set() });
    const theirs = { [id]: { userId: other, kind: 'insert' as const, status: 'accepted' as const } };
    expect(judge(server, updateOf(server, (doc) => textOf(doc).insert(0, 'Weer ', insertMark(id))), { known: theirs })).toMatchObject({ ok: false, code: CloseCode.suggestionForged });
    const otherKind = { [id]: { userId: me, kind: 'delete' as const, status: 'rejected' as const } };
    expect(judge(server, updateOf(server, (doc) => textOf(doc).insert(0, 'Weer ', insertMark(id))), { known: otherKind })).toMatchObject({ ok: false, code: CloseCode.suggestionForged });
  });
});

/**
 * The insert race: the sender typed an insertion X keystroke by keystroke, X was decided on the
 * server, and before their replica heard of it they typed on (Yjs writes no format item for a
 * character typed with the formatting in force: it carries X by position only).
 */
describe('typing on after an own insertion that was decided meanwhile', () => {
  const decided = (userId: string, status: 'accepted' | 'rejected' = 'accepted'): KnownSuggestion => ({ userId, kind: 'insert', status });

  /** The sender's replica, its insertion X ('abc ' at 4) as the server has it, and the server. */
  function typedInsertion(server = serverDoc()) {
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const x = randomUUID();
    for (const [offset, character] of [...'abc '].entries()) textOf(client).insert(4 + offset, character, insertMark(x));
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)));
    return { server, client, x };
  }

  /** What the replica sends after `edit`, written before it heard of anything since. */
  function sent(client: Y.Doc, edit: (text: Y.XmlText) => void): Uint8Array {
    const before = Y.encodeStateVector(client);
    edit(textOf(client));
    return Y.encodeStateAsUpdate(client, before);
  }

  const accept = (server: Y.Doc) => textOf(server).format(4, 4, { suggestionInsert: null });
  const reject = (server: Y.Doc) => textOf(server).delete(4, 4);
  const plain = { ok: false, code: CloseCode.suggestionsOnly, why: 'text inserted without an insertion mark' };

  test('characters typed on after the accepted insertion pass as typed on, named by their Yjs ids', () => {
    const { server, client, x } = typedInsertion();
    accept(server);
    // 'd', a typo taken back, and 'e': 'e' follows the deleted typo, which follows 'd'. Clocks:
    // X's opening format 0, 'a' 1, X's closing format 2, 'b' 3, 'c' 4, ' ' 5, 'd' 6, typo 7, 'e' 8.
    const update = sent(client, (text) => {
      text.insert(8, 'd', insertMark(x));
      text.insert(9, 'x', insertMark(x));
      text.delete(9, 1);
      text.insert(9, 'e', insertMark(x));
    });
    const verdict = judge(server, update, { known: { [x]: decided(me) } });
    const at = (clock: number) => ({ client: client.clientID, clock, length: 1 });
    expect(verdict).toEqual({ ok: true, fresh: new Map(), late: new Set(), typedOn: new Map([[x, [at(6), at(8)]]]), revived: new Set() });
  });

  test('so do characters typed on after a rejected insertion, whose text is deleted, and inside the accepted text', () => {
    const rejected = typedInsertion();
    reject(rejected.server);
    const afterRejected = sent(rejected.client, (text) => text.insert(8, 'd', insertMark(rejected.x)));
    expect(judge(rejected.server, afterRejected, { known: { [rejected.x]: decided(me, 'rejected') } })).toMatchObject({ ok: true, typedOn: new Map([[rejected.x, [expect.anything()]]]) });

    const inside = typedInsertion();
    accept(inside.server);
    const betweenB_C = sent(inside.client, (text) => text.insert(6, 'X', insertMark(inside.x)));
    expect(judge(inside.server, betweenB_C, { known: { [inside.x]: decided(me) } })).toMatchObject({ ok: true, typedOn: new Map([[inside.x, [expect.anything()]]]) });
  });

  test("after another person's decided insertion, or after an id the server has as a removal or not at all, the same characters are refused", () => {
    for (const known of [decided(other), decided(other, 'rejected'), { userId: me, kind: 'delete' as const, status: 'accepted' as const }]) {
      const { server, client, x } = typedInsertion();
      accept(server);
      const update = sent(client, (text) => text.insert(8, 'd', insertMark(x)));
      expect(judge(server, update, { known: { [x]: known } })).toEqual(plain);
    }
    // Unknown to the server: nothing to go on.
    const { server, client, x } = typedInsertion();
    accept(server);
    expect(judge(server, sent(client, (text) => text.insert(8, 'd', insertMark(x))))).toEqual(plain);
  });

  test('plain text elsewhere in the same update is refused, and so is plain text written once the decision had arrived, after the accepted text', () => {
    const elsewhere = typedInsertion();
    accept(elsewhere.server);
    const update = sent(elsewhere.client, (text) => {
      text.insert(8, 'd', insertMark(elsewhere.x));
      text.insert(0, 'GEWOON ');
    });
    expect(judge(elsewhere.server, update, { known: { [elsewhere.x]: decided(me) } })).toEqual(plain);

    // Knowing the acceptance, a raw client that writes plain text after the accepted text
    // follows the format item that closed X: that is ordinary text, and refused.
    const informed = typedInsertion();
    accept(informed.server);
    Y.applyUpdate(informed.client, Y.encodeStateAsUpdate(informed.server));
    const written = sent(informed.client, (text) => text.insert(8, 'GEWOON'));
    expect(judge(informed.server, written, { known: { [informed.x]: decided(me) } })).toEqual(plain);
  });

  test('a typed-on character under another person\'s removal mark is new text with a removal mark, refused', () => {
    const { server, client, x } = typedInsertion();
    accept(server);
    const theirs = randomUUID();
    textOf(server).format(4, 4, deleteMark(theirs));
    const update = sent(client, (text) => text.insert(8, 'd', insertMark(x)));
    expect(judge(server, update, { known: { [x]: decided(me), [theirs]: open(other, 'delete') } })).toEqual({ ok: false, code: CloseCode.suggestionsOnly, why: 'new text with a removal mark' });
  });

  test('without the deleted format items the room keeps, what the character was typed under is unknown and it is refused', () => {
    const { server, client, x } = typedInsertion(serverDoc(undefined, new Y.Doc({ gc: true })));
    accept(server);
    const update = sent(client, (text) => text.insert(8, 'd', insertMark(x)));
    expect(judge(server, update, { known: { [x]: decided(me) } })).toEqual(plain);
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
