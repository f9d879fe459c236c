/**
 * ODT export (OpenDocument text, ISO/IEC 26300: on the Dutch government's "pas toe of leg uit"
 * list of open standards, and LibreOffice's own format). No well-kept npm library writes ODT, so this is a small
 * writer of its own: the same export model as the DOCX, laid out as content.xml with its
 * automatic styles, styles.xml with named styles, meta.xml with title and language.
 */
import type { ExportModel } from '../types';
import { OdtBody } from './odtBody';
import { namespaces, odfVersion, xmlDeclaration } from './odtNamespaces';
import { metaXml, packOdt } from './odtPackage';
import { fontFaces, stylesXml } from './odtStyles';
import { tableStyles } from './odtTables';

export function contentXml(model: ExportModel): string {
  const body = new OdtBody();
  const text = body.frontMatter(model) + body.blocks(model.body);
  return `${xmlDeclaration}<office:document-content ${namespaces} office:version="${odfVersion}">
${fontFaces}
<office:automatic-styles>
${tableStyles}
${body.styles.xml()}
</office:automatic-styles>
<office:body><office:text>${text}</office:text></office:body>
</office:document-content>
`;
}

export function renderOdt(model: ExportModel, createdAt = new Date()): Promise<Buffer> {
  return packOdt({
    content: contentXml(model),
    styles: stylesXml(model.language),
    meta: metaXml({ title: model.title, language: model.language, description: model.meta.map((m) => `${m.label}: ${m.value}`).join('; '), createdAt }),
  });
}
