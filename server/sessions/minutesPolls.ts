/**
 * The polls part of a session's minutes (issue 14, item 8): per poll what was asked, the result
 * per person and with every party weighing the same, each party's own result, and for consent
 * the stances per party with the reasons. Built from the same results the API shows (hidden ones
 * stay hidden), so it names no voter: an anonymous poll's reasons come without their party.
 */
import type { JSONContent } from '@tiptap/core';
import type { PollResults } from '../../shared/api/polls';
import type { MessageKey, MessageParams } from '../../shared/i18n/translate';
import { bold, bulletList, h3, paragraph, table } from '../../shared/templates/builders';
import type { PartyRow, PollRow } from '../storage/rows';

export interface MinutesPoll {
  poll: PollRow;
  results: PollResults;
}

type Words = (key: MessageKey, params?: MessageParams) => string;

/** One decimal at most: averages of a party are seldom whole. */
const figure = (n: number) => String(Math.round(n * 10) / 10);

export function pollsSection(polls: readonly MinutesPoll[], parties: readonly PartyRow[], t: Words): JSONContent[] {
  if (polls.length === 0) return [paragraph(t('minutes.noPolls'))];
  const partyName = (id: string | null) => (id === null ? t('poll.noParty') : (parties.find((p) => p.id === id)?.name ?? t('minutes.unknownParty')));
  return polls.flatMap(({ poll, results }) => [
    h3(t('minutes.pollHeading', { question: poll.question })),
    paragraph(t('minutes.pollAbout', { kind: t(`pollKind.${poll.kind}`), unit: t(`pollUnit.${poll.unit}`), ballots: results.ballots, parties: results.parties })),
    ...(poll.anonymous === 1 ? [paragraph(t('minutes.pollAnonymous'))] : []),
    ...(poll.status === 'open' ? [paragraph(t('minutes.pollStillOpen'))] : []),
    ...(results.hidden || results.ballots === 0 ? [] : poll.kind === 'consent' ? consent(results, partyName, t) : numbers(results, partyName, t)),
  ]);
}

function numbers(results: PollResults, partyName: (id: string | null) => string, t: Words): JSONContent[] {
  const totals = table(
    [t('minutes.option'), t('minutes.perPerson'), t('minutes.partyEqual')],
    results.options.map((o) => [o.label, `${figure(o.perPerson)} (${figure(o.perPersonShare)}%)`, `${figure(o.partyEqual)} (${figure(o.partyEqualShare)}%)`]),
  );
  const label = (optionId: string) => results.options.find((o) => o.optionId === optionId)?.label ?? '';
  const perParty = bulletList(
    results.byParty.map((party) => [bold(`${partyName(party.partyId)} (${party.ballots})`), `: ${party.perOption.map((o) => `${label(o.optionId)} ${figure(o.value)}`).join(', ')}`]),
  );
  return [totals, perParty];
}

function consent(results: PollResults, partyName: (id: string | null) => string, t: Words): JSONContent[] {
  const out: JSONContent[] = [];
  results.options.forEach((option, index) => {
    out.push(paragraph(bold(option.label), `: ${t('minutes.consentCounts', { ...option.stances! })}`));
    out.push(bulletList(results.byParty.map((party) => [bold(partyName(party.partyId)), `: ${t('minutes.consentCounts', { ...party.perOption[index]!.stances! })}`])));
  });
  if (results.reasons.length > 0) {
    out.push(paragraph(bold(t('poll.reasons'))));
    out.push(bulletList(results.reasons.map((r) => (r.partyId === null ? [r.reason] : [bold(partyName(r.partyId)), `: ${r.reason}`]))));
  }
  return out;
}
