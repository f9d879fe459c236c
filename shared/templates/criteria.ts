/**
 * Template `criteria`: selection criteria, award criteria with weights and knock-out
 * requirements, written with the barrier check in mind: few criteria, judged on quality and
 * public value, no turnover, legal-form or prior-experience requirements.
 */
import type { JSONContent } from '@tiptap/core';
import { bulletList, criterion, doc, h2, prompt, table, title, type TemplateContext } from './builders';

export function buildCriteria(ctx: TemplateContext): JSONContent {
  return doc([
    title(ctx, 'Selectie- en gunningscriteria: [naam van de opgave]'),
    prompt(
      'Hier bepalen we samen waarop we inschrijvers kiezen. Bewoners beslissen mee over de criteria en hun weging. ' +
        'Vervang de voorbeelden; de wegingen van de gunningscriteria tellen samen op tot 100.',
    ),

    h2('Uitgangspunten'),
    bulletList([
      'Weinig criteria, elk met een heldere uitleg van wat een goed antwoord is.',
      'We beoordelen vooral kwaliteit en maatschappelijke waarde; de prijs telt mee maar beslist niet alleen.',
      'Kennis uit eigen ervaring weegt even zwaar als een diploma.',
    ]),
    prompt(
      'Waarom geen omzeteis, geen verplichte rechtsvorm of ANBI-status en geen eis van eerdere ervaring? ' +
        'Zulke eisen houden bewonersgroepen en kleine sociaal ondernemers buiten de deur, ook als zij het werk goed kunnen doen. ' +
        'Is zo’n eis echt nodig voor deze opdracht, schrijf dan hier op waarom. Werktafel waarschuwt bij criteria in die categorieën.',
    ),

    h2('Eisen'),
    prompt(
      'Een eis is een knock-out: wie er niet aan voldoet, doet niet mee. Gebruik eisen alleen voor wat echt moet, ' +
        'zoals veiligheid of wat de wet voorschrijft.',
    ),
    criterion(
      ctx,
      { kind: 'requirement', category: 'other' },
      'Verklaring omtrent het gedrag',
      'Wie met bezoekers werkt, ook als vrijwilliger, heeft een VOG. De gemeente helpt kleine partijen bij de aanvraag.',
    ),

    h2('Selectiecriteria'),
    prompt(
      'Selectiecriteria gaan over de inschrijver, niet over het aanbod. Vraag wat iemand kan en hoe hij in de buurt staat, ' +
        'niet hoe groot de organisatie is of hoeveel jaar ze bestaat.',
    ),
    criterion(
      ctx,
      { kind: 'selection', category: 'other' },
      'Verbonden met de buurt',
      'De inschrijver, of een partner in het consortium, kent de bewoners en organisaties in het gebied. ' +
        'Dat blijkt uit twee korte referenties van buurtbewoners of buurtorganisaties. Een nieuwe organisatie of bewonersgroep kan hieraan voldoen.',
    ),

    h2('Gunningscriteria'),
    prompt('Gunningscriteria gaan over het aanbod. Houd het bij drie tot vijf en laat de weging samen op 100 uitkomen.'),
    criterion(
      ctx,
      { kind: 'award', category: 'quality', weight: 40 },
      'Kwaliteit van de aanpak',
      'Sluit de aanpak aan bij wat bewoners nodig hebben, is hij uitvoerbaar, en wordt er samengewerkt met wat er al is? ' +
        'We beoordelen het plan en het gesprek.',
    ),
    criterion(
      ctx,
      { kind: 'award', category: 'social_value', weight: 40 },
      'Maatschappelijke waarde',
      'Wat levert het aanbod de buurt extra op: werk of een leerplek voor buurtbewoners, inzet van ervaringsdeskundigen, ' +
        'ruimte voor lokale initiatieven, verantwoording aan bewoners.',
    ),
    criterion(
      ctx,
      { kind: 'award', category: 'price', weight: 20 },
      'Prijs',
      'Is de begroting reëel en helder, en gaat het geld vooral naar de uitvoering? De laagste prijs wint niet vanzelf.',
    ),

    h2('Beoordeling'),
    prompt(
      'Wie beoordeelt er? Bijvoorbeeld een commissie van bewoners, iemand van inkoop en een onafhankelijke voorzitter. ' +
        'Schrijf ook op hoe inschrijvers uitleg krijgen over de uitslag.',
    ),
    table(
      ['Punten', 'Wanneer'],
      [
        ['0', 'Geen of een onbruikbaar antwoord'],
        ['2', 'Voldoet voor een deel'],
        ['4', 'Voldoet'],
        ['6', 'Overtuigt en voegt iets toe'],
      ],
    ),
  ]);
}
