/**
 * Reads a PDF with poppler-utils (pdftotext, pdfinfo) and its catalog as written: the checks a
 * screen reader's and a search tool's view of the file depend on.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const hasPoppler = existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdfinfo');

function withFile<T>(body: Buffer, read: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'werktafel-pdf-'));
  try {
    const file = join(dir, 'export.pdf');
    writeFileSync(file, body);
    return read(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const pdfText = (body: Buffer): string => withFile(body, (file) => execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));

/** The structure tree as pdfinfo prints it: one element per line, indented, with its text. */
export const pdfStructure = (body: Buffer): string => withFile(body, (file) => execFileSync('/usr/bin/pdfinfo', ['-struct-text', file], { encoding: 'utf8' }));

/** The structure element types in the tree, in order (one per element). */
export const structureTypes = (tree: string): string[] => [...tree.matchAll(/^\s*([A-Za-z][A-Za-z0-9]*)(?: \(\w+\))?$/gm)].map((m) => m[1]!);

/** The PDF's objects by number, as written (pdfkit writes no object streams). */
function pdfObjects(body: Buffer): Map<string, string> {
  const raw = body.toString('latin1');
  return new Map([...raw.matchAll(/(?:^|\n)(\d+) 0 obj\n([\s\S]*?)\nendobj/g)].map((m) => [m[1]!, m[2]!]));
}

/** The catalog's /Lang, whether its /MarkInfo says Marked true, and whether its /StructTreeRoot is one. */
export function pdfCatalog(body: Buffer): { lang: string | null; marked: boolean; structTreeRoot: boolean } {
  const objects = pdfObjects(body);
  const catalog = [...objects.values()].find((o) => /^<<\n\/Type \/Catalog\n/.test(o)) ?? '';
  const resolve = (key: string) => {
    const ref = new RegExp(`/${key} (\\d+) 0 R`).exec(catalog)?.[1];
    return ref ? (objects.get(ref) ?? '') : '';
  };
  return {
    lang: /\/Lang \(([^)]*)\)/.exec(catalog)?.[1] ?? null,
    marked: /\/Marked true/.test(resolve('MarkInfo')),
    structTreeRoot: /\/Type \/StructTreeRoot/.test(resolve('StructTreeRoot')),
  };
}
