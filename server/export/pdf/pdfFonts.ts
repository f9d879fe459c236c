/**
 * The PDF's fonts: DejaVu Sans (regular, bold, oblique, bold oblique) and DejaVu Sans Mono from
 * the `dejavu-fonts-ttf` package, embedded as subsets. The 14 standard PDF fonts know only
 * Windows-1252, so "Łukasz", "Yılmaz" or "Nguyễn" could not be written with them; DejaVu covers
 * Latin, Greek, Cyrillic and Vietnamese. The files are resolved through node_modules from this
 * module, so the same lookup works from server/ under tsx and from the compiled dist-server/.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type PDFDocument from 'pdfkit';

type Pdf = InstanceType<typeof PDFDocument>;

const files = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
  boldItalic: 'DejaVuSans-BoldOblique.ttf',
  mono: 'DejaVuSansMono.ttf',
} as const;

export type FontName = keyof typeof files;

let loaded: Record<FontName, Buffer> | null = null;

/** The font files, read once per process (each worker thread reads its own). */
function fontData(): Record<FontName, Buffer> {
  if (!loaded) {
    const require = createRequire(import.meta.url);
    const read = (file: string) => readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`));
    loaded = Object.fromEntries(Object.entries(files).map(([name, file]) => [name, read(file)])) as Record<FontName, Buffer>;
  }
  return loaded;
}

/** Registers the fonts under their names in this document. */
export function registerFonts(pdf: Pdf): void {
  for (const [name, data] of Object.entries(fontData())) pdf.registerFont(name, data);
}

export const fontOf = (line: { bold?: boolean; italic?: boolean }): FontName =>
  line.bold ? (line.italic ? 'boldItalic' : 'bold') : line.italic ? 'italic' : 'regular';
