import { describe, expect, it } from 'vitest';
import type { JSONContent } from '@tiptap/core';
import { translate } from '../../shared/i18n/translate';
import type { PollResults } from '../../shared/api/polls';
import type { PartyRow, PollRow } from '../storage/rows';
import { pollsSection } from './minutesPolls';

const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('nl', key, params);
const words = (nodes: JSONContent[]): string => {
  const out: string[] = [];
  const walk = (node: JSONContent) => {
    if (node.text) out.push(node.text);
    node.content?.forEach(walk);
  };
  nodes.forEach(walk);
  return out.join(' ');
};
const parties = [{ id: 'p1', name: 'Bewoners' }, { id: 'p2', name: 'Gemeente' }] as PartyRow[];
const poll = (over: Partial<PollRow>): PollRow => ({
  id: 'poll', session_id: 's', step_id: null, question: 'Gaat het buurthuis op zondag open?', kind: 'consent', budget: null, max_per_option: null,
  unit: 'person', anonymous: 0, results_hidden: 0, status: 'closed', created_by: 'u', created_at: 0, closed_at: 1, weights_applied_at: null, ...over,
});
const stances = (consent: number, discuss: number, object: number) => ({ consent, discuss, object });
const consentResults: PollResults = {
  pollId: 'poll', status: 'closed', hidden: false, ballots: 3, parties: 2,
  options: [{ optionId: 'o', label: 'Zondag open', blockId: null, perPerson: 0, partyEqual: 0, perPersonShare: 0, partyEqualShare: 0, stances: stances(2, 0, 1), stancesPartyEqual: stances(1.5, 0, 0.5) }],
  byParty: [
    { partyId: 'p1', ballots: 2, perOption: [{ optionId: 'o', value: 0, stances: stances(1, 0, 1) }] },
    { partyId: 'p2', ballots: 1, perOption: [{ optionId: 'o', value: 0, stances: stances(1, 0, 0) }] },
  ],
  reasons: [{ partyId: 'p1', reason: 'Wie heeft de sleutel?' }],
};

describe('pollsSection', () => {
  it('writes consent per party, with the reasons and their party', () => {
    const text = words(pollsSection([{ poll: poll({}), results: consentResults }], parties, t));
    expect(text).toContain('Gaat het buurthuis op zondag open?');
    expect(text).toContain('Bewoners');
    expect(text).toContain('1 instemmen, 0 nog bespreken, 1 bezwaar');
    expect(text).toContain('Wie heeft de sleutel?');
  });

  it('writes no counts for hidden results, and says an anonymous poll was anonymous', () => {
    const hidden: PollResults = { ...consentResults, hidden: true, options: [], byParty: [], reasons: [] };
    const text = words(pollsSection([{ poll: poll({ anonymous: 1, results_hidden: 1, status: 'open' }), results: hidden }], parties, t));
    expect(text).toContain('Anoniem gestemd.');
    expect(text).toContain('De peiling was nog open toen de sessie eindigde.');
    expect(text).not.toContain('instemmen,');
  });

  it('says when there was no poll', () => {
    expect(words(pollsSection([], parties, t))).toBe('Er was geen peiling.');
  });
});
