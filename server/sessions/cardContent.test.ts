import { expect, test } from 'vitest';
import { promoteKinds } from '../../shared/api/cardSchemas';
import { validateBlockAttrs, type BlockName } from '../../shared/blocks/attrs';
import { documentSchema } from '../../shared/editor/schema';
import { cardContent } from './cardContent';

const named = { userId: 'gebruiker', partyId: 'bewoners' };
const anonymous = { userId: null, partyId: 'bewoners' };

test.each(promoteKinds)('a card as %s fits the document schema and keeps its lines', (kind) => {
  const nodes = cardContent('Een inloop\n\nop zondag', kind, named, 'blok1');
  documentSchema().nodeFromJSON({ type: 'doc', content: nodes }).check();
  expect(JSON.stringify(nodes)).toContain('Een inloop');
  expect(JSON.stringify(nodes)).toContain('op zondag');
});

test.each(['action', 'commitment', 'criterion'] as const)('a %s block carries the author and validates against its one definition', (kind) => {
  const [block] = cardContent('Buurtbudget', kind, named, 'blok1');
  expect(block!.type).toBe(kind);
  expect(block!.attrs).toMatchObject({ id: 'blok1', createdBy: 'gebruiker', createdByParty: 'bewoners' });
  expect(validateBlockAttrs(kind as BlockName, block!.attrs!).valid).toBe(true);
});

test('an anonymous card names its party only; a commitment is proposed for that party', () => {
  const [block] = cardContent('Wij doen mee', 'commitment', anonymous, 'blok2');
  expect(block!.attrs).toMatchObject({ createdBy: null, createdByParty: 'bewoners', partyId: 'bewoners', status: 'proposed' });
});

test('a paragraph has no attributes to carry anyone', () => {
  expect(cardContent('Een regel', 'paragraph', named, 'blok3')).toEqual([{ type: 'paragraph', content: [{ type: 'text', text: 'Een regel' }] }]);
});
