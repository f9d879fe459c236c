/**
 * Template `intentieverklaring`: the letter of intent adopted at the founding meeting, with the
 * partners and what each of them commits to.
 */
import type { JSONContent } from '@tiptap/core';
import { bulletList, commitment, doc, h2, paragraph, prompt, table, title, type TemplateContext } from './builders';

export function buildIntentieverklaring(ctx: TemplateContext): JSONContent {
  return doc([
    title(ctx, 'Intentieverklaring: [naam van de coalitie]'),
    prompt(
      'Met deze verklaring spreken de partners uit dat ze samen aan de slag gaan. We stellen haar vast in de startbijeenkomst. ' +
        'Het is geen contract: ze legt vast wat ieder van plan is.',
    ),

    h2('Aanleiding'),
    prompt('Waarom slaan deze partners de handen ineen? Beschrijf de opgave in een paar zinnen en wat er al is gebeurd.'),
    paragraph(),

    h2('Wat we samen willen bereiken'),
    prompt('De gezamenlijke ambitie, in gewone taal. Is er al een plan van aanpak, verwijs er dan naar.'),
    paragraph(),

    h2('Partners'),
    prompt('Eén rij per partner. Bewonersgroepen en kleine initiatieven staan hier naast de grote organisaties.'),
    table(
      ['Partner', 'Soort', 'Contactpersoon', 'Wat we meebrengen'],
      [
        ['[naam]', 'Bewonersgroep', '', 'Kennis van de buurt en vrijwilligers'],
        ['[naam]', 'Sociaal ondernemer', '', ''],
        ['[naam]', 'Welzijns- of zorgorganisatie', '', ''],
        ['Gemeente [naam]', 'Gemeente', '', ''],
      ],
    ),

    h2('Toezeggingen'),
    prompt(
      'Elke partner schrijft zelf op wat hij toezegt en kiest in het blok zijn partij. ' +
        'Een toezegging is pas bevestigd als iemand van die partij haar bevestigt.',
    ),
    commitment(ctx, 'Wij stellen drie dagdelen per week onze ruimte beschikbaar, met een vaste coördinator.'),
    commitment(ctx, 'Wij brengen vrijwilligers uit de buurt mee en houden elk kwartaal een avond waarop bewoners meedenken.'),
    commitment(ctx, 'Wij reserveren budget voor de eerste twee jaar en zorgen voor procesbegeleiding, zonder zelf de inhoud te bepalen.'),

    h2('Hoe we samenwerken'),
    bulletList([
      'We delen informatie met alle partners tegelijk.',
      'Elke partner heeft een stem in besluiten, hoe groot of klein hij ook is.',
      'We komen minstens eens per kwartaal bij elkaar om terug te kijken en bij te sturen.',
      'We spreken elkaar aan als een toezegging niet wordt nagekomen.',
    ]),
    prompt('Pas deze afspraken aan tot iedere partner ze kan onderschrijven.'),

    h2('Looptijd en vervolg'),
    prompt('Hoe lang geldt deze verklaring, wanneer volgt het plan van aanpak, en hoe kan een partner later aansluiten of uitstappen?'),
    paragraph(),

    h2('Ondertekening'),
    prompt('Vastgesteld in de startbijeenkomst op [datum] in [plaats].'),
    table(
      ['Partner', 'Naam', 'Functie of rol', 'Datum'],
      [
        ['', '', '', ''],
        ['', '', '', ''],
      ],
    ),
  ]);
}
