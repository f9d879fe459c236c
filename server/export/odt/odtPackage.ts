/**
 * The OpenDocument package: a zip whose first entry is `mimetype`, stored uncompressed and
 * without extra fields, so that tools recognise the file by its first bytes; then the manifest
 * listing every part, and the parts themselves, compressed.
 */
import JSZip from 'jszip';
import { escapeXml } from '../xmlText';
import { namespaces, odfVersion, xmlDeclaration } from './odtNamespaces';

export const odtMimeType = 'application/vnd.oasis.opendocument.text';

export interface OdtParts {
  content: string;
  styles: string;
  meta: string;
}

export interface OdtMeta {
  title: string;
  language: string;
  description: string;
  createdAt: Date;
}

export function metaXml(meta: OdtMeta): string {
  const date = meta.createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `${xmlDeclaration}<office:document-meta ${namespaces} office:version="${odfVersion}"><office:meta>
<meta:generator>werktafel</meta:generator>
<dc:title>${escapeXml(meta.title)}</dc:title>
<dc:description>${escapeXml(meta.description)}</dc:description>
<dc:language>${escapeXml(meta.language)}</dc:language>
<meta:creation-date>${date}</meta:creation-date>
<dc:date>${date}</dc:date>
</office:meta></office:document-meta>
`;
}

function manifestXml(parts: string[]): string {
  const entries = parts.map((path) => `<manifest:file-entry manifest:full-path="${path}" manifest:media-type="text/xml"/>`).join('\n');
  return `${xmlDeclaration}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="${odfVersion}">
<manifest:file-entry manifest:full-path="/" manifest:version="${odfVersion}" manifest:media-type="${odtMimeType}"/>
${entries}
</manifest:manifest>
`;
}

export async function packOdt(parts: OdtParts): Promise<Buffer> {
  // No folder entries (META-INF/ alone): the manifest lists files only.
  const zip = new JSZip();
  zip.file('mimetype', odtMimeType, { compression: 'STORE', createFolders: false });
  const files = { 'content.xml': parts.content, 'styles.xml': parts.styles, 'meta.xml': parts.meta };
  for (const [path, xml] of Object.entries(files)) zip.file(path, xml, { createFolders: false });
  zip.file('META-INF/manifest.xml', manifestXml(Object.keys(files)), { createFolders: false });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'UNIX' });
}
