/**
 * Template `stakeholderanalyse`: who the players are, their interests and influence, their
 * strengths and weaknesses, and their history with each other and with the municipality.
 */
import type { JSONContent } from '@tiptap/core';
import { action, doc, h2, paragraph, prompt, table, title, type TemplateContext } from './builders';

export function buildStakeholderanalyse(ctx: TemplateContext): JSONContent {
  return doc([
    title(ctx, 'Stakeholderanalyse: [naam van de opgave]'),
    prompt(
      'Wie is bij deze opgave betrokken, of zou dat moeten zijn? Kijk breed: bewoners, initiatieven, verenigingen, sociaal ondernemers, ' +
        'zorg en welzijn, corporaties, scholen, bedrijven en de gemeente zelf. Laat de spelers meelezen en aanvullen.',
    ),

    h2('De opgave en wie erover gaat'),
    prompt(
      'Wie is eigenaar van het vraagstuk, en wie kan iets bijdragen aan een antwoord? ' +
        'Waar een probleem zichtbaar wordt, ligt niet altijd de oplossing.',
    ),
    paragraph(),

    h2('Spelers, belangen en invloed'),
    prompt(
      'Eén rij per speler. Belang: wat wil deze partij bereiken? Invloed: hoog, middel of laag, en waardoor. ' +
        'Schrijf het zo op dat je het de speler zelf zou laten lezen.',
    ),
    table(
      ['Speler', 'Soort', 'Belang bij de opgave', 'Invloed'],
      [
        ['[bewonersgroep]', 'Bewoners', 'Een plek in de buurt waar iedereen welkom is', 'Middel: veel draagvlak, weinig geld'],
        ['[welzijnsorganisatie]', 'Welzijn', 'Het huidige werk voortzetten', 'Hoog'],
        ['[woningcorporatie]', 'Wonen', 'Leefbaarheid in de eigen complexen', 'Middel'],
        ['[sociaal ondernemer]', 'Sociaal ondernemer', '', ''],
        ['Gemeente', 'Gemeente', '', ''],
      ],
    ),

    h2('Sterke en zwakke punten'),
    prompt('Per speler kort: waar is hij goed in, wat kan hij niet of nog niet, en wat willen we hem vragen?'),
    table(
      ['Speler', 'Sterk', 'Zwak', 'Wat we willen vragen'],
      [
        ['[bewonersgroep]', 'Kent de buurt en wordt vertrouwd', 'Weinig tijd en geen vaste ruimte', ''],
        ['[welzijnsorganisatie]', 'Vakkennis en continuïteit', 'Kan kleinere partners overvleugelen', ''],
        ['', '', '', ''],
      ],
    ),

    h2('Onverwachte partners'),
    prompt(
      'Wie staat nog niet op de lijst maar zou iets kunnen betekenen? Denk aan een sportclub, een kerk of moskee, ' +
        'de bibliotheek of een ondernemer om de hoek.',
    ),
    paragraph(),

    h2('Historie'),
    prompt(
      'Hoe hebben deze spelers eerder met elkaar en met de gemeente samengewerkt? Wat ging goed, ' +
        'en waar is vertrouwen beschadigd dat eerst hersteld moet worden?',
    ),
    paragraph(),

    h2('Rol van de gemeente'),
    prompt(
      'Welke rol heeft de gemeente nu, en welke wil ze: opdrachtgever, facilitator of gelijkwaardige partner? ' +
        'Welke kaders, middelen en mensen brengt ze in?',
    ),
    paragraph(),

    h2('Vervolg'),
    prompt('Wat doen we met deze analyse? Zet de eerste stappen hieronder als actie en kies wie ze oppakt.'),
    action(ctx, { funding: 'existing' }, 'Met elke speler apart een verkennend gesprek voeren over zijn belangen en wat hij wil bijdragen.'),
  ]);
}
