import { randomUUID } from 'node:crypto';
import type { Node as PmNode } from '@tiptap/pm/model';
import { EditorState, TextSelection, type Transaction } from '@tiptap/pm/state';
import { initProseMirrorDoc, prosemirrorJSONToYXmlFragment, updateYFragment } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../../shared/collab/protocol';
import { DOCUMENT_FRAGMENT, documentSchema } from '../../../shared/editor/schema';
import type { SuggestionKind } from '../../../shared/suggestions/suggestionMarks';
import { judgeSuggestionWrite, type KnownSuggestion } from '../../../server/suggestions/judgeSuggestionWrite';
import { exactTextWrites, type BindingMapping } from './exactTextWrites';
import { suggestInsertion, suggestParagraph, suggestRemoval, type SuggestContext } from './suggestionEdits';

const schema = documentSchema();
const me = 'user-me';

/** One person's suggestion ids: the ones made here, plus any given as theirs. */
function contextOf(own: string[] = []): SuggestContext & { made: string[] } {
  const made: string[] = [];
  return {
    made,
    isOwn: (id) => own.includes(id) || made.includes(id),
    newId: () => {
      const id = randomUUID();
      made.push(id);
      return id;
    },
  };
}

type Json = Record<string, unknown>;
const text = (value: string, mark?: { name: string; id: string }): Json => ({ type: 'text', text: value, ...(mark ? { marks: [{ type: mark.name, attrs: { suggestionId: mark.id } }] } : {}) });
const paragraph = (...content: Json[]): Json => ({ type: 'paragraph', content });
const docOf = (...paragraphs: Json[]) => schema.nodeFromJSON({ type: 'doc', content: paragraphs });

/** The first paragraph as runs: plain text as is, proposals as `+[text]` and `-[text]`. */
function runs(doc: PmNode): string {
  let out = '';
  doc.firstChild!.forEach((node) => {
    const kind = node.marks.find((m) => m.type.name === 'suggestionInsert') ? '+' : node.marks.find((m) => m.type.name === 'suggestionDelete') ? '-' : '';
    out += kind ? `${kind}[${node.text}]` : node.text;
  });
  return out;
}

function stateAt(doc: PmNode, from: number, to = from): EditorState {
  const state = EditorState.create({ schema, doc });
  return state.apply(state.tr.setSelection(TextSelection.create(doc, from, to)));
}

const ids = (doc: PmNode, name: string) => {
  const found = new Set<string>();
  doc.descendants((node) => {
    for (const mark of node.marks) if (mark.type.name === name) found.add(mark.attrs.suggestionId as string);
  });
  return [...found];
};

// "Hallo wereld" in the first paragraph: position 1 is before "H", 7 before "w", 13 at the end.
const hallo = () => docOf(paragraph(text('Hallo wereld')));

describe('typing in suggestion mode', () => {
  it('puts typed text under a new insertion mark and the caret after it', () => {
    const ctx = contextOf();
    const tr = suggestInsertion(stateAt(hallo(), 7), 7, 7, 'mooie ', ctx)!;
    expect(runs(tr.doc)).toBe('Hallo +[mooie ]wereld');
    expect(ids(tr.doc, 'suggestionInsert')).toEqual(ctx.made);
    expect(tr.selection.from).toBe(13);
  });

  it('extends the own proposal right before the caret instead of starting a new one', () => {
    const ctx = contextOf();
    const first = suggestInsertion(stateAt(hallo(), 7), 7, 7, 'mo', ctx)!;
    const second = suggestInsertion(stateAt(first.doc, 9), 9, 9, 'oi', ctx)!;
    expect(runs(second.doc)).toBe('Hallo +[mooi]wereld');
    expect(ctx.made).toHaveLength(1);
  });

  it('starts its own proposal beside someone else\'s', () => {
    const theirs = randomUUID();
    const doc = docOf(paragraph(text('Hallo '), text('grote', { name: 'suggestionInsert', id: theirs }), text(' wereld')));
    const ctx = contextOf();
    const tr = suggestInsertion(stateAt(doc, 12), 12, 12, 'r', ctx)!;
    expect(ids(tr.doc, 'suggestionInsert')).toEqual([theirs, ctx.made[0]]);
  });

  it('typing over a selection proposes its removal and puts the new text after it', () => {
    const ctx = contextOf();
    const tr = suggestInsertion(stateAt(hallo(), 7, 13), 7, 13, 'aarde', ctx)!;
    expect(runs(tr.doc)).toBe('Hallo -[wereld]+[aarde]');
    expect(ctx.made).toHaveLength(2);
  });
});

describe('deleting in suggestion mode', () => {
  it('Backspace marks the character before the caret and moves the caret before it', () => {
    const tr = suggestRemoval(stateAt(hallo(), 13), 'backward', 'char', contextOf())!;
    expect(runs(tr.doc)).toBe('Hallo werel-[d]');
    expect(tr.selection.from).toBe(12);
  });

  it('Backspace again steps over text already proposed for removal and extends the own removal', () => {
    const ctx = contextOf();
    const first = suggestRemoval(stateAt(hallo(), 13), 'backward', 'char', ctx)!;
    // The caret as the person left it, then after the struck character again (clicked back).
    const second = suggestRemoval(stateAt(first.doc, 13), 'backward', 'char', ctx)!;
    expect(runs(second.doc)).toBe('Hallo were-[ld]');
    expect(ids(second.doc, 'suggestionDelete')).toHaveLength(1);
    expect(second.selection.from).toBe(11);
  });

  it('Delete marks the character after the caret and moves the caret past it', () => {
    const tr = suggestRemoval(stateAt(hallo(), 1), 'forward', 'char', contextOf())!;
    expect(runs(tr.doc)).toBe('-[H]allo wereld');
    expect(tr.selection.from).toBe(2);
  });

  it('Ctrl+Backspace marks the word before the caret', () => {
    const tr = suggestRemoval(stateAt(hallo(), 13), 'backward', 'word', contextOf())!;
    expect(runs(tr.doc)).toBe('Hallo -[wereld]');
    expect(tr.selection.from).toBe(7);
  });

  it('a selection is proposed for removal as one suggestion, the caret at its start', () => {
    const tr = suggestRemoval(stateAt(hallo(), 1, 7), 'backward', 'char', contextOf())!;
    expect(runs(tr.doc)).toBe('-[Hallo ]wereld');
    expect(tr.selection.from).toBe(1);
  });

  it('the own proposed text is really removed', () => {
    const ctx = contextOf();
    const typed = suggestInsertion(stateAt(hallo(), 7), 7, 7, 'mooie ', ctx)!;
    const tr = suggestRemoval(stateAt(typed.doc, 7, 15), 'backward', 'char', ctx)!;
    expect(runs(tr.doc)).toBe('Hallo -[we]reld');
    expect(tr.doc.textContent).toBe('Hallo wereld');
  });

  it('someone else\'s proposed text is left alone: the caret steps over it', () => {
    const theirs = randomUUID();
    const doc = docOf(paragraph(text('Hallo'), text(' grote', { name: 'suggestionInsert', id: theirs })));
    const tr = suggestRemoval(stateAt(doc, 12), 'backward', 'char', contextOf())!;
    expect(runs(tr.doc)).toBe('Hall-[o]+[ grote]');
  });

  it('nothing happens at the start of a paragraph: joining paragraphs is not a suggestion', () => {
    const doc = docOf(paragraph(text('Een')), paragraph(text('Twee')));
    expect(suggestRemoval(stateAt(doc, 6), 'backward', 'char', contextOf())).toBeNull();
  });
});

/**
 * The server's side: each transaction, written to Yjs as the editor's binding writes it, is
 * judged by the write filter for a connection in suggestion mode. Each accepted update is
 * applied, and its new ids become the person's own, as the server records them.
 */
class ServerReplica {
  readonly server = new Y.Doc();
  private readonly client = new Y.Doc();
  readonly known = new Map<string, KnownSuggestion>();
  private meta: ReturnType<typeof initProseMirrorDoc>['meta'];
  state: EditorState;

  constructor(json: Json) {
    prosemirrorJSONToYXmlFragment(schema, json, this.server.getXmlFragment(DOCUMENT_FRAGMENT));
    Y.applyUpdate(this.client, Y.encodeStateAsUpdate(this.server));
    const init = initProseMirrorDoc(this.client.getXmlFragment(DOCUMENT_FRAGMENT), schema);
    this.meta = init.meta;
    this.state = EditorState.create({ schema, doc: init.doc });
  }

  select(from: number, to = from) {
    this.state = this.state.apply(this.state.tr.setSelection(TextSelection.create(this.state.doc, from, to)));
  }

  /** Sends the transaction's change; returns the filter's verdict. */
  send(tr: Transaction) {
    const previous = this.state.doc;
    this.state = this.state.apply(tr);
    const before = Y.encodeStateVector(this.client);
    // As the mode's plugin does: its exact text writes first, then the binding's own.
    const writes = exactTextWrites(this.meta.mapping as BindingMapping, previous, this.state.doc);
    this.client.transact(() => {
      writes?.();
      updateYFragment(this.client, this.client.getXmlFragment(DOCUMENT_FRAGMENT), this.state.doc, this.meta);
    });
    const update = Y.encodeStateAsUpdate(this.client, before);
    const verdict = judgeSuggestionWrite(this.server, update, { userId: me, suggestionMode: true, known: (id) => this.known.get(id) });
    if (verdict.ok) {
      Y.applyUpdate(this.server, update);
      verdict.fresh.forEach((kind: SuggestionKind, id) => this.known.set(id, { userId: me, kind, status: 'open' }));
    }
    return verdict;
  }
}

describe('the server takes every edit the suggestion mode makes', () => {
  it('typing, extending, deleting own and others\' text, replacing a selection', () => {
    const replica = new ServerReplica({ type: 'doc', content: [paragraph(text('Hallo wereld')), paragraph(text('Tot ziens'))] });
    const ctx = contextOf();
    const step = (tr: Transaction | null) => {
      expect(tr).not.toBeNull();
      expect(replica.send(tr!)).toMatchObject({ ok: true });
    };
    replica.select(7);
    step(suggestInsertion(replica.state, 7, 7, 'mo', ctx));
    step(suggestInsertion(replica.state, 9, 9, 'oie ', ctx));
    step(suggestRemoval(replica.state, 'backward', 'char', ctx));
    step(suggestRemoval(replica.state, 'backward', 'word', ctx));
    expect(runs(replica.state.doc)).toBe('Hallo wereld');
    replica.select(7, 13);
    step(suggestInsertion(replica.state, 7, 13, 'aarde', ctx));
    replica.select(1);
    step(suggestRemoval(replica.state, 'forward', 'char', ctx));
    expect(runs(replica.state.doc)).toBe('-[H]allo -[wereld]+[aarde]');
    expect([...replica.known.values()].map((known) => known.kind).sort()).toEqual(['delete', 'delete', 'insert', 'insert']);
  });

  it('while the same change as plain text is refused', () => {
    const replica = new ServerReplica({ type: 'doc', content: [paragraph(text('Hallo wereld'))] });
    replica.select(7);
    expect(replica.send(replica.state.tr.insertText('mooie ', 7))).toMatchObject({ ok: false, code: CloseCode.suggestionsOnly });
  });
});

describe('typing over one\'s own proposed words (an input method\'s commit)', () => {
  it('keeps their id, and the server takes it: the words that stay keep their mark', () => {
    const replica = new ServerReplica({ type: 'doc', content: [paragraph(text('Wij vragen een plan.'))] });
    const ctx = contextOf();
    const step = (tr: Transaction | null) => {
      expect(tr).not.toBeNull();
      expect(replica.send(tr!)).toMatchObject({ ok: true });
    };
    replica.select(16);
    step(suggestInsertion(replica.state, 16, 16, 'heel ', ctx));
    step(suggestInsertion(replica.state, 21, 21, 'にほ', ctx));
    // The commit replaces the whole composed run, own words included, as ProseMirror reports it.
    step(suggestInsertion(replica.state, 16, 23, 'heel 日本 ', ctx));
    expect(ctx.made).toHaveLength(1);
    expect(replica.state.doc.textContent).toBe('Wij vragen een heel 日本 plan.');
    expect(ids(replica.state.doc, 'suggestionInsert')).toEqual(ctx.made);
  });
});

describe('edits next to the same letter reach the server as made', () => {
  /** Sends each step and expects the server to take it; returns the replica. */
  function steps(json: string, run: (replica: ServerReplica, step: (tr: Transaction | null) => void) => void): ServerReplica {
    const replica = new ServerReplica({ type: 'doc', content: [paragraph(text(json))] });
    run(replica, (tr) => {
      expect(tr).not.toBeNull();
      expect(replica.send(tr!)).toMatchObject({ ok: true });
    });
    return replica;
  }

  it('a letter typed before the same letter ("p" before "plan")', () => {
    const ctx = contextOf();
    const replica = steps('Wij vragen een plan.', (replica, step) => {
      replica.select(16);
      step(suggestInsertion(replica.state, 16, 16, 'p', ctx));
      step(suggestInsertion(replica.state, 17, 17, 'roef', ctx));
    });
    expect(runs(replica.state.doc)).toBe('Wij vragen een +[proef]plan.');
  });

  it('one\'s own letter removed before the same settled letter, and after it', () => {
    const ctx = contextOf();
    const replica = steps('Wij vragen een plan.', (replica, step) => {
      replica.select(16);
      step(suggestInsertion(replica.state, 16, 16, 'pp', ctx));
      replica.select(18);
      step(suggestRemoval(replica.state, 'backward', 'char', ctx));
      step(suggestRemoval(replica.state, 'backward', 'char', ctx));
    });
    expect(runs(replica.state.doc)).toBe('Wij vragen een plan.');
    expect(replica.server.getXmlFragment(DOCUMENT_FRAGMENT).toString()).toContain('Wij vragen een plan.');
  });

  it('emoji stay whole: typed before an emoji that shares its first half, and over a selection holding one', () => {
    const ctx = contextOf();
    const serverText = (replica: ServerReplica) => ((replica.server.getXmlFragment(DOCUMENT_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText).toString().replace(/<[^>]*>/g, '');
    const before = steps('Ja \u{1F600}!', (replica, step) => {
      replica.select(4);
      step(suggestInsertion(replica.state, 4, 4, '\u{1F603}', ctx));
    });
    expect(serverText(before)).toBe('Ja \u{1F603}\u{1F600}!');
    const over = steps('a\u{1F600}b', (replica, step) => {
      replica.select(1, 5);
      step(suggestInsertion(replica.state, 1, 5, 'x', ctx));
    });
    expect(runs(over.state.doc)).toBe('-[a\u{1F600}b]+[x]');
    expect(serverText(over)).toBe('a\u{1F600}bx');
  });

  it('typing over a selection with the same letters ("aa" over "a")', () => {
    const ctx = contextOf();
    const replica = steps('Ja alles.', (replica, step) => {
      replica.select(2, 3);
      step(suggestInsertion(replica.state, 2, 3, 'aa', ctx));
    });
    expect(runs(replica.state.doc)).toBe('J-[a]+[aa] alles.');
  });
});

describe('Enter in suggestion mode proposes a paragraph', () => {
  /** Each paragraph as its text, with `(+id)` for a proposed one. */
  const shape = (doc: PmNode) => {
    const out: string[] = [];
    doc.forEach((node) => out.push(node.textContent + (typeof node.attrs.suggestion === 'string' ? ' (+)' : '')));
    return out;
  };

  it('at the end of a paragraph: an empty proposed paragraph after it, the caret inside; typed words join that proposal', () => {
    const ctx = contextOf();
    const tr = suggestParagraph(stateAt(hallo(), 13), ctx) as Transaction;
    expect(shape(tr.doc)).toEqual(['Hallo wereld', ' (+)']);
    expect(tr.doc.child(1).attrs.suggestion).toBe(ctx.made[0]);
    expect(tr.selection.from).toBe(15);
    const typed = suggestInsertion(stateAt(tr.doc, 15), 15, 15, 'Nieuw.', ctx)!;
    expect(ids(typed.doc, 'suggestionInsert')).toEqual([ctx.made[0]]);
  });

  it('at the start: the proposed paragraph goes before it and the caret stays with the text', () => {
    const tr = suggestParagraph(stateAt(hallo(), 1), contextOf()) as Transaction;
    expect(shape(tr.doc)).toEqual([' (+)', 'Hallo wereld']);
    expect(tr.selection.$from.parent.textContent).toBe('Hallo wereld');
  });

  it('in the middle it is refused: the words after the caret would move', () => {
    expect(suggestParagraph(stateAt(hallo(), 7), contextOf())).toBe('split');
    expect(suggestParagraph(stateAt(hallo(), 3, 7), contextOf())).toBe('notHere');
  });

  it('in a heading it is refused', () => {
    const doc = schema.nodeFromJSON({ type: 'doc', content: [{ type: 'heading', attrs: { level: 2 }, content: [text('Kop')] }] });
    expect(suggestParagraph(stateAt(doc, 4), contextOf())).toBe('notHere');
  });

  it('Backspace in one\'s own empty proposed paragraph takes it back; in someone else\'s it does nothing', () => {
    const ctx = contextOf();
    const made = suggestParagraph(stateAt(hallo(), 13), ctx) as Transaction;
    const back = suggestRemoval(stateAt(made.doc, 15), 'backward', 'char', ctx)!;
    expect(shape(back.doc)).toEqual(['Hallo wereld']);
    expect(back.selection.from).toBe(13);
    expect(suggestRemoval(stateAt(made.doc, 15), 'backward', 'char', contextOf())).toBeNull();
  });

  it('the server takes each step: propose, type, take the words back, take the paragraph back; and refuses a split', () => {
    const replica = new ServerReplica({ type: 'doc', content: [paragraph(text('Hallo wereld'))] });
    const ctx = contextOf();
    const step = (tr: Transaction | string | null) => {
      expect(typeof tr).toBe('object');
      expect(replica.send(tr as Transaction)).toMatchObject({ ok: true });
    };
    replica.select(13);
    step(suggestParagraph(replica.state, ctx));
    step(suggestInsertion(replica.state, 15, 15, 'Nieuw.', ctx));
    expect(replica.known.get(ctx.made[0]!)).toMatchObject({ kind: 'insert', status: 'open' });
    replica.select(15, 21);
    step(suggestRemoval(replica.state, 'backward', 'char', ctx));
    step(suggestRemoval(replica.state, 'backward', 'char', ctx));
    expect(replica.server.getXmlFragment(DOCUMENT_FRAGMENT).length).toBe(1);
    // Splitting as the ordinary editor would: refused.
    replica.select(7);
    expect(replica.send(replica.state.tr.split(7))).toMatchObject({ ok: false, code: CloseCode.suggestionsOnly });
  });
});
