/**
 * styles.xml of the ODT export: the named styles a reader sees in the style list (Title,
 * Heading 1–4 with their outline levels, so the navigator and a table of contents work; Quotations,
 * Preformatted Text, table cells), the bullet and number list styles, and an A4 page with
 * "pagina X van Y" in the footer as fields. The document's language is set on the default style.
 */
import { escapeXml } from '../xmlText';
import { namespaces, odfVersion, xmlDeclaration } from './odtNamespaces';

export const fontName = 'DejaVu Sans';
export const monoFontName = 'DejaVu Sans Mono';

/** "nl-NL" -> fo:language="nl" fo:country="NL". */
export function languageAttrs(tag: string): string {
  const [language = 'nl', country] = tag.split('-');
  return `fo:language="${escapeXml(language.toLowerCase())}"${country ? ` fo:country="${escapeXml(country.toUpperCase())}"` : ''}`;
}

export const fontFaces = `<office:font-face-decls>
<style:font-face style:name="${fontName}" svg:font-family="'${fontName}'" style:font-family-generic="swiss" style:font-pitch="variable"/>
<style:font-face style:name="${monoFontName}" svg:font-family="'${monoFontName}'" style:font-family-generic="modern" style:font-pitch="fixed"/>
</office:font-face-decls>`;

const paragraph = (name: string, display: string, props: { paragraph?: string; text?: string }, extra = '') =>
  `<style:style style:name="${name}" style:display-name="${display}" style:family="paragraph" style:parent-style-name="Standard"${extra}>` +
  (props.paragraph ? `<style:paragraph-properties ${props.paragraph}/>` : '') +
  (props.text ? `<style:text-properties ${props.text}/>` : '') +
  '</style:style>';

const headingSizes = ['16pt', '13pt', '11.5pt', '11pt'];
const headings = headingSizes
  .map((size, i) =>
    paragraph(`Heading_20_${i + 1}`, `Heading ${i + 1}`, { paragraph: 'fo:margin-top="0.42cm" fo:margin-bottom="0.21cm" fo:keep-with-next="always"', text: `fo:font-size="${size}" fo:font-weight="bold"` }, ` style:next-style-name="Text_20_body" style:default-outline-level="${i + 1}"`),
  )
  .join('\n');

/** Bullets or numbers for four levels, each level indented a further 0.64 cm. */
function listStyle(name: string, ordered: boolean): string {
  const levels = [1, 2, 3, 4]
    .map((level) => {
      const indent = `${(0.64 * level).toFixed(2)}cm`;
      const position = `<style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="${indent}" fo:text-indent="-0.64cm" fo:margin-left="${indent}"/></style:list-level-properties>`;
      return ordered
        ? `<text:list-level-style-number text:level="${level}" style:num-suffix="." style:num-format="1">${position}</text:list-level-style-number>`
        : `<text:list-level-style-bullet text:level="${level}" text:bullet-char="${['•', '◦', '▪', '•'][level - 1]}">${position}</text:list-level-style-bullet>`;
    })
    .join('');
  return `<text:list-style style:name="${name}">${levels}</text:list-style>`;
}

export const listStyleNames = { bullet: 'List_bullet', number: 'List_number' } as const;

export function stylesXml(language: string): string {
  return `${xmlDeclaration}<office:document-styles ${namespaces} office:version="${odfVersion}">
${fontFaces}
<office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.18cm"/><style:text-properties style:font-name="${fontName}" fo:font-size="10.5pt" ${languageAttrs(language)}/></style:default-style>
<style:default-style style:family="table-cell"><style:table-cell-properties style:vertical-align="top"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph" style:class="text"/>
${paragraph('Text_20_body', 'Text body', {})}
${paragraph('Title', 'Title', { paragraph: 'fo:margin-bottom="0.3cm"', text: 'fo:font-size="20pt" fo:font-weight="bold"' }, ' style:class="chapter"')}
${headings}
${paragraph('Meta', 'Document data', { paragraph: 'fo:margin-bottom="0.05cm"', text: 'fo:color="#555555"' })}
${paragraph('Quotations', 'Quotations', { paragraph: 'fo:margin-left="0.6cm"', text: 'fo:color="#555555"' })}
${paragraph('Preformatted_20_Text', 'Preformatted Text', { text: `style:font-name="${monoFontName}" fo:font-size="9pt"` })}
${paragraph('Notice', 'Notice', { text: 'fo:color="#8a4b00" fo:font-style="italic"' })}
${paragraph('Rule', 'Horizontal Line', { paragraph: 'fo:border-bottom="0.75pt solid #aaaaaa" fo:padding-bottom="0.05cm" fo:margin-bottom="0.3cm"' })}
${paragraph('List_20_Paragraph', 'List Paragraph', { paragraph: 'fo:margin-bottom="0.08cm"' })}
${paragraph('Table_20_Contents', 'Table Contents', { paragraph: 'fo:margin-bottom="0cm"', text: 'fo:font-size="9pt"' })}
${paragraph('Table_20_Heading', 'Table Heading', { paragraph: 'fo:margin-bottom="0cm"', text: 'fo:font-size="9pt" fo:font-weight="bold"' })}
${paragraph('Table_20_Notice', 'Table Notice', { paragraph: 'fo:margin-bottom="0cm"', text: 'fo:font-size="9pt" fo:color="#8a4b00" fo:font-style="italic"' })}
${paragraph('Footer', 'Footer', { paragraph: 'fo:text-align="center"', text: 'fo:font-size="8.5pt" fo:color="#666666"' })}
<style:style style:name="Internet_20_link" style:display-name="Internet link" style:family="text"><style:text-properties fo:color="#1a4f9c" style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color"/></style:style>
${listStyle(listStyleNames.bullet, false)}
${listStyle(listStyleNames.number, true)}
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="2cm" fo:margin-bottom="1.2cm" fo:margin-left="2cm" fo:margin-right="2cm"/><style:footer-style><style:header-footer-properties fo:min-height="0.8cm" fo:margin-top="0.4cm"/></style:footer-style></style:page-layout>
</office:automatic-styles>
<office:master-styles>
<style:master-page style:name="Standard" style:page-layout-name="A4"><style:footer><text:p text:style-name="Footer">pagina <text:page-number text:select-page="current">1</text:page-number> van <text:page-count>1</text:page-count></text:p></style:footer></style:master-page>
</office:master-styles>
</office:document-styles>
`;
}
