/**
 * Reads an ODT back the way an office suite would: the zip with its raw first entry, and the
 * XML parts parsed strictly (any parser warning fails the test), with helpers that give the
 * texts of headings, lists and tables as a reader sees them.
 */
import { DOMParser, type Document, type Element, type Node } from '@xmldom/xmldom';
import JSZip from 'jszip';

export const ns = {
  text: 'urn:oasis:names:tc:opendocument:xmlns:text:1.0',
  table: 'urn:oasis:names:tc:opendocument:xmlns:table:1.0',
  office: 'urn:oasis:names:tc:opendocument:xmlns:office:1.0',
  dc: 'http://purl.org/dc/elements/1.1/',
  manifest: 'urn:oasis:names:tc:opendocument:xmlns:manifest:1.0',
  xlink: 'http://www.w3.org/1999/xlink',
} as const;

export function parseXml(xml: string): Document {
  return new DOMParser({
    onError: (level, message) => {
      throw new Error(`XML ${level}: ${message}`);
    },
  }).parseFromString(xml, 'text/xml');
}

/** The first local file header of the zip: name, compression method and extra field length. */
export function firstZipEntry(body: Buffer): { name: string; method: number; extraLength: number; data: string } {
  const nameLength = body.readUInt16LE(26);
  const extraLength = body.readUInt16LE(28);
  const size = body.readUInt32LE(18);
  const start = 30 + nameLength + extraLength;
  return { name: body.toString('latin1', 30, 30 + nameLength), method: body.readUInt16LE(8), extraLength, data: body.toString('latin1', start, start + size) };
}

export interface OdtParts {
  zip: JSZip;
  content: Document;
  styles: Document;
  meta: Document;
  manifest: Document;
}

export async function readOdt(body: Buffer): Promise<OdtParts> {
  const zip = await JSZip.loadAsync(body);
  const part = async (path: string) => parseXml(await zip.file(path)!.async('string'));
  return { zip, content: await part('content.xml'), styles: await part('styles.xml'), meta: await part('meta.xml'), manifest: await part('META-INF/manifest.xml') };
}

const elements = (node: Node): Element[] => Array.from(node.childNodes).filter((n): n is Element => n.nodeType === 1);

/** Text as displayed: `text:s` spaces, tabs and line breaks included. */
export function textOf(node: Node): string {
  if (node.nodeType === 3) return node.nodeValue ?? '';
  const element = node as Element;
  if (element.namespaceURI === ns.text) {
    if (element.localName === 's') return ' '.repeat(Number(element.getAttributeNS(ns.text, 'c') || 1));
    if (element.localName === 'tab') return '\t';
    if (element.localName === 'line-break') return '\n';
  }
  return Array.from(node.childNodes).map(textOf).join('');
}

export const all = (root: Document | Element, namespace: string, name: string): Element[] => Array.from(root.getElementsByTagNameNS(namespace, name));

/** Every heading as [outline level, text]. */
export const headings = (content: Document): [number, string][] =>
  all(content, ns.text, 'h').map((h) => [Number(h.getAttributeNS(ns.text, 'outline-level')), textOf(h)]);

/** Every table as rows of cell texts (header rows included), paragraphs in a cell joined by "\n". */
export const tables = (content: Document): string[][][] =>
  all(content, ns.table, 'table').map((table) =>
    all(table, ns.table, 'table-row').map((row) => elements(row).filter((c) => c.localName === 'table-cell').map((cell) => elements(cell).map(textOf).join('\n'))),
  );

/** Every list as the texts of its items (nested lists are listed on their own too). */
export const lists = (content: Document): { style: string; items: string[] }[] =>
  all(content, ns.text, 'list').map((list) => ({
    style: list.getAttributeNS(ns.text, 'style-name') ?? '',
    items: elements(list).filter((e) => e.localName === 'list-item').map((item) => elements(item).filter((e) => e.localName === 'p').map(textOf).join('\n')),
  }));
