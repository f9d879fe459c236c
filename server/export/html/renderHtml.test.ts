import { describe, expect, it } from 'vitest';
import type { ExportModel } from '../types';
import { escapeHtml, renderHtml } from './renderHtml';

const model = (body: ExportModel['body']): ExportModel => ({
  title: '<Titel> & "zo"',
  language: 'nl-NL',
  meta: [{ label: 'Werkruimte', value: '<b>x</b>' }],
  parties: [{ party: 'P"><script>', color: '#123456', state: 'Nog niet getekend' }],
  body,
});

describe('renderHtml', () => {
  it('escapes every text, also in the title, meta and party names', () => {
    const html = renderHtml(model([{ kind: 'paragraph', runs: [{ text: '<img src=x onerror=alert(1)>' }] }]));
    expect(html).toContain('<title>&lt;Titel&gt; &amp; &quot;zo&quot;</title>');
    expect(html).toContain('<dd>&lt;b&gt;x&lt;/b&gt;</dd>');
    expect(html).toContain('P&quot;&gt;&lt;script&gt;');
    expect(html).toContain('<p>&lt;img src=x onerror=alert(1)&gt;</p>');
    expect(html).not.toMatch(/<script|<img/i);
    expect(escapeHtml(`'`)).toBe('&#39;');
  });

  it('links only http, https and mailto, even when the model holds something else', () => {
    const html = renderHtml(
      model([
        {
          kind: 'paragraph',
          runs: [
            { text: 'goed', href: 'https://example.org/?a=1&b="2"' },
            { text: 'slecht', href: 'javascript:alert(1)' },
            { text: 'data', href: 'data:text/html,<script>alert(1)</script>' },
          ],
        },
      ]),
    );
    expect(html).toContain('<a href="https://example.org/?a=1&amp;b=&quot;2&quot;" rel="noopener noreferrer nofollow">goed</a>');
    expect(html).toContain('slechtdata');
    expect(html).not.toMatch(/javascript:|data:text/);
  });

  it('uses a party colour only when it is plain hex', () => {
    const html = renderHtml({
      ...model([{ kind: 'commitments', groups: [{ party: 'X', color: 'red;background:url(x)', items: [] }] }]),
      parties: [],
    });
    expect(html).not.toContain('url(x)');
    expect(html).toContain('<h4>X</h4>');
  });
});
