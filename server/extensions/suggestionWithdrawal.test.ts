import { expect, test } from 'vitest';
import * as Y from 'yjs';
import { DOCUMENT_FRAGMENT } from '../../shared/editor/schema';
import { mayTakeSuggestionAway } from './suggestionWithdrawal';

/** A room's document with one paragraph; `change` is judged by the transaction it makes. */
function transactionOf(prepare: (text: Y.XmlText) => void, change: (text: Y.XmlText) => void): Y.Transaction {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText('Wij vragen twee ruimtes.');
  paragraph.insert(0, [text]);
  doc.getXmlFragment(DOCUMENT_FRAGMENT).insert(0, [paragraph]);
  prepare(text);
  let seen: Y.Transaction | null = null;
  doc.on('beforeObserverCalls', (transaction: Y.Transaction) => (seen ??= transaction));
  doc.transact(() => change(text));
  return seen!;
}

const own = { suggestionInsert: { suggestionId: 'a' } };

test('typing on in a suggestion writes no format and deletes nothing: no check', () => {
  expect(mayTakeSuggestionAway(transactionOf((text) => text.insert(4, 'graag', own), (text) => text.insert(9, ' x', own)))).toBe(false);
  expect(mayTakeSuggestionAway(transactionOf(() => undefined, (text) => text.insert(0, 'Ja, ')))).toBe(false);
});

test('a deletion, a suggestion mark taken off or a new suggestion are checked', () => {
  expect(mayTakeSuggestionAway(transactionOf((text) => text.insert(4, 'graag ', own), (text) => text.delete(4, 6)))).toBe(true);
  const removal = { suggestionDelete: { suggestionId: 'b' } };
  expect(mayTakeSuggestionAway(transactionOf((text) => text.format(11, 5, removal), (text) => text.format(11, 5, { suggestionDelete: null })))).toBe(true);
  expect(mayTakeSuggestionAway(transactionOf(() => undefined, (text) => text.insert(0, 'Ja, ', own)))).toBe(true);
});
