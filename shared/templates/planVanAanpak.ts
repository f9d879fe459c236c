/**
 * Template `plan-van-aanpak`: vision, goals, actions with owners and funding, how the partners
 * work together, how progress is followed, and the reflection moments.
 */
import type { JSONContent } from '@tiptap/core';
import { action, doc, h2, orderedList, paragraph, prompt, reflection, table, title, type TemplateContext } from './builders';

export function buildPlanVanAanpak(ctx: TemplateContext): JSONContent {
  return doc([
    title(ctx, 'Plan van aanpak: [naam van de coalitie]'),
    prompt(
      'De partners schrijven dit plan samen: waar we naartoe willen, wat we daarvoor doen en wie wat oppakt. ' +
        'We mogen beginnen terwijl nog niet elke actie een eigenaar heeft.',
    ),

    h2('Visie'),
    prompt(
      'Wat wordt er mogelijk als deze samenwerking slaagt? Schrijf het zo dat elke partner zich erin herkent, ook de kleinste. ' +
        'De visie mag groter zijn dan wat alle partners gemeen hebben.',
    ),
    paragraph(),

    h2('Doelen'),
    prompt('Drie tot vijf doelen, zo concreet dat we over een jaar kunnen zeggen of ze gehaald zijn.'),
    orderedList([
      'Binnen een jaar heeft elke buurt een inloopplek die minstens vier dagen per week open is.',
      'Twintig buurtbewoners werken betaald of als vrijwilliger mee in de activiteiten.',
      '[Derde doel: wat, voor wie, wanneer]',
    ]),

    h2('Acties'),
    prompt(
      'Kies bij elke actie de partij die hem oppakt en hoe hij betaald wordt: binnen het bestaande werk van die partij, ' +
        'met extra geld, of nog onbekend. Een actie zonder eigenaar blijft zichtbaar tot iemand hem oppakt.',
    ),
    action(ctx, { funding: 'existing' }, 'Twee ochtenden per week inloop in de eigen ontmoetingsruimte, met vaste vrijwilligers.'),
    action(
      ctx,
      { funding: 'extra' },
      'Elke week koken bezoekers samen met een kok een maaltijd voor de buurt. Hiervoor is extra geld nodig voor de kok en de boodschappen.',
    ),
    action(ctx, { funding: 'unknown' }, 'Vervoer voor bewoners die slecht ter been zijn. Nog geen eigenaar: wie pakt dit op?'),

    h2('Samenwerking'),
    prompt(
      'Hoe organiseren we het samen? Schrijf op wie waarover beslist en hoe het geld over de partners wordt verdeeld, ' +
        'zodat een grote partner de kleine niet overvleugelt.',
    ),
    table(
      ['Rol', 'Wie', 'Wat deze rol doet'],
      [
        ['Penvoerder of trekker', '', 'Houdt overzicht en bewaakt de afspraken; beslist niet alleen.'],
        ['Stuurgroep', '', 'Besluit over koers en geld; elke partner heeft een stem.'],
        ['Programmateam', '', 'Doet het dagelijkse werk en stemt af tussen de acties.'],
        ['Klankbordgroep van bewoners', '', 'Denkt mee en brengt signalen uit de buurt in.'],
      ],
    ),

    h2('Monitoring en verantwoording'),
    prompt(
      'Kies een paar dingen om te volgen en spreek af wie dat doet en hoe vaak. ' +
        'We leggen verantwoording af aan bewoners en de wijk, niet alleen aan de gemeenteraad.',
    ),
    table(
      ['Wat we volgen', 'Hoe', 'Wie', 'Hoe vaak'],
      [
        ['Aantal bezoekers van de inloop', 'Turven bij de deur', '', 'Elke maand'],
        ['Hoe bezoekers de inloop ervaren', 'Korte gesprekken met bezoekers', '', 'Elk kwartaal'],
      ],
    ),

    h2('Reflectiemomenten'),
    prompt(
      'Plan vaste momenten om samen terug te kijken: doen we de goede dingen, en doen we ze goed? ' +
        'Kies een datum, en schrijf na afloop op wat opviel en wat we bijsturen.',
    ),
    reflection(
      ctx,
      'Eerste terugblik, na drie maanden',
      [
        'Doen we de goede dingen: merken bewoners er al iets van?',
        'Doen we ze goed: lopen de afspraken tussen de partners?',
        'Komt iedere partner aan bod, ook de kleinere?',
      ],
      'Aantekeningen en besluiten over bijsturing:',
    ),
    reflection(
      ctx,
      'Terugblik na een jaar, met bewoners en de wijk',
      [
        'Welke doelen zijn gehaald, welke niet, en waarom?',
        'Welke acties stoppen we, welke komen erbij, en wie neemt de acties zonder eigenaar?',
        'Klopt de verdeling van taken en geld nog?',
      ],
      'Aantekeningen en besluiten over bijsturing:',
    ),
  ]);
}
