/** Text for the XML inside office files (DOCX, ODT): characters XML 1.0 allows, escaped. */

/** Drops the characters XML 1.0 forbids (control characters, lone surrogates); office suites refuse a file that has them. */
export function cleanXmlText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '');
}

/** Clean text escaped for an element's content or a double- or single-quoted attribute. */
export function escapeXml(text: string): string {
  return cleanXmlText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
