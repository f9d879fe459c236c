import { describe, expect, it } from 'vitest';
import type { ExportModel } from '../types';
import { escapeMarkdown, inlineMarkdown, renderMarkdown } from './renderMarkdown';

const model = (body: ExportModel['body']): ExportModel => ({ title: 'T', language: 'nl-NL', meta: [], parties: [], body });

describe('renderMarkdown', () => {
  it('escapes text that Markdown or HTML would read as syntax', () => {
    expect(escapeMarkdown('<b>*x*</b> | [a](b) _y_ #1 `c` &amp;')).toBe(
      '\\<b\\>\\*x\\*\\</b\\> \\| \\[a\\](b) \\_y\\_ \\#1 \\`c\\` \\&amp;',
    );
    expect(renderMarkdown(model([{ kind: 'paragraph', runs: [{ text: '1. geen lijst' }] }]))).toContain('\n1\\. geen lijst\n');
    expect(renderMarkdown(model([{ kind: 'paragraph', runs: [{ text: '- geen lijst' }] }]))).toContain('\n\\- geen lijst\n');
  });

  it('keeps marks tight around the words and links only what the model allows', () => {
    expect(inlineMarkdown([{ text: 'vet ', bold: true }, { text: 'en ' }, { text: 'link', href: 'https://example.org/a(b)' }])).toBe(
      '**vet** en [link](https://example.org/a%28b%29)',
    );
    expect(inlineMarkdown([{ text: 'geen link', href: 'javascript:alert(1)' }])).not.toContain('javascript');
  });

  it('writes tables with a header row and one line per cell', () => {
    const md = renderMarkdown(
      model([
        {
          kind: 'table',
          rows: [
            { header: true, cells: [[[{ text: 'A' }]], [[{ text: 'B' }]]] },
            { header: false, cells: [[[{ text: 'een | twee' }], [{ text: 'drie' }]], []] },
          ],
        },
      ]),
    );
    expect(md).toContain('| A | B |\n| --- | --- |\n| een \\| twee<br>drie |  |');
  });
});
