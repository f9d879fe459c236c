/**
 * The minutes (verslag) of a werksessie as editor content: the agenda with planned and actual
 * time, who was there per party, the turns per party with speaking time and what was said, the
 * cards of revealed private steps (./minutesCards.ts), the polls' results per party
 * (./minutesPolls.ts), and the actions and commitments written during the session. Pure: rows
 * in, Tiptap JSON out, in the language of whoever ended the session.
 */
import type { JSONContent } from '@tiptap/core';
import { localeOf, translate, type Language, type MessageKey, type MessageParams } from '../../shared/i18n/translate';
import { bold, bulletList, doc, h1, h2, h3, paragraph, table } from '../../shared/templates/builders';
import type { MemberWithUserRow, PartyRow, WorkSessionAttendanceRow, WorkSessionCardRow, WorkSessionRow, WorkSessionStepPeriodRow, WorkSessionStepRow, WorkSessionTurnRow } from '../storage/rows';
import { minutesCards } from './minutesCards';
import { pollsSection, type MinutesPoll } from './minutesPolls';
import { speakingTimes } from './turns';

/** An action or commitment block written in the workspace while the session ran. */
export interface MadeDuringSession {
  kind: 'action' | 'commitment';
  text: string;
  documentTitle: string;
  /** Absolute, so the editor's link rules (http(s) only) accept it. */
  href: string;
}

export interface MinutesInput {
  session: WorkSessionRow;
  steps: readonly WorkSessionStepRow[];
  periods: readonly WorkSessionStepPeriodRow[];
  turns: readonly WorkSessionTurnRow[];
  /** Cards of revealed steps only (`SessionCardRepo.listRevealed`). */
  cards: readonly WorkSessionCardRow[];
  attendance: readonly WorkSessionAttendanceRow[];
  parties: readonly PartyRow[];
  /** Whose names the minutes can give: the members, and the session's guests (marked as such). */
  members: readonly Pick<MemberWithUserRow, 'user_id' | 'name'>[];
  madeDuring: readonly MadeDuringSession[];
  /** The session's polls with their results as the API shows them. */
  polls: readonly MinutesPoll[];
  endedAt: number;
  lang: Language;
}

/** Sessions are held in the Netherlands: times are written as they were on the wall clock there. */
const timeZone = 'Europe/Amsterdam';

export function minutesTitle(session: WorkSessionRow, endedAt: number, lang: Language): string {
  return translate(lang, 'minutes.title', { title: session.title, date: formatDay(session.started_at ?? endedAt, lang) });
}

export function buildMinutes(input: MinutesInput): JSONContent {
  const { session, lang, endedAt } = input;
  const t = (key: MessageKey, params?: MessageParams) => translate(lang, key, params);
  const start = session.started_at ?? endedAt;
  const chair = input.members.find((m) => m.user_id === session.chair_user_id)?.name ?? t('minutes.unknownPerson');
  return doc([
    h1(minutesTitle(session, endedAt, lang)),
    paragraph(t('minutes.held', { date: formatDay(start, lang), start: formatTime(start, lang), end: formatTime(endedAt, lang), chair })),
    h2(t('minutes.agenda')),
    ...agenda(input, t),
    h2(t('minutes.present')),
    paragraph(t('minutes.presentMeans')),
    ...present(input, t),
    h2(t('minutes.turns')),
    ...turns(input, t),
    h2(t('minutes.cards')),
    ...minutesCards(input, t),
    h2(t('minutes.polls')),
    ...pollsSection(input.polls, input.parties, t),
    h2(t('minutes.madeDuring')),
    ...madeDuring(input, t),
  ]);
}

type Words = (key: MessageKey, params?: MessageParams) => string;

function agenda({ steps, periods, endedAt }: MinutesInput, t: Words): JSONContent[] {
  if (steps.length === 0) return [paragraph(t('minutes.noAgenda'))];
  // A step that was current more than once gets all of its time.
  const actual = new Map<string, number>();
  for (const period of periods) actual.set(period.step_id, (actual.get(period.step_id) ?? 0) + (period.ended_at ?? endedAt) - period.started_at);
  const rows = steps.map((step, index) => [
    `${index + 1}. ${step.title}`,
    t(`sessionKind.${step.kind}`),
    t('minutes.minutes', { minutes: step.minutes }),
    actual.has(step.id) ? formatDuration(actual.get(step.id)!) : t('minutes.notReached'),
  ]);
  return [table([t('minutes.step'), t('minutes.kind'), t('minutes.planned'), t('minutes.actual')], rows)];
}

/** Who was there: per party, the people who opened the running session and whether the party had a turn. */
function present({ attendance, turns, parties, members }: MinutesInput, t: Words): JSONContent[] {
  const spoke = new Set(turns.map((turn) => turn.party_id));
  const byParty = new Map<string | null, string[]>();
  for (const row of attendance) {
    const name = members.find((m) => m.user_id === row.user_id)?.name ?? t('minutes.unknownPerson');
    byParty.set(row.party_id, [...(byParty.get(row.party_id) ?? []), name]);
  }
  const items = parties
    .filter((party) => byParty.has(party.id) || spoke.has(party.id))
    .map((party) => {
      const people = byParty.get(party.id) ?? [];
      const who = people.length > 0 ? people.join(', ') : t('minutes.nobodyOpened');
      return [bold(party.name), `: ${who}`, ...(spoke.has(party.id) ? [` (${t('minutes.hadTurn')})`] : [])];
    });
  const withoutParty = byParty.get(null);
  if (withoutParty) items.push([bold(t('minutes.noParty')), `: ${withoutParty.join(', ')}`]);
  return items.length > 0 ? [bulletList(items)] : [paragraph(t('minutes.nobodyRecorded'))];
}

function turns({ turns, parties, steps, endedAt }: MinutesInput, t: Words): JSONContent[] {
  if (turns.length === 0) return [paragraph(t('minutes.noTurns'))];
  const partyName = (id: string) => parties.find((p) => p.id === id)?.name ?? t('minutes.unknownParty');
  const speaking = speakingTimes(turns, endedAt);
  const out: JSONContent[] = [
    table(
      [t('minutes.party'), t('minutes.turnCount'), t('minutes.speakingTime')],
      speaking.map((row) => [partyName(row.partyId), String(row.turns), formatDuration(row.ms)]),
    ),
  ];
  for (const step of steps) {
    const inStep = turns.filter((turn) => turn.step_id === step.id);
    if (inStep.length === 0) continue;
    out.push(h3(t('minutes.saidInStep', { step: step.title })));
    out.push(
      bulletList(inStep.map((turn) => [bold(partyName(turn.party_id)), ` (${formatDuration((turn.ended_at ?? endedAt) - turn.started_at)}): `, turn.said.trim() || t('minutes.nothingSaid')])),
    );
  }
  return out;
}

function madeDuring({ madeDuring }: MinutesInput, t: Words): JSONContent[] {
  if (madeDuring.length === 0) return [paragraph(t('minutes.nothingMade'))];
  return [
    {
      type: 'bulletList',
      content: madeDuring.map((item) => ({
        type: 'listItem',
        content: [
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: `${t(item.kind === 'action' ? 'minutes.action' : 'minutes.commitment')}: `, marks: [{ type: 'bold' }] },
              { type: 'text', text: item.text.trim() || t('minutes.untitled'), marks: [{ type: 'link', attrs: { href: item.href } }] },
              { type: 'text', text: ` (${item.documentTitle})` },
            ],
          },
        ],
      })),
    },
  ];
}

/** Minutes and seconds, "12:05": the same in both languages. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

function formatDay(at: number, lang: Language): string {
  return new Intl.DateTimeFormat(localeOf(lang), { timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(at);
}

function formatTime(at: number, lang: Language): string {
  return new Intl.DateTimeFormat(localeOf(lang), { timeZone, hour: '2-digit', minute: '2-digit' }).format(at);
}
