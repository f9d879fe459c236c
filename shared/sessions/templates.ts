/**
 * The agendas a session can start from, in Dutch and English. The Verkenningsbijeenkomst follows
 * the programme of the source texts (003, step 4-5): a beginning where the vision is sketched and
 * made relevant to each partner, a central part where every partner shares interests and ideas,
 * tensions are resolved and ideas for action exchanged, and an end where the chair names how far
 * the partners agree and commit, what is still open, the next steps and the next meeting. The
 * criteria session lets residents decide on criteria and weights (000, 004); the starting
 * meeting is step 9, where partners adopt the plan or a letter of intent.
 */
import type { Language } from '../i18n/messages';
import type { SessionTemplateName, StepKind } from './steps';

interface Wording {
  title: string;
  instruction: string;
}

export interface TemplateStep {
  kind: StepKind;
  minutes: number;
  nl: Wording;
  en: Wording;
}

export interface SessionTemplate {
  nl: string;
  en: string;
  steps: readonly TemplateStep[];
}

const verkenning: SessionTemplate = {
  nl: 'Verkenningsbijeenkomst',
  en: 'Exploratory meeting',
  steps: [
    {
      kind: 'talk',
      minutes: 10,
      nl: { title: 'Welkom en doel van de bijeenkomst', instruction: 'De voorzitter heet iedereen welkom, vertelt waarom we hier zijn en wat we aan het eind willen weten.' },
      en: { title: 'Welcome and purpose of the meeting', instruction: 'The chair welcomes everyone, says why we are here and what we want to know by the end.' },
    },
    {
      kind: 'talk',
      minutes: 15,
      nl: { title: 'De visie schetsen', instruction: 'De initiatiefnemer schetst de visie op de opgave en maakt die relevant voor ieder van de partners.' },
      en: { title: 'Sketching the vision', instruction: 'The initiator sketches the vision of the task and makes it relevant to each of the partners.' },
    },
    {
      kind: 'round',
      minutes: 30,
      nl: { title: 'Ronde: belangen en ideeën van iedere partner', instruction: 'Iedere partij krijgt evenveel tijd om haar belangen, behoeften en ideeën te delen. De anderen luisteren en vragen alleen door.' },
      en: { title: 'Round: interests and ideas of every partner', instruction: 'Every party gets the same time to share its interests, needs and ideas. The others listen and only ask questions.' },
    },
    {
      kind: 'talk',
      minutes: 20,
      nl: { title: 'Spanningen bespreken', instruction: 'Waar botsen belangen? Benoem de spanningen en zoek samen naar wat ze kan oplossen.' },
      en: { title: 'Discussing tensions', instruction: 'Where do interests clash? Name the tensions and look together for what can resolve them.' },
    },
    {
      kind: 'write',
      minutes: 20,
      nl: { title: 'Ideeën voor acties uitwisselen', instruction: 'Schrijf in het document welke acties je partij op zich zou kunnen nemen.' },
      en: { title: 'Exchanging ideas for action', instruction: 'Write in the document which actions your party could take on.' },
    },
    {
      kind: 'decide',
      minutes: 10,
      nl: { title: 'Vaststellen commitment', instruction: 'De voorzitter benoemt in welke mate er overeenstemming en commitment is en waarover nog nader gesprek nodig is.' },
      en: { title: 'Establishing commitment', instruction: 'The chair names how far there is agreement and commitment, and what needs more talk.' },
    },
    {
      kind: 'close',
      minutes: 5,
      nl: { title: 'Vervolgstappen en volgende bijeenkomst', instruction: 'Spreek de vervolgstappen af, wie ze zet, en de datum van de volgende bijeenkomst.' },
      en: { title: 'Next steps and the next meeting', instruction: 'Agree the next steps, who takes them, and the date of the next meeting.' },
    },
  ],
};

const criteria: SessionTemplate = {
  nl: 'Criteria en weging met bewoners',
  en: 'Criteria and weights with residents',
  steps: [
    {
      kind: 'talk',
      minutes: 10,
      nl: { title: 'Welkom en uitleg', instruction: 'Leg uit wat een gunningscriterium is en dat bewoners vandaag de criteria en hun weging bepalen.' },
      en: { title: 'Welcome and explanation', instruction: 'Explain what an award criterion is and that residents decide on the criteria and their weights today.' },
    },
    {
      kind: 'round',
      minutes: 20,
      nl: { title: 'Ronde: wat vinden bewoners belangrijk?', instruction: 'Iedere partij zegt om de beurt wat een goede aanbieder volgens haar moet laten zien.' },
      en: { title: 'Round: what matters to residents?', instruction: 'Each party in turn says what a good provider should show, in its view.' },
    },
    {
      kind: 'private',
      minutes: 10,
      nl: { title: 'Criteria voorstellen', instruction: 'Schrijf ieder voor zich de criteria op die je voorstelt.' },
      en: { title: 'Proposing criteria', instruction: 'Each on your own, write down the criteria you propose.' },
    },
    {
      kind: 'write',
      minutes: 15,
      nl: { title: 'Criteria formuleren', instruction: 'Maak van de voorstellen criteria in het document.' },
      en: { title: 'Wording the criteria', instruction: 'Turn the proposals into criteria in the document.' },
    },
    {
      kind: 'poll',
      minutes: 15,
      nl: { title: 'Weging verdelen', instruction: 'Verdeel de punten over de criteria; de uitkomst wordt de weging.' },
      en: { title: 'Spreading the weights', instruction: 'Spread the points over the criteria; the result becomes the weights.' },
    },
    {
      kind: 'close',
      minutes: 5,
      nl: { title: 'Afsluiting', instruction: 'Vat de criteria en hun weging samen en zeg wat er nu mee gebeurt.' },
      en: { title: 'Closing', instruction: 'Sum up the criteria and their weights and say what happens with them next.' },
    },
  ],
};

const startbijeenkomst: SessionTemplate = {
  nl: 'Startbijeenkomst: vaststellen',
  en: 'Starting meeting: adoption',
  steps: [
    {
      kind: 'talk',
      minutes: 10,
      nl: { title: 'Welkom en terugblik', instruction: 'Waar kwamen we vandaan sinds de verkenningsbijeenkomst?' },
      en: { title: 'Welcome and looking back', instruction: 'Where have we come from since the exploratory meeting?' },
    },
    {
      kind: 'talk',
      minutes: 15,
      nl: { title: 'Het plan van aanpak doorlopen', instruction: 'Loop samen de visie, doelen en acties van het plan door.' },
      en: { title: 'Going through the plan', instruction: 'Go through the vision, goals and actions of the plan together.' },
    },
    {
      kind: 'round',
      minutes: 20,
      nl: { title: 'Ronde: wat neemt iedere partner op zich?', instruction: 'Iedere partij zegt welke acties en middelen zij inbrengt.' },
      en: { title: 'Round: what does each partner take on?', instruction: 'Each party says which actions and resources it brings.' },
    },
    {
      kind: 'decide',
      minutes: 15,
      nl: { title: 'Vaststellen', instruction: 'De partners stellen het plan of de intentieverklaring vast; iedere partij zegt in hoeverre zij instemt.' },
      en: { title: 'Adoption', instruction: 'The partners adopt the plan or the letter of intent; each party says how far it agrees.' },
    },
    {
      kind: 'close',
      minutes: 5,
      nl: { title: 'Afspraken en vervolg', instruction: 'Wie doet wat en wanneer komen we weer bij elkaar?' },
      en: { title: 'Agreements and follow-up', instruction: 'Who does what, and when do we meet again?' },
    },
  ],
};

export const sessionTemplates: Record<Exclude<SessionTemplateName, 'blank'>, SessionTemplate> = { verkenning, criteria, startbijeenkomst };

/** A template's steps in one language, ready to become an agenda. */
export function templateSteps(name: SessionTemplateName, lang: Language): { kind: StepKind; title: string; instruction: string; minutes: number }[] {
  if (name === 'blank') return [];
  return sessionTemplates[name].steps.map((step) => ({ kind: step.kind, minutes: step.minutes, ...step[lang] }));
}
