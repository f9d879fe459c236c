/**
 * THE document templates offered when a document is created, in the order the dialog shows
 * them. Each builds Tiptap JSON that `writeJsonToDoc` writes into a fresh document. To add a
 * template: write a `build` function in its own file, add it here and to `templateNames`.
 * Framework-free: usable by the server, the client and tests alike.
 */
import type { JSONContent } from '@tiptap/core';
import { doc, paragraph, title, type TemplateContext } from './builders';
import { buildCriteria } from './criteria';
import { buildIntentieverklaring } from './intentieverklaring';
import { buildPlanVanAanpak } from './planVanAanpak';
import { buildStakeholderanalyse } from './stakeholderanalyse';
import { buildUitvraag } from './uitvraag';

export type { TemplateContext } from './builders';

export const templateNames = [
  'blank',
  'uitvraag',
  'criteria',
  'plan-van-aanpak',
  'intentieverklaring',
  'stakeholderanalyse',
] as const;
export type TemplateName = (typeof templateNames)[number];

export interface DocumentTemplateDefinition {
  name: TemplateName;
  /** Dutch name shown in the create dialog. */
  label: string;
  labelEn: string;
  /** Dutch one-liner under the label. */
  description: string;
  descriptionEn: string;
  /** Fresh content: new block ids from `ctx.newId()` on every call. */
  build: (ctx: TemplateContext) => JSONContent;
}

export const templates: readonly DocumentTemplateDefinition[] = [
  {
    name: 'blank',
    label: 'Leeg document',
    labelEn: 'Blank document',
    description: 'Begin met een leeg vel.',
    descriptionEn: 'Start from an empty page.',
    build: (ctx) => (ctx.title?.trim() ? doc([title(ctx, ''), paragraph()]) : doc([paragraph()])),
  },
  {
    name: 'uitvraag',
    label: 'Uitvraag',
    labelEn: 'Tender request',
    description: 'De vraag aan het veld: opgave, gewenste waarde, percelen, procedure en criteria.',
    descriptionEn: 'The question to the field: task, desired public value, lots, procedure and criteria.',
    build: buildUitvraag,
  },
  {
    name: 'criteria',
    label: 'Selectie- en gunningscriteria',
    labelEn: 'Selection and award criteria',
    description: 'Weinig criteria met wegingen, zonder drempels voor kleine partijen.',
    descriptionEn: 'A few weighted criteria, without barriers for small parties.',
    build: buildCriteria,
  },
  {
    name: 'plan-van-aanpak',
    label: 'Plan van aanpak',
    labelEn: 'Plan of approach',
    description: 'Visie, doelen, acties met eigenaar en financiering, samenwerking en reflectiemomenten.',
    descriptionEn: 'Vision, goals, actions with owner and funding, cooperation and reflection moments.',
    build: buildPlanVanAanpak,
  },
  {
    name: 'intentieverklaring',
    label: 'Intentieverklaring',
    labelEn: 'Letter of intent',
    description: 'De partners en hun toezeggingen, vast te stellen in de startbijeenkomst.',
    descriptionEn: 'The partners and their commitments, adopted at the founding meeting.',
    build: buildIntentieverklaring,
  },
  {
    name: 'stakeholderanalyse',
    label: 'Stakeholderanalyse',
    labelEn: 'Stakeholder analysis',
    description: 'Spelers, belangen, invloed, sterke en zwakke punten en historie.',
    descriptionEn: 'Players, interests, influence, strengths, weaknesses and history.',
    build: buildStakeholderanalyse,
  },
];

export function isTemplateName(name: string): name is TemplateName {
  return (templateNames as readonly string[]).includes(name);
}

export function getTemplate(name: TemplateName): DocumentTemplateDefinition {
  const found = templates.find((t) => t.name === name);
  if (!found) throw new Error(`Unknown template ${name}.`);
  return found;
}

/** Builds the content of a new document from the named template. */
export function buildTemplate(name: TemplateName, ctx: TemplateContext): JSONContent {
  return getTemplate(name).build(ctx);
}
