/**
 * Inline content of the ODT export: runs as spans with automatic text styles (bold, italic,
 * underline, strike, code, colour), allowed links as `text:a`, and the whitespace ODF would
 * otherwise collapse (repeated spaces, tabs, hard breaks) as its own elements.
 */
import { isAllowedLinkHref } from '../../../shared/editor/extensions';
import type { Run } from '../types';
import { escapeXml } from '../xmlText';
import { monoFontName } from './odtStyles';

export interface SpanStyle {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  code?: boolean;
  /** A safe `#rrggbb` colour (a party's). */
  color?: string | null;
}

/**
 * The automatic styles of content.xml, made as they are first needed: one text style per
 * combination of marks, one column style per table column width.
 */
export class AutomaticStyles {
  /** Style name and definition by what it describes. */
  private readonly made = new Map<string, { name: string; xml: string }>();

  private make(key: string, name: string, xml: () => string): string {
    const existing = this.made.get(key);
    if (existing) return existing.name;
    this.made.set(key, { name, xml: xml() });
    return name;
  }

  span(style: SpanStyle): string | null {
    const key = [style.bold && 'b', style.italic && 'i', style.underline && 'u', style.strike && 's', style.code && 'c', style.color?.replace('#', 'x')].filter(Boolean).join('');
    if (!key) return null;
    const props = [
      style.bold ? 'fo:font-weight="bold"' : '',
      style.italic ? 'fo:font-style="italic"' : '',
      style.underline ? 'style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color"' : '',
      style.strike ? 'style:text-line-through-style="solid"' : '',
      style.code ? `style:font-name="${monoFontName}"` : '',
      style.color ? `fo:color="${escapeXml(style.color)}"` : '',
    ].filter(Boolean);
    const name = `T_${key}`;
    return this.make(`text:${key}`, name, () => `<style:style style:name="${name}" style:family="text"><style:text-properties ${props.join(' ')}/></style:style>`);
  }

  /** A column style for a width in centimetres. */
  column(widthCm: number): string {
    const width = widthCm.toFixed(2);
    const name = `Col_${width.replace('.', '_')}`;
    return this.make(`column:${width}`, name, () => `<style:style style:name="${name}" style:family="table-column"><style:table-column-properties style:column-width="${width}cm"/></style:style>`);
  }

  xml(): string {
    return [...this.made.values()].map((style) => style.xml).join('\n');
  }
}

/** Text content with ODF's whitespace elements: a run of spaces keeps its length, `\n` breaks the line. */
export function odfText(text: string): string {
  return escapeXml(text)
    .replace(/ {2,}/g, (spaces) => ` <text:s text:c="${spaces.length - 1}"/>`)
    .replace(/^ /, '<text:s/>')
    .replace(/\t/g, '<text:tab/>')
    .replace(/\r?\n|\u2028/g, '<text:line-break/>');
}

/** Runs as the inside of a paragraph. `base` marks apply to every run (a bold table header). */
export function inline(runs: Run[], styles: AutomaticStyles, base: SpanStyle = {}): string {
  return runs
    .map((run) => {
      const name = styles.span({ bold: base.bold || run.bold, italic: base.italic || run.italic, underline: run.underline, strike: run.strike, code: run.code, color: base.color });
      const content = odfText(run.text);
      const span = name ? `<text:span text:style-name="${name}">${content}</text:span>` : content;
      return run.href && isAllowedLinkHref(run.href)
        ? `<text:a xlink:type="simple" xlink:href="${escapeXml(run.href)}" text:style-name="Internet_20_link">${span}</text:a>`
        : span;
    })
    .join('');
}

/** A paragraph of the given paragraph style. */
export const para = (style: string, content: string): string => `<text:p text:style-name="${style}">${content}</text:p>`;

/** The colour square before a party's name, as in the other exports. */
export const swatch = (color: string | null, styles: AutomaticStyles): string =>
  color ? `<text:span text:style-name="${styles.span({ color })}">■</text:span> ` : '';
