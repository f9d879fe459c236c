import { randomUUID } from 'node:crypto';
import type { Node as PmNode } from '@tiptap/pm/model';
import { EditorState, TextSelection, type Transaction } from '@tiptap/pm/state';
import { initProseMirrorDoc, prosemirrorJSONToYXmlFragment, updateYFragment } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DOCUMENT_FRAGMENT, documentSchema } from '../../../shared/editor/schema';
import type { SuggestionKind } from '../../../shared/suggestions/suggestionMarks';
import { judgeSuggestionWrite, type KnownSuggestion } from '../../../server/suggestions/judgeSuggestionWrite';
import { suggestionRanges } from '../../../server/suggestions/suggestionRanges';
import { SuggestHistory, yjsKeeper, type HistoryEnv, type PositionKeeper } from './suggestHistory';
import { suggestInsertion, suggestParagraph, suggestRemoval, type SuggestContext } from './suggestionEdits';

const schema = documentSchema();
const me = 'user-me';

type Json = Record<string, unknown>;
const text = (value: string): Json => ({ type: 'text', text: value });
const paragraph = (...content: Json[]): Json => ({ type: 'paragraph', content });

/** The first paragraph as runs: plain text as is, proposals as `+[text]` and `-[text]`. */
function runs(doc: PmNode): string {
  let out = '';
  doc.firstChild!.forEach((node) => {
    const kind = node.marks.find((m) => m.type.name === 'suggestionInsert') ? '+' : node.marks.find((m) => m.type.name === 'suggestionDelete') ? '-' : '';
    out += kind ? `${kind}[${node.text}]` : node.text;
  });
  return out;
}

/**
 * One commenter's editor over Yjs, and the server: every edit is written to the editor's Y.Doc
 * as the binding writes it and judged by the server's write filter in suggestion mode (a refusal
 * fails the test); others' changes are made on the server's document and come back to the
 * editor, which renders the document anew from Yjs, as the binding does.
 */
class Session {
  readonly server = new Y.Doc();
  private readonly client = new Y.Doc();
  readonly known = new Map<string, KnownSuggestion>();
  private meta: ReturnType<typeof initProseMirrorDoc>['meta'];
  state: EditorState;
  readonly history = new SuggestHistory();
  readonly sent: Transaction[] = [];
  now = 0;
  /** As the page's context: ids made here stay "own" after they are decided. */
  readonly made: string[] = [];
  readonly ctx: SuggestContext = {
    isOwn: (id) => this.made.includes(id),
    newId: () => {
      const id = randomUUID();
      this.made.push(id);
      return id;
    },
  };
  readonly keeper: PositionKeeper = {
    keep: (pos) => yjsKeeper(this.client, this.fragment(), this.meta.mapping).keep(pos),
    find: (kept) => yjsKeeper(this.client, this.fragment(), this.meta.mapping).find(kept),
  };
  readonly env: HistoryEnv = { state: () => this.state, apply: (tr) => this.send(tr), keeper: this.keeper, ctx: this.ctx };

  constructor(...paragraphs: Json[]) {
    prosemirrorJSONToYXmlFragment(schema, { type: 'doc', content: paragraphs }, this.server.getXmlFragment(DOCUMENT_FRAGMENT));
    Y.applyUpdate(this.client, Y.encodeStateAsUpdate(this.server));
    const init = initProseMirrorDoc(this.fragment(), schema);
    this.meta = init.meta;
    this.state = EditorState.create({ schema, doc: init.doc });
  }

  private fragment() {
    return this.client.getXmlFragment(DOCUMENT_FRAGMENT);
  }

  select(from: number, to = from) {
    this.state = this.state.apply(this.state.tr.setSelection(TextSelection.create(this.state.doc, from, to)));
  }

  /** Applies the edit, writes it to Yjs and to the server, which must take it. */
  send(tr: Transaction) {
    this.state = this.state.apply(tr);
    const before = Y.encodeStateVector(this.client);
    this.client.transact(() => updateYFragment(this.client, this.fragment(), this.state.doc, this.meta));
    const update = Y.encodeStateAsUpdate(this.client, before);
    const verdict = judgeSuggestionWrite(this.server, update, { userId: me, suggestionMode: true, known: (id) => this.known.get(id) });
    expect(verdict).toMatchObject({ ok: true });
    if (!verdict.ok) return;
    Y.applyUpdate(this.server, update);
    verdict.fresh.forEach((kind: SuggestionKind, id) => this.known.set(id, { userId: me, kind, status: 'open' }));
    this.sent.push(tr);
  }

  /** A keystroke of the suggestion mode: applied, sent, and recorded in the history. */
  edit(tr: Transaction | null, after = 100) {
    expect(tr).not.toBeNull();
    this.now += after;
    this.send(tr!);
    this.history.record(tr!, this.keeper, this.now);
  }

  type(at: number, chars: string) {
    this.select(at);
    for (const char of chars) {
      const { from, to } = this.state.selection;
      this.edit(suggestInsertion(this.state, from, to, char, this.ctx));
    }
  }

  undo = () => this.history.undo(this.env);
  redo = () => this.history.redo(this.env);

  /** Someone else changes the server's document; the change reaches this editor. */
  remote(change: (doc: Y.Doc) => void) {
    const before = Y.encodeStateVector(this.server);
    this.server.transact(() => change(this.server));
    Y.applyUpdate(this.client, Y.encodeStateAsUpdate(this.server, before));
    const init = initProseMirrorDoc(this.fragment(), schema);
    this.meta = init.meta;
    this.state = EditorState.create({ schema, doc: init.doc });
  }

  /** An editor accepts or rejects a suggestion, as the server's decide command does. */
  decide(id: string, decision: 'accept' | 'reject') {
    this.known.set(id, { ...this.known.get(id)!, status: decision === 'accept' ? 'accepted' : 'rejected' });
    this.remote((doc) => {
      for (const range of suggestionRanges(doc, id).reverse()) {
        const keepText = (range.mark === 'suggestionInsert') === (decision === 'accept');
        if (keepText) range.text.format(range.index, range.length, { [range.mark]: null });
        else range.text.delete(range.index, range.length);
      }
    });
  }

  /** The server's text of the first paragraph, as runs. */
  stored(): string {
    return runs(initProseMirrorDoc(this.server.getXmlFragment(DOCUMENT_FRAGMENT), schema).doc);
  }
}

// "Hallo wereld": position 1 is before "H", 7 before "w", 13 at the end.
const hallo = () => new Session(paragraph(text('Hallo wereld')));

describe('undo in suggestion mode', () => {
  it('takes back a removal mark, then the typed words, each as an edit the server takes', () => {
    const s = hallo();
    s.type(7, 'mooie ');
    s.select(19);
    s.edit(suggestRemoval(s.state, 'backward', 'word', s.ctx));
    expect(runs(s.state.doc)).toBe('Hallo +[mooie ]-[wereld]');

    const sentBefore = s.sent.length;
    expect(s.undo()).toBe(true);
    expect(runs(s.state.doc)).toBe('Hallo +[mooie ]wereld');
    // The words typed in one go are one step.
    expect(s.undo()).toBe(true);
    expect(runs(s.state.doc)).toBe('Hallo wereld');
    expect(s.state.selection.from).toBe(7);
    // One edit per step (the mark off the word, the words out), each judged and taken by the server.
    expect(s.sent.length - sentBefore).toBe(2);
    expect(s.stored()).toBe('Hallo wereld');
    // Nothing left: nothing changes, and the caller is told.
    expect(s.undo()).toBe(false);
    expect(s.sent.length - sentBefore).toBe(2);
  });

  it('redo does both again, under the same (still open) suggestions', () => {
    const s = hallo();
    s.type(7, 'mooie ');
    s.select(19);
    s.edit(suggestRemoval(s.state, 'backward', 'word', s.ctx));
    s.undo();
    s.undo();
    expect(s.redo()).toBe(true);
    expect(runs(s.state.doc)).toBe('Hallo +[mooie ]wereld');
    expect(s.redo()).toBe(true);
    expect(runs(s.state.doc)).toBe('Hallo +[mooie ]-[wereld]');
    expect(s.stored()).toBe('Hallo +[mooie ]-[wereld]');
    // Under the same suggestions as before: nothing emptied is left open on the server.
    expect(s.known.size).toBe(2);
    expect(s.redo()).toBe(false);
    // And undone again.
    expect(s.undo()).toBe(true);
    expect(s.undo()).toBe(true);
    expect(s.stored()).toBe('Hallo wereld');
  });

  it('words typed in two steps, both undone, are redone in their order', () => {
    const s = hallo();
    s.type(7, 'mo');
    s.now += 5_000;
    s.type(9, 'oie ');
    expect(runs(s.state.doc)).toBe('Hallo +[mooie ]wereld');
    s.undo();
    s.undo();
    expect(runs(s.state.doc)).toBe('Hallo wereld');
    // The first redo brings back "mo" as new text (Yjs puts it after the deleted "mo"); the
    // second must still go after it, not before.
    expect(s.redo()).toBe(true);
    expect(s.redo()).toBe(true);
    expect(runs(s.state.doc)).toBe('Hallo +[mooie ]wereld');
    expect(s.stored()).toBe('Hallo +[mooie ]wereld');
  });

  it('a new edit after an undo leaves nothing to redo', () => {
    const s = hallo();
    s.type(7, 'mooie ');
    s.undo();
    s.type(13, '!');
    expect(s.redo()).toBe(false);
    expect(runs(s.state.doc)).toBe('Hallo wereld+[!]');
  });

  it('typing after a pause, or elsewhere, is a step of its own', () => {
    const s = hallo();
    s.type(7, 'mo');
    s.now += 5_000;
    s.type(9, 'oie ');
    s.type(1, 'Ja, ');
    expect(runs(s.state.doc)).toBe('+[Ja, ]Hallo +[mooie ]wereld');
    s.undo();
    expect(runs(s.state.doc)).toBe('Hallo +[mooie ]wereld');
    s.undo();
    expect(runs(s.state.doc)).toBe('Hallo +[mo]wereld');
    s.undo();
    expect(s.stored()).toBe('Hallo wereld');
  });

  it('brings back own proposed text that Backspace really removed, as a proposal', () => {
    const s = hallo();
    s.type(7, 'mooie ');
    s.now += 5_000;
    s.select(13);
    s.edit(suggestRemoval(s.state, 'backward', 'char', s.ctx));
    s.edit(suggestRemoval(s.state, 'backward', 'char', s.ctx));
    expect(runs(s.state.doc)).toBe('Hallo +[mooi]wereld');
    expect(s.undo()).toBe(true);
    expect(runs(s.state.doc)).toBe('Hallo +[mooie ]wereld');
    expect(s.stored()).toBe('Hallo +[mooie ]wereld');
  });

  it('typing over a selection is taken back whole: the new words go, the removal mark too', () => {
    const s = hallo();
    s.select(7, 13);
    s.edit(suggestInsertion(s.state, 7, 13, 'aarde', s.ctx));
    expect(runs(s.state.doc)).toBe('Hallo -[wereld]+[aarde]');
    expect(s.undo()).toBe(true);
    expect(s.stored()).toBe('Hallo wereld');
  });

  it('finds its text again after others typed before, inside and after it', () => {
    const s = hallo();
    s.type(7, 'mooie ');
    s.select(19);
    s.edit(suggestRemoval(s.state, 'backward', 'word', s.ctx));
    // An editor writes at the start, right before and right after the proposed words, and after the struck word.
    // (Plain, as an editor's binding writes text beside a mark that is not inclusive.)
    s.remote((doc) => {
      const t = (doc.getXmlFragment(DOCUMENT_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText;
      t.insert(18, '?', { suggestionDelete: null });
      t.insert(12, 'en ', { suggestionInsert: null });
      t.insert(9, 'X', { suggestionInsert: null });
      t.insert(6, '(');
      t.insert(0, 'Zeg: ');
    });
    expect(runs(s.state.doc)).toBe('Zeg: Hallo (+[moo]X+[ie ]en -[wereld]?');
    expect(s.undo()).toBe(true);
    expect(runs(s.state.doc)).toBe('Zeg: Hallo (+[moo]X+[ie ]en wereld?');
    expect(s.undo()).toBe(true);
    expect(runs(s.state.doc)).toBe('Zeg: Hallo (Xen wereld?');
    expect(s.stored()).toBe('Zeg: Hallo (Xen wereld?');
  });

  it('an insertion accepted meanwhile is not undone: nothing changes, and the caller is told', () => {
    const s = hallo();
    s.type(7, 'mooie ');
    s.decide(s.made[0]!, 'accept');
    expect(runs(s.state.doc)).toBe('Hallo mooie wereld');
    const sentBefore = s.sent.length;
    expect(s.undo()).toBe(false);
    expect(runs(s.state.doc)).toBe('Hallo mooie wereld');
    expect(s.stored()).toBe('Hallo mooie wereld');
    expect(s.sent.length).toBe(sentBefore);
  });

  it('a removal accepted or rejected meanwhile is skipped; what is still open is undone', () => {
    const s = new Session(paragraph(text('Een twee drie')));
    s.select(5);
    s.edit(suggestRemoval(s.state, 'backward', 'word', s.ctx));
    s.select(14);
    s.edit(suggestRemoval(s.state, 'backward', 'word', s.ctx));
    s.now += 5_000;
    s.type(10, 'x');
    expect(runs(s.state.doc)).toBe('-[Een ]twee +[x]-[drie]');
    const [first, second] = s.made;
    s.decide(first!, 'accept');
    s.decide(second!, 'reject');
    expect(runs(s.state.doc)).toBe('twee +[x]drie');
    expect(s.undo()).toBe(true);
    expect(runs(s.state.doc)).toBe('twee drie');
    expect(s.undo()).toBe(false);
    expect(s.undo()).toBe(false);
    expect(s.stored()).toBe('twee drie');
  });
});

describe('proposed paragraphs', () => {
  /** Each paragraph's text, with " (+)" for a proposed one. */
  const shape = (doc: PmNode) => {
    const out: string[] = [];
    doc.forEach((node) => out.push(node.textContent + (typeof node.attrs.suggestion === 'string' ? ' (+)' : '')));
    return out;
  };

  it('undo takes back the words typed into a proposed paragraph, then the paragraph; redo proposes the paragraph again', () => {
    const s = hallo();
    s.select(13);
    s.edit(suggestParagraph(s.state, s.ctx) as Transaction);
    s.type(15, 'Nieuw');
    expect(shape(s.state.doc)).toEqual(['Hallo wereld', 'Nieuw (+)']);
    expect(s.undo()).toBe(true);
    expect(shape(s.state.doc)).toEqual(['Hallo wereld', ' (+)']);
    expect(s.undo()).toBe(true);
    expect(shape(s.state.doc)).toEqual(['Hallo wereld']);
    expect(s.server.getXmlFragment(DOCUMENT_FRAGMENT).length).toBe(1);
    expect(s.redo()).toBe(true);
    expect(shape(s.state.doc)).toEqual(['Hallo wereld', ' (+)']);
    expect(s.server.getXmlFragment(DOCUMENT_FRAGMENT).length).toBe(2);
  });

  it('Backspace that took back an empty proposed paragraph is undone by proposing it again, where it was', () => {
    const s = new Session(paragraph(text('Een')), paragraph(text('Twee')));
    s.select(4);
    s.edit(suggestParagraph(s.state, s.ctx) as Transaction);
    expect(shape(s.state.doc)).toEqual(['Een', ' (+)', 'Twee']);
    s.edit(suggestRemoval(s.state, 'backward', 'char', s.ctx));
    expect(shape(s.state.doc)).toEqual(['Een', 'Twee']);
    expect(s.undo()).toBe(true);
    expect(shape(s.state.doc)).toEqual(['Een', ' (+)', 'Twee']);
    expect(s.undo()).toBe(true);
    expect(shape(s.state.doc)).toEqual(['Een', 'Twee']);
    expect(s.undo()).toBe(false);
  });
});
