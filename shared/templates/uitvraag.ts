/**
 * Template `uitvraag`: the question to the field, written together with it. Public task,
 * desired public value, lots, procedure, what is asked of bidders and the criteria.
 */
import type { JSONContent } from '@tiptap/core';
import {
  bold,
  bulletList,
  criterion,
  doc,
  h2,
  h3,
  paragraph,
  prompt,
  table,
  title,
  type TemplateContext,
} from './builders';

export function buildUitvraag(ctx: TemplateContext): JSONContent {
  return doc([
    title(ctx, 'Uitvraag: [naam van de opgave]'),
    prompt(
      'Gemeente, bewoners, sociaal ondernemers en organisaties schrijven deze uitvraag samen. ' +
        'Vervang de schuingedrukte aanwijzingen en de voorbeeldblokken door jullie eigen tekst.',
    ),

    h2('De publieke opgave'),
    prompt(
      'Beschrijf in gewone taal welke taak er opgepakt moet worden, voor wie, in welk gebied en waarom nu. ' +
        'Noem ook wat er in de wijk al gebeurt en wie daar nu al mee bezig is.',
    ),
    paragraph(),

    h2('Gewenste maatschappelijke waarde'),
    prompt(
      'Wat is er over een paar jaar beter voor bewoners? Beschrijf het resultaat en niet de werkwijze, ' +
        'zodat inschrijvers ruimte houden voor hun eigen ideeën. Zet bij elk punt hoe je merkt dat het lukt.',
    ),
    bulletList([
      'Bezoekers hebben overdag een vaste, veilige plek waar ze welkom zijn.',
      'Meer buurtbewoners kennen elkaar en kunnen op elkaar terugvallen.',
      'Signalen van zorgen komen eerder bij de juiste hulp terecht.',
    ]),

    h2('Percelen'),
    prompt(
      'Deel het werk op in stukken die ook een bewonersgroep of kleine ondernemer aankan: per buurt, per dienst of naar omvang. ' +
        'Een partij mag op één of meer percelen inschrijven, alleen of met anderen.',
    ),
    table(
      ['Perceel', 'Wat', 'Gebied', 'Budget per jaar', 'Looptijd'],
      [
        ['1', 'Inloop en ontmoeting overdag', '[buurt of wijk]', '[bedrag]', '[looptijd]'],
        ['2', 'Samen koken en eten', 'Hele gemeente', '[bedrag]', '[looptijd]'],
        ['3', 'Kleine budgetten voor bewonersinitiatieven', 'Per buurt', '[bedrag]', '[looptijd]'],
      ],
    ),

    h2('Procedure en planning'),
    prompt(
      'Kies een route en schrijf op waarom. Een subsidie valt onder de Awb, niet onder het aanbestedingsrecht. ' +
        'Kies ook de contractvorm en hoe de opdracht betaald wordt.',
    ),
    table(
      ['Onderdeel', 'Keuze', 'Waarom'],
      [
        ['Procedure', 'Openbaar / niet-openbaar / concurrentiegerichte dialoog / onderhandeling / subsidie', ''],
        ['Contractvorm', 'Klassiek / neoklassiek / relationeel', ''],
        ['Financiering', 'Beschikbaarheid / populatiegebonden / prestatie / resultaat / een mix', ''],
      ],
    ),
    h3('Planning'),
    table(
      ['Stap', 'Wanneer'],
      [
        ['Informatiebijeenkomst, open voor iedereen die belangstelling heeft', '[datum]'],
        ['Vragen stellen; alle antwoorden komen in de nota van inlichtingen', '[datum]'],
        ['Inschrijven', '[datum]'],
        ['Gesprekken met inschrijvers', '[datum]'],
        ['Beoordeling, samen met bewoners', '[datum]'],
        ['Gunning en start', '[datum]'],
      ],
    ),
    prompt('Iedere partij krijgt dezelfde informatie op hetzelfde moment. Een gevestigde partij heeft geen voorsprong.'),

    h2('Wat we van inschrijvers vragen'),
    prompt(
      'Vraag alleen wat nodig is om te kunnen kiezen. Een kort plan, een gesprek of een filmpje volstaat vaak; ' +
        'niet iedereen schrijft makkelijk lange stukken.',
    ),
    bulletList([
      'De aanpak in hooguit vier pagina’s, of in een gesprek van een uur.',
      [bold('Bij inschrijving met meer partijen: '), 'wie de penvoerder is, wie wat doet en hoe het budget over de partners wordt verdeeld.'],
      'Hoe bewoners meedoen en hoe je aan hen verantwoording aflegt.',
      'Een begroting per perceel.',
    ]),

    h2('Criteria'),
    prompt(
      'Houd het bij een paar criteria en laat bewoners meebeslissen over de weging. Staan de criteria in een apart criteriadocument? ' +
        'Verwijs daar dan naar en haal de voorbeelden hieronder weg.',
    ),
    criterion(
      ctx,
      { kind: 'award', category: 'quality', weight: 40 },
      'Kwaliteit van de aanpak',
      'Past de aanpak bij wat bewoners nodig hebben, en is hij haalbaar met de mensen en middelen die de inschrijver inzet?',
    ),
    criterion(
      ctx,
      { kind: 'award', category: 'social_value', weight: 40 },
      'Maatschappelijke waarde',
      'Wat levert het aanbod de wijk op naast de opdracht zelf, zoals werk voor buurtbewoners of samenwerking met lokale initiatieven?',
    ),
    criterion(
      ctx,
      { kind: 'award', category: 'price', weight: 20 },
      'Prijs',
      'Is de begroting reëel en navolgbaar? De goedkoopste inschrijving wint niet vanzelf.',
    ),
  ]);
}
