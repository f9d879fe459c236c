/**
 * Text as the PDF's embedded Unicode font takes it: composed (NFC, so "ễ" is one glyph rather
 * than a letter with two stacked marks), tabs as spaces, Unicode line separators as line breaks,
 * and no control characters or lone surrogates, which would print as empty boxes.
 */
export function toPdfText(text: string): string {
  return (
    text
      .normalize('NFC')
      .replace(/\t/g, '    ')
      .replace(/[\u2028\u2029]/g, '\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b]/g, '')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
  );
}
