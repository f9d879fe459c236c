import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isBlockName, validateBlockAttrs } from '../blocks/attrs';
import { documentTemplates } from '../api/roles';
import { documentSchema, readJsonFromDoc, writeJsonToDoc } from '../editor/schema';
import { templateNames, templates, type TemplateContext } from './index';

const seedsDir = fileURLToPath(new URL('../../../shared/seeds', import.meta.url));
const templatesDir = fileURLToPath(new URL('.', import.meta.url));

function counterContext(prefix: string, userId: string | null = 'user-1', partyId: string | null = 'party-1') {
  const issued: string[] = [];
  const ctx: TemplateContext = {
    newId: () => {
      const id = `${prefix}-${issued.length + 1}`;
      issued.push(id);
      return id;
    },
    userId,
    partyId,
  };
  return { ctx, issued };
}

function walk(node: JSONContent, visit: (node: JSONContent) => void): void {
  visit(node);
  for (const child of node.content ?? []) walk(child, visit);
}

function countNodes(json: JSONContent): Record<string, number> {
  const counts: Record<string, number> = {};
  walk(json, (n) => {
    counts[n.type ?? '?'] = (counts[n.type ?? '?'] ?? 0) + 1;
  });
  return counts;
}

function blocksOf(json: JSONContent): JSONContent[] {
  const blocks: JSONContent[] = [];
  walk(json, (n) => {
    if (n.type && isBlockName(n.type)) blocks.push(n);
  });
  return blocks;
}

/** Plain text per text block (paragraph, heading), so n-grams never run across blocks. */
function textRuns(json: JSONContent): string[] {
  const runs: string[] = [];
  walk(json, (n) => {
    if (n.type === 'paragraph' || n.type === 'heading') {
      runs.push((n.content ?? []).map((c) => c.text ?? '').join(''));
    }
  });
  return runs;
}

const words = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

function ngrams(tokens: string[], n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i + n <= tokens.length; i++) out.push(tokens.slice(i, i + n).join(' '));
  return out;
}

const awardWeights = (json: JSONContent) =>
  blocksOf(json)
    .filter((b) => b.type === 'criterion' && b.attrs?.kind === 'award')
    .map((b) => Number(b.attrs?.weight ?? 0));

describe('templates', () => {
  it('lists every template name once, blank first, matching the API enum', () => {
    expect(templates.map((t) => t.name)).toEqual([...templateNames]);
    expect(templates[0]!.name).toBe('blank');
    expect([...templateNames]).toEqual([...documentTemplates]);
    for (const t of templates) {
      expect(t.label.length, t.name).toBeGreaterThan(0);
      expect(t.labelEn.length, t.name).toBeGreaterThan(0);
      expect(t.description.length, t.name).toBeGreaterThan(0);
    }
  });

  for (const template of templates) {
    describe(template.name, () => {
      it('builds JSON that the schema accepts as it is', () => {
        const json = template.build(counterContext('a').ctx);
        expect(json.type).toBe('doc');
        const node = documentSchema().nodeFromJSON(json);
        // check() validates content expressions, marks and attributes: nodeFromJSON alone does not.
        expect(() => node.check()).not.toThrow();
        // Round trip through the builder's own JSON: nothing dropped, renamed or defaulted away.
        expect(node.toJSON()).toEqual(withDefaults(json));
      });

      it('goes into a fresh Y.Doc and comes back with every node', () => {
        const json = template.build(counterContext('a').ctx);
        const ydoc = new Y.Doc();
        writeJsonToDoc(ydoc, json);
        const back = readJsonFromDoc(ydoc);
        expect(countNodes(back)).toEqual(countNodes(json));
        expect(documentSchema().nodeFromJSON(back).eq(documentSchema().nodeFromJSON(json))).toBe(true);
        ydoc.destroy();
      });

      it('gives every block a unique id from ctx.newId(), fresh on every build', () => {
        const first = counterContext('first');
        const second = counterContext('second');
        const a = blocksOf(template.build(first.ctx));
        const b = blocksOf(template.build(second.ctx));
        const idsA = a.map((blk) => blk.attrs?.id as string);
        const idsB = b.map((blk) => blk.attrs?.id as string);
        expect(new Set(idsA).size).toBe(idsA.length);
        expect(idsA).toEqual(first.issued);
        expect(idsB).toEqual(second.issued);
        expect(idsA.filter((id) => idsB.includes(id))).toEqual([]);
      });

      it('stamps blocks with the creating user and party, or null', () => {
        for (const [userId, partyId] of [
          ['user-9', 'party-9'],
          [null, null],
        ] as const) {
          for (const blk of blocksOf(template.build(counterContext('x', userId, partyId).ctx))) {
            expect(blk.attrs).toMatchObject({ createdBy: userId, createdByParty: partyId });
          }
        }
      });

      it('has example blocks with valid attributes, no owners and no dates', () => {
        for (const blk of blocksOf(template.build(counterContext('v').ctx))) {
          const name = blk.type as Parameters<typeof validateBlockAttrs>[0];
          const result = validateBlockAttrs(name, blk.attrs ?? {});
          if (name === 'commitment') {
            // A template commitment has no party yet: the only issue is that one must be picked.
            expect(result.valid ? {} : Object.keys(result.issues)).toEqual(['partyId']);
            expect(blk.attrs).toMatchObject({ partyId: null, status: 'proposed', confirmedBy: null, confirmedAt: null });
          } else {
            expect(result, JSON.stringify(blk.attrs)).toMatchObject({ valid: true });
          }
          if (name === 'action') expect(blk.attrs).toMatchObject({ ownerPartyId: null, ownerUserId: null, due: null });
          if (name === 'reflection') expect(blk.attrs).toMatchObject({ date: null, status: 'planned' });
        }
      });

      it('marks every block it writes as an example', () => {
        const blocks = blocksOf(template.build(counterContext('e').ctx));
        for (const blk of blocks) expect(blk.attrs, JSON.stringify(blk.attrs)).toMatchObject({ example: true });
        // The mark survives the trip into the Yjs document that the server stores.
        const doc = new Y.Doc();
        writeJsonToDoc(doc, template.build(counterContext('y').ctx));
        expect(blocksOf(readJsonFromDoc(doc)).map((b) => b.attrs?.example)).toEqual(blocks.map(() => true));
      });

      it('adds award weights up to 100 wherever it has award criteria, and raises no barrier warning', () => {
        const json = template.build(counterContext('w').ctx);
        const weights = awardWeights(json);
        if (weights.length > 0) expect(weights.reduce((sum, w) => sum + w, 0)).toBe(100);
        expect(weights.length).toBeLessThanOrEqual(5);
        const barriers = blocksOf(json).filter(
          (b) => b.type === 'criterion' && b.attrs?.kind !== 'award' && ['turnover', 'legal_form', 'experience'].includes(b.attrs?.category),
        );
        expect(barriers).toEqual([]);
      });

      it('uses the document title as h1 when one is given', () => {
        const json = template.build({ ...counterContext('t').ctx, title: 'Dagbesteding Noord' });
        expect(json.content?.[0]).toMatchObject({ type: 'heading', attrs: { level: 1 }, content: [{ text: 'Dagbesteding Noord' }] });
      });
    });
  }

  it('has the structure the domain asks for', () => {
    const build = (name: string) => templates.find((t) => t.name === name)!.build(counterContext(name).ctx);
    const h2s = (json: JSONContent) => (json.content ?? []).filter((n) => n.type === 'heading' && n.attrs?.level === 2).length;
    const kinds = (json: JSONContent, type: string) => blocksOf(json).filter((b) => b.type === type);

    const criteria = build('criteria');
    expect(awardWeights(criteria)).toEqual([40, 40, 20]);
    expect(kinds(criteria, 'criterion').filter((b) => b.attrs?.kind === 'selection').map((b) => b.attrs?.category)).toEqual(['other']);
    expect(kinds(criteria, 'criterion').some((b) => b.attrs?.kind === 'requirement')).toBe(true);

    const plan = build('plan-van-aanpak');
    expect(new Set(kinds(plan, 'action').map((b) => b.attrs?.funding))).toEqual(new Set(['existing', 'extra', 'unknown']));
    expect(kinds(plan, 'reflection')).toHaveLength(2);

    expect(kinds(build('intentieverklaring'), 'commitment').length).toBeGreaterThanOrEqual(2);
    expect(awardWeights(build('uitvraag'))).toEqual([40, 40, 20]);
    for (const name of ['uitvraag', 'stakeholderanalyse']) {
      expect(build(name).content?.some((n) => n.type === 'table'), name).toBe(true);
    }
    for (const t of templates.filter((x) => x.name !== 'blank')) {
      const json = build(t.name);
      expect(h2s(json), t.name).toBeGreaterThanOrEqual(4);
      // A page or two: well under a thousand words.
      expect(words(textRuns(json).join(' ')).length, t.name).toBeLessThan(900);
    }
  });

  it('builds blank as a single empty paragraph', () => {
    expect(templates[0]!.build(counterContext('b').ctx)).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
  });

  it.skipIf(!existsSync(seedsDir))('copies no run of 12 words from the seed texts', () => {
    const seedGrams = new Set<string>();
    for (const file of readdirSync(seedsDir)) {
      for (const gram of ngrams(words(readFileSync(`${seedsDir}/${file}`, 'utf8')), 12)) seedGrams.add(gram);
    }
    expect(seedGrams.size).toBeGreaterThan(0);
    const copied: string[] = [];
    for (const t of templates) {
      const runs = [...textRuns(t.build(counterContext('s').ctx)), t.label, t.description];
      for (const run of runs) for (const gram of ngrams(words(run), 12)) if (seedGrams.has(gram)) copied.push(`${t.name}: ${gram}`);
    }
    expect(copied).toEqual([]);
  });

  it('stays framework-free: no React, DOM or node: imports', () => {
    for (const file of readdirSync(templatesDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      const source = readFileSync(`${templatesDir}/${file}`, 'utf8');
      const imports = [...source.matchAll(/from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]!);
      for (const spec of imports) {
        expect(spec, `${file} imports ${spec}`).not.toMatch(/^(node:|react|react-dom|@tiptap\/react)/);
      }
      expect(source, file).not.toMatch(/\b(?:window|navigator|document)\.[A-Za-z]/);
    }
  });
});

/** The builder's JSON with the schema's default attributes filled in, as `toJSON()` writes it. */
function withDefaults(json: JSONContent): JSONContent {
  const type = documentSchema().nodes[json.type ?? ''];
  const out: JSONContent = { type: json.type };
  if (json.type === 'text') {
    out.text = json.text;
    if (json.marks) out.marks = json.marks.map((m) => ({ type: m.type }));
    return out;
  }
  if (type) {
    const defaults = Object.fromEntries(Object.entries(type.spec.attrs ?? {}).map(([k, spec]) => [k, spec.default]));
    if (Object.keys(defaults).length > 0) out.attrs = { ...defaults, ...(json.attrs ?? {}) };
  }
  if (json.content) out.content = json.content.map(withDefaults);
  return out;
}
