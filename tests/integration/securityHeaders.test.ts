/**
 * Security headers on every kind of response (pages of the built client, API JSON, errors,
 * downloads, the event stream), and rich text that never executes: neither when HTML is
 * pasted into the editor's schema, nor when an outside client writes hostile content straight
 * into the Yjs document and someone exports it in any format.
 *
 * The page part needs the built client: `dist/` (`npm test` builds it first) or E2E_CLIENT_DIR.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { JSONContent } from '@tiptap/core';
import { generateHTML, generateJSON } from '@tiptap/html';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { Window } from 'happy-dom';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { baseExtensions } from '../../shared/editor/extensions';
import { DOCUMENT_FRAGMENT, documentSchema } from '../../shared/editor/schema';
import { addMember, buildWorkshop, signUp, type Workshop } from '../helpers/apiClient';
import { ProviderPool } from '../helpers/collab';
import { eventually, waitForSync } from '../helpers/providers';
import { startTestServer, type TestServer } from '../helpers/startTestServer';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const clientDir = path.resolve(process.env.E2E_CLIENT_DIR ?? path.join(repoRoot, 'dist'));
const hasClient = fs.existsSync(path.join(clientDir, 'index.html'));
if (!hasClient) console.warn(`[security headers] no built client in ${clientDir}: the HTML page checks are skipped (run \`npx vite build\`)`);

let server: TestServer;
let workshop: Workshop;
const pool = new ProviderPool();

beforeAll(async () => {
  server = await startTestServer({ CLIENT_DIR: hasClient ? clientDir : '' });
  workshop = await buildWorkshop(server.origin);
});
afterAll(async () => {
  pool.destroyAll();
  await server.stop();
});

/** CSP directives by name, each a list of sources. */
function parseCsp(header: string | null): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of (header ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

function expectSecurityHeaders(headers: Headers, what: string) {
  const csp = parseCsp(headers.get('content-security-policy'));
  const scriptSrc = csp.get('script-src') ?? csp.get('default-src');
  expect(scriptSrc, `${what}: script-src`).toBeDefined();
  expect(scriptSrc, `${what}: script-src`).toContain("'self'");
  for (const unsafe of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", '*', 'data:', 'http:', 'https:', 'blob:']) {
    expect(scriptSrc, `${what}: script-src allows ${unsafe}`).not.toContain(unsafe);
  }
  expect(csp.get('script-src-attr') ?? [], `${what}: script-src-attr`).not.toContain("'unsafe-inline'");
  expect(csp.get('frame-ancestors'), `${what}: frame-ancestors`).toEqual(["'none'"]);
  expect(csp.get('object-src'), `${what}: object-src`).toEqual(["'none'"]);
  expect(csp.get('base-uri'), `${what}: base-uri`).toBeDefined();
  expect(headers.get('x-content-type-options'), `${what}: nosniff`).toBe('nosniff');
  expect(['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin'], `${what}: Referrer-Policy`).toContain(headers.get('referrer-policy'));
  expect(headers.get('x-frame-options'), `${what}: X-Frame-Options`).toBe('DENY');
}

async function fetchHeaders(url: string, init: RequestInit = {}, stream = false) {
  const controller = new AbortController();
  const res = await fetch(server.origin + url, { ...init, signal: controller.signal });
  if (stream) controller.abort();
  else await res.arrayBuffer();
  return res;
}

describe('security headers', () => {
  test.skipIf(!hasClient).each(['/', '/d/x', '/uitnodiging/abc', '/favicon.svg'])('page %s', async (url) => {
    const res = await fetchHeaders(url);
    expect(res.status).toBe(200);
    expectSecurityHeaders(res.headers, url);
  });

  test.skipIf(!hasClient)('the built assets', async () => {
    const assets = fs.readdirSync(path.join(clientDir, 'assets')).filter((f) => /\.(js|css)$/.test(f));
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) {
      const res = await fetchHeaders(`/assets/${asset}`);
      expect(res.status, asset).toBe(200);
      expectSecurityHeaders(res.headers, asset);
    }
  });

  test.skipIf(!hasClient)('the built page needs no inline script, so the CSP does not have to allow one', () => {
    const window = new Window();
    const html = fs.readFileSync(path.join(clientDir, 'index.html'), 'utf8');
    const doc = new window.DOMParser().parseFromString(html, 'text/html');
    for (const script of doc.querySelectorAll('script')) {
      expect(script.getAttribute('src'), 'an inline <script> in index.html').toMatch(/^\/[^/]/);
      expect(script.textContent.trim()).toBe('');
    }
    for (const element of doc.querySelectorAll('*')) {
      for (const attr of element.getAttributeNames()) expect(attr, `${element.tagName} has an event handler attribute`).not.toMatch(/^on/i);
    }
    void window.happyDOM.close();
  });

  test('API responses of every kind: JSON, errors, 404, 413, downloads, the event stream', async () => {
    const cookie = workshop.owner.cookie!;
    const api = (p: string) => `/api${p}`;
    const ws = `/workspaces/${workshop.workspaceId}`;
    const doc = `/documents/${workshop.documentId}`;
    const feed = (await workshop.owner.post(`/api${ws}/calendar-feed`)).body.url as string;
    const cases: [string, string, RequestInit, number, boolean?][] = [
      ['health', api('/health'), {}, 200],
      ['signed out', api('/me'), {}, 401],
      ['unknown API path', api('/bestaat-niet'), {}, 404],
      ['workspace', api(ws), { headers: { cookie } }, 200],
      ['forged Origin', api('/workspaces'), { method: 'POST', headers: { cookie, origin: 'https://evil.example', 'content-type': 'application/json' }, body: '{"name":"x"}' }, 403],
      ['invalid JSON', api('/auth/signup'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' }, 400],
      ['body over the limit', api('/auth/signup'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ pad: 'x'.repeat(1024 * 1024 + 1) }) }, 413],
      ['HTML export', api(`${doc}/export?format=html`), { headers: { cookie } }, 200],
      ['PDF export', api(`${doc}/export?format=pdf`), { headers: { cookie } }, 200],
      ['CSV register', api(`${ws}/actions?format=csv`), { headers: { cookie } }, 200],
      ['calendar feed', feed.replace(server.origin, ''), {}, 200],
      ['event stream', api(`${ws}/events`), { headers: { cookie } }, 200, true],
    ];
    if (!hasClient) cases.push(['no client: page 404', '/', {}, 404]);
    for (const [what, url, init, status, stream] of cases) {
      const res = await fetchHeaders(url, init, stream);
      expect(res.status, what).toBe(status);
      expectSecurityHeaders(res.headers, what);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Rich text never executes
// ---------------------------------------------------------------------------------------------

/** Elements that run code, load a document, or submit somewhere. */
const dangerousElements = 'script, iframe, frame, object, embed, img, svg, math, form, base, link, style, video, audio, source, meta[http-equiv="refresh"]';
const allowedUrl = /^(https?:\/\/[^\s]+|mailto:[^\s]+)$/i;

/**
 * Fails when the HTML could run anything in a browser. Returns the parsed body text.
 * `noSchemesAnywhere`: the hostile input had `javascript:` only in link targets and
 * attributes, so it must not appear in the output at all, not even as text.
 */
async function expectInert(html: string, what: string, { allowMeta = false, noSchemesAnywhere = true } = {}): Promise<string> {
  if (noSchemesAnywhere) expect(html, what).not.toMatch(/javascript:|vbscript:|data:text\/html/i);
  const window = new Window();
  try {
    const doc = new window.DOMParser().parseFromString(html, 'text/html');
    // A standalone export carries its own CSP meta tag and stylesheet in <head>.
    const found = [...doc.querySelectorAll(dangerousElements)]
      .filter((e) => !(allowMeta && ['META', 'STYLE'].includes(e.tagName) && e.parentElement?.tagName === 'HEAD' && !/url\(|expression|@import/i.test(e.textContent)))
      .map((e) => e.tagName);
    expect(found, `${what}: dangerous elements`).toEqual([]);
    for (const element of doc.querySelectorAll('*')) {
      for (const attr of element.getAttributeNames()) {
        expect(attr, `${what}: <${element.tagName.toLowerCase()}> has an event handler`).not.toMatch(/^on/i);
        const value = element.getAttribute(attr) ?? '';
        if (['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc'].includes(attr.toLowerCase()) && value !== '') {
          expect(value, `${what}: <${element.tagName.toLowerCase()} ${attr}>`).toMatch(allowedUrl);
        }
        if (attr === 'style') expect(value, `${what}: style`).not.toMatch(/url\(|expression/i);
      }
    }
    return doc.body.textContent;
  } finally {
    await window.happyDOM.close();
  }
}

const hostilePastes: [string, string, string][] = [
  ['a script element', '<p>Hallo<script>alert(1)</script> wereld</p>', 'Hallo'],
  ['an onerror image', '<p><img src=x onerror=alert(1)>tekst na plaatje</p>', 'tekst na plaatje'],
  ['a javascript: link', '<p><a href="javascript:alert(1)">klik</a></p>', 'klik'],
  ['a mixed-case javascript: link', '<p><a href="JaVaScRiPt:alert(1)">klik</a></p>', 'klik'],
  ['an entity-encoded javascript: link', '<p><a href="&#106;avascript&#58;alert(1)">klik</a></p>', 'klik'],
  ['a javascript: link with whitespace', '<p><a href=" java\tscript:alert(1)">klik</a></p>', 'klik'],
  ['a data: link', '<p><a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">data</a></p>', 'data'],
  ['an iframe', '<p>voor</p><iframe src="https://evil.example/" srcdoc="<script>alert(1)</script>"></iframe><p>na</p>', 'na'],
  ['event handler attributes', '<p onclick="alert(1)" onmouseover="alert(2)" style="background:url(javascript:alert(3))">aanraken</p>', 'aanraken'],
  ['svg, object, embed, form', '<svg onload=alert(1)></svg><object data="javascript:alert(2)"></object><embed src="javascript:alert(3)"><form action="javascript:alert(4)"><button>verstuur</button></form><p>rest</p>', 'rest'],
  ['a link with a handler', '<p><a href="https://www.utrecht.nl/" onclick="alert(1)">gemeente</a></p>', 'gemeente'],
  ['a table cell with a handler', '<table><tr><td onclick="alert(1)"><p>cel</p></td></tr></table>', 'cel'],
  [
    'a structured block with hostile attributes',
    '<div data-block="commitment" data-party-id="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" data-status="<img src=x onerror=alert(2)>" onmouseover="alert(3)"><p>toezegging</p></div>',
    'toezegging',
  ],
];

describe('rich text pasted into the editor schema is neutralised', () => {
  test('the inertness check itself catches what it looks for', async () => {
    for (const bad of ['<p><script>x</script></p>', '<a href="javascript:x">a</a>', '<a href=" JAVASCRIPT:x">a</a>', '<p onclick="x">p</p>', '<img src="https://x.nl/a.png">', '<p style="background:url(https://x.nl)">p</p>']) {
      await expect(expectInert(bad, 'probe', { noSchemesAnywhere: false }), bad).rejects.toThrow();
    }
  });

  test.each(hostilePastes)('%s', async (_name, html, keeps) => {
    const extensions = baseExtensions();
    const json = generateJSON(html, extensions);
    // What the editor would hold fits the schema: no foreign nodes, no foreign attributes.
    expect(() => documentSchema().nodeFromJSON(json).check()).not.toThrow();
    // Attribute names the schema does not know are gone; link targets are allowed ones only.
    expect(JSON.stringify(json)).not.toMatch(/"on[a-z]+"|"style"|"srcdoc"|"src"/i);
    for (const href of linkTargets(json)) expect(href).toMatch(allowedUrl);
    const rendered = generateHTML(json, extensions);
    expect(await expectInert(rendered, 'editor HTML')).toContain(keeps);
    // HTML pasted as text stays text.
    const asText = generateHTML(generateJSON(`<p>${html.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`, extensions), extensions);
    expect(await expectInert(asText, 'paste as text', { noSchemesAnywhere: false })).toContain(html.replace(/&[^;]+;/g, '').slice(0, 3));
  });

  test('hostile content synced from another client renders inert in the editor', async () => {
    const extensions = baseExtensions();
    const doc = new Y.Doc();
    writeHostileContent(doc, workshop.partyId);
    // Exactly what the editor does with synced content: y-prosemirror builds schema nodes
    // (dropping elements the schema does not have), and the marks and nodes render to DOM.
    const node = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(DOCUMENT_FRAGMENT), documentSchema());
    const rendered = generateHTML(node.toJSON() as JSONContent, extensions);
    const text = await expectInert(rendered, 'synced content rendered by the editor schema');
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('klik hier');
    expect(rendered).toContain('href="https://www.utrecht.nl/wonen"');
    doc.destroy();
  });
});

function linkTargets(json: JSONContent): string[] {
  const own = (json.marks ?? []).filter((m) => m.type === 'link').map((m) => String(m.attrs?.href ?? ''));
  return [...own.filter((h) => h !== ''), ...(json.content ?? []).flatMap(linkTargets)];
}

/**
 * What an outside client can write straight into the Yjs document, past any editor: text that
 * looks like HTML, links to javascript: and data:, attributes the schema does not know,
 * elements the schema does not have, and structured blocks with hostile attribute values.
 */
function writeHostileContent(doc: Y.Doc, partyId: string): void {
  doc.transact(() => {
    const fragment = doc.getXmlFragment(DOCUMENT_FRAGMENT);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.setAttribute('onclick', 'alert("p")');
    const text = new Y.XmlText();
    text.insert(0, '<script>alert(1)</script> ');
    text.insert(text.length, 'klik hier', { link: { href: 'javascript:alert(2)' } });
    text.insert(text.length, ' en ');
    text.insert(text.length, 'hier', { link: { href: 'data:text/html,<script>alert(3)</script>' } });
    text.insert(text.length, ' <img src=x onerror=alert(4)> en ');
    text.insert(text.length, 'de gemeente', { link: { href: 'https://www.utrecht.nl/wonen', onclick: 'alert(5)' } });
    paragraph.insert(0, [text]);

    const heading = new Y.XmlElement('heading');
    heading.setAttribute('level', '1><script>alert(6)</script><h1');
    heading.insert(0, [new Y.XmlText('Kop <b onmouseover=alert(7)>vet</b>')]);

    const iframe = new Y.XmlElement('iframe');
    iframe.setAttribute('src', 'javascript:alert(8)');
    iframe.insert(0, [new Y.XmlText('in iframe')]);
    const script = new Y.XmlElement('script');
    script.insert(0, [new Y.XmlText('alert(9)')]);
    const image = new Y.XmlElement('image');
    image.setAttribute('src', 'javascript:alert(10)');
    image.setAttribute('onerror', 'alert(11)');

    const list = new Y.XmlElement('orderedList');
    list.setAttribute('start', '2"><script>alert(12)</script>');
    const item = new Y.XmlElement('listItem');
    const itemParagraph = new Y.XmlElement('paragraph');
    itemParagraph.insert(0, [new Y.XmlText('punt <svg onload=alert(13)>')]);
    item.insert(0, [itemParagraph]);
    list.insert(0, [item]);

    const commitment = new Y.XmlElement('commitment');
    commitment.setAttribute('id', 'blk-"><script>alert(14)</script>');
    commitment.setAttribute('partyId', partyId);
    commitment.setAttribute('status', 'proposed');
    const commitmentText = new Y.XmlElement('paragraph');
    commitmentText.insert(0, [new Y.XmlText('Wij leveren <iframe srcdoc="<script>alert(15)</script>">')]);
    commitment.insert(0, [commitmentText]);

    const action = new Y.XmlElement('action');
    action.setAttribute('id', 'actie-1');
    action.setAttribute('ownerPartyId', '"><script>alert(16)</script>');
    action.setAttribute('due', '<script>alert(17)</script>');
    action.setAttribute('funding', '<script>alert(18)</script>');
    const actionText = new Y.XmlElement('paragraph');
    actionText.insert(0, [new Y.XmlText('Actie <a href=# onclick=alert(19)>x</a>')]);
    action.insert(0, [actionText]);

    const criterion = new Y.XmlElement('criterion');
    criterion.setAttribute('id', 'crit-1');
    criterion.setAttribute('weight', '<img src=x onerror=alert(20)>');
    criterion.setAttribute('category', '<script>alert(21)</script>');
    const criterionText = new Y.XmlElement('paragraph');
    criterionText.insert(0, [new Y.XmlText('Criterium')]);
    criterion.insert(0, [criterionText]);

    fragment.insert(fragment.length, [heading, paragraph, iframe, script, image, list, commitment, action, criterion]);
  });
}

describe('hostile content written into the Yjs document never executes in an export', () => {
  let documentId: string;
  let versionId: string;

  beforeAll(async () => {
    const { owner, workspaceId, partyId } = workshop;
    // Names that end up in the export's front matter and sign-off, all chosen by users.
    await owner.patch(`/api/workspaces/${workspaceId}`, { name: '"><script>alert("werkruimte")</script>' });
    await owner.patch(`/api/workspaces/${workspaceId}/parties/${partyId}`, { name: '<svg onload=alert("partij")>' });
    documentId = (await owner.post(`/api/workspaces/${workspaceId}/documents`, { title: '<img src=x onerror=alert("titel")>Plan', template: 'blank' })).body.id;
    const writer = await addMember(workshop, server.origin, 'editor', '<iframe srcdoc="<script>alert(1)</script>">');
    const outside = pool.connect(documentId, { cookie: writer.cookie, origin: server.origin });
    await waitForSync(outside.provider);
    writeHostileContent(outside.doc, partyId);
    await eventually(async () => expect((await owner.get(`/api/documents/${documentId}/export?format=md`)).body).toContain('Criterium'));
    pool.destroyAll();
    versionId = (await owner.post(`/api/documents/${documentId}/versions`, { label: '<script>alert("versie")</script>' })).body.id;
    expect((await owner.post(`/api/documents/${documentId}/versions/${versionId}/adoption`, { partyIds: [partyId] })).status).toBe(201);
    expect((await writer.post(`/api/documents/${documentId}/versions/${versionId}/adoption/sign`, { decision: 'sign' })).status).toBe(200);
    // A second signer name on record, for the list of contributors.
    await signUp(server.origin, '<script>alert("buiten")</script>');
  });

  const exportOf = async (format: string, version: boolean) => {
    const res = await fetch(`${server.origin}/api/documents/${documentId}/export?format=${format}${version ? `&version=${versionId}` : ''}`, {
      headers: { cookie: workshop.owner.cookie! },
    });
    expect(res.status, `${format} export: ${res.status}`).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  };

  test.each([false, true])('HTML (version with sign-off: %s)', async (version) => {
    const html = (await exportOf('html', version)).toString('utf8');
    const text = await expectInert(html, 'HTML export', { allowMeta: true });
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('klik hier');
    expect(html).toContain('href="https://www.utrecht.nl/wonen"');
    expect(html).not.toMatch(/<(script|iframe|img|svg)\b/i);
  });

  test.each([false, true])('Markdown (version with sign-off: %s)', async (version) => {
    const md = (await exportOf('md', version)).toString('utf8');
    expect(md).not.toMatch(/javascript:|data:text\/html/i);
    // No raw HTML tag anywhere: `<` is escaped, except the line breaks of table cells.
    expect(md.match(/(?<!\\)<(?!br>)[a-z/!?]/gi) ?? []).toEqual([]);
    expect(md).toContain('\\<script\\>alert(1)\\</script\\>');
    expect(md).toContain('(https://www.utrecht.nl/wonen)');
  });

  test.each([false, true])('DOCX (version with sign-off: %s)', async (version) => {
    const zip = await JSZip.loadAsync(await exportOf('docx', version));
    const parts = await Promise.all(Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n)).map(async (n) => [n, await zip.file(n)!.async('string')] as const));
    for (const [name, xml] of parts) {
      expect(xml, name).not.toMatch(/javascript:|data:text\/html/i);
      expect(xml, name).not.toMatch(/<(script|iframe|img|svg)\b/i);
      for (const m of xml.matchAll(/TargetMode="External"[^>]*|Target="([^"]*)"[^>]*TargetMode="External"/g)) expect(m[0]).not.toMatch(/javascript/i);
    }
    const documentXml = parts.find(([n]) => n === 'word/document.xml')![1];
    expect(documentXml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const rels = parts.find(([n]) => n === 'word/_rels/document.xml.rels')![1];
    const targets = [...rels.matchAll(/Target="([^"]*)"[^>]*TargetMode="External"/g)].map((m) => m[1]);
    expect(targets).toEqual(['https://www.utrecht.nl/wonen']);
  });

  test.each([false, true])('PDF (version with sign-off: %s)', async (version) => {
    const raw = (await exportOf('pdf', version)).toString('latin1');
    expect(raw.startsWith('%PDF-')).toBe(true);
    expect(raw).not.toMatch(/\/JavaScript|\/JS\b|\/Launch|\/SubmitForm|\/ImportData|\/RichMedia|\/EmbeddedFile/);
    const uris = new Set([...raw.matchAll(/\/URI \(([^)]*)\)/g)].map((m) => m[1]));
    expect([...uris]).toEqual(['https://www.utrecht.nl/wonen']);
  });
});
