import { expect, test } from 'vitest';
import { documentSchema } from '../../shared/editor/schema';
import { insideOwnCommitment, suggestionCovers, suggestionCoversOnce } from './suggestionTexts';

const schema = documentSchema();
const proposed = (text: string, suggestionId: string) => ({ type: 'text', text, marks: [{ type: 'suggestionInsert', attrs: { suggestionId } }] });
const paragraph = (...content: object[]) => ({ type: 'paragraph', content });
const commitment = (partyId: string, ...content: object[]) => ({ type: 'commitment', attrs: { id: `c-${partyId}`, partyId, status: 'proposed' }, content: [paragraph(...content)] });

const doc = schema.nodeFromJSON({
  type: 'doc',
  content: [
    paragraph({ type: 'text', text: 'Wij vragen ' }, proposed('ten minste ', 'in-text')),
    commitment('bewoners', { type: 'text', text: 'Wij leveren ' }, proposed('twee ', 'in-ours')),
    commitment('gemeente', proposed('Ook ', 'across'), { type: 'text', text: 'vervoer.' }),
    paragraph(proposed('en meer', 'across')),
  ],
});

test('each suggestion says its words and whose commitments they sit in', () => {
  const covers = suggestionCovers(doc);
  expect(covers['in-text']).toEqual({ text: 'ten minste ', newParagraph: false, commitmentParties: [], inOrdinaryText: true });
  expect(covers['in-ours']).toEqual({ text: 'twee ', newParagraph: false, commitmentParties: ['bewoners'], inOrdinaryText: false });
  expect(covers.across).toEqual({ text: 'Ook en meer', newParagraph: false, commitmentParties: ['gemeente'], inOrdinaryText: true });
});

test('a proposed paragraph is a suggestion of its own, empty or with its words, and sits where it is', () => {
  const covers = suggestionCovers(
    schema.nodeFromJSON({
      type: 'doc',
      content: [
        { type: 'paragraph', attrs: { suggestion: 'empty' } },
        { type: 'paragraph', attrs: { suggestion: 'worded' }, content: [proposed('Nieuw.', 'worded')] },
        { type: 'commitment', attrs: { id: 'c-1', partyId: 'bewoners', status: 'proposed' }, content: [paragraph({ type: 'text', text: 'Wij.' }), { type: 'paragraph', attrs: { suggestion: 'inside' } }] },
      ],
    }),
  );
  expect(covers.empty).toEqual({ text: '', newParagraph: true, commitmentParties: [], inOrdinaryText: true });
  expect(covers.worded).toEqual({ text: 'Nieuw.', newParagraph: true, commitmentParties: [], inOrdinaryText: true });
  expect(covers.inside).toEqual({ text: '', newParagraph: true, commitmentParties: ['bewoners'], inOrdinaryText: false });
});

test("only a suggestion wholly inside one's own party's commitments is one's own to decide", () => {
  const covers = suggestionCovers(doc);
  expect(insideOwnCommitment(covers['in-ours'], 'bewoners')).toBe(true);
  expect(insideOwnCommitment(covers['in-ours'], 'gemeente')).toBe(false);
  expect(insideOwnCommitment(covers['in-ours'], null)).toBe(false);
  expect(insideOwnCommitment(covers['in-text'], 'bewoners')).toBe(false);
  expect(insideOwnCommitment(covers.across, 'gemeente')).toBe(false);
  expect(insideOwnCommitment(undefined, 'bewoners')).toBe(false);
});

test('one document state is read once; a new state is read again', () => {
  const first = suggestionCoversOnce(doc);
  expect(suggestionCoversOnce(doc)).toBe(first);
  const changed = doc.copy(doc.content.cut(0, doc.child(0).nodeSize));
  expect(Object.keys(suggestionCoversOnce(changed))).toEqual(['in-text']);
});
