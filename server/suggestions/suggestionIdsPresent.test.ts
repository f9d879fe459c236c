import { expect, test } from 'vitest';
import * as Y from 'yjs';
import { DOCUMENT_FRAGMENT } from '../../shared/editor/schema';
import { suggestionIdsPresent } from './suggestionIdsPresent';

function docWith(words: string): { doc: Y.Doc; text: Y.XmlText; paragraph: Y.XmlElement } {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText(words);
  paragraph.insert(0, [text]);
  doc.getXmlFragment(DOCUMENT_FRAGMENT).insert(0, [paragraph]);
  return { doc, text, paragraph };
}

test('an insertion counts while one of its characters is there', () => {
  const { doc, text } = docWith('Wij vragen.');
  text.insert(4, 'graag ', { suggestionInsert: { suggestionId: 'a' } });
  expect(suggestionIdsPresent(doc)).toEqual(new Set(['a']));
  text.delete(4, 5);
  expect(suggestionIdsPresent(doc)).toEqual(new Set(['a']));
  // Yjs keeps the format items around the place where the text was: they are no presence.
  text.delete(4, 1);
  expect(text.toString()).toBe('Wij vragen.');
  expect(suggestionIdsPresent(doc)).toEqual(new Set());
});

test('a removal counts while its mark is on a character; taking the mark off ends it', () => {
  const { doc, text } = docWith('Wij vragen twee ruimtes.');
  text.format(11, 5, { suggestionDelete: { suggestionId: 'b' } });
  expect(suggestionIdsPresent(doc)).toEqual(new Set(['b']));
  text.format(11, 2, { suggestionDelete: null });
  expect(suggestionIdsPresent(doc)).toEqual(new Set(['b']));
  text.format(13, 3, { suggestionDelete: null });
  expect(suggestionIdsPresent(doc)).toEqual(new Set());
});

test('a proposed block counts by its suggestion attribute, until it is gone', () => {
  const { doc } = docWith('Wij vragen.');
  const proposed = new Y.XmlElement('paragraph');
  proposed.setAttribute('suggestion', 'c');
  doc.getXmlFragment(DOCUMENT_FRAGMENT).insert(1, [proposed]);
  expect(suggestionIdsPresent(doc)).toEqual(new Set(['c']));
  doc.getXmlFragment(DOCUMENT_FRAGMENT).delete(1, 1);
  expect(suggestionIdsPresent(doc)).toEqual(new Set());
});

test('marks of several suggestions in several paragraphs are all found', () => {
  const { doc, text } = docWith('Eerste.');
  const second = new Y.XmlElement('paragraph');
  const secondText = new Y.XmlText('Tweede.');
  second.insert(0, [secondText]);
  doc.getXmlFragment(DOCUMENT_FRAGMENT).insert(1, [second]);
  text.insert(0, 'Het ', { suggestionInsert: { suggestionId: 'd' } });
  secondText.format(0, 6, { suggestionDelete: { suggestionId: 'e' } });
  secondText.insert(7, ' Klaar', { suggestionInsert: { suggestionId: 'f' } });
  expect(suggestionIdsPresent(doc)).toEqual(new Set(['d', 'e', 'f']));
});
