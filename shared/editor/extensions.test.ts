import { getSchema } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { baseExtensions, isAllowedLinkHref } from './extensions';

describe('baseExtensions', () => {
  it('builds a schema headless, with headings, lists, links and tables', () => {
    const schema = getSchema(baseExtensions());
    for (const node of ['heading', 'bulletList', 'orderedList', 'table', 'tableRow', 'tableHeader', 'tableCell']) {
      expect(schema.nodes[node], node).toBeDefined();
    }
    expect(schema.marks.link).toBeDefined();
    expect(schema.marks.bold).toBeDefined();
  });

  it('offers three heading levels', () => {
    const schema = getSchema(baseExtensions());
    expect(() => schema.nodes.heading!.create({ level: 2 })).not.toThrow();
  });
});

describe('isAllowedLinkHref', () => {
  it('accepts http, https and mailto', () => {
    expect(isAllowedLinkHref('https://www.utrecht.nl/wonen')).toBe(true);
    expect(isAllowedLinkHref('http://example.org')).toBe(true);
    expect(isAllowedLinkHref('mailto:inkoop@gemeente.example')).toBe(true);
  });

  it('refuses other schemes, relative and empty links', () => {
    for (const href of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,x', 'ftp://x.nl', '/intern', 'https://', 'mailto:', '', null]) {
      expect(isAllowedLinkHref(href), String(href)).toBe(false);
    }
  });
});
