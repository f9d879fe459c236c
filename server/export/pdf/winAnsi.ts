/**
 * The PDF uses the 14 standard fonts (no font files to ship, text stays searchable), which
 * only know the Windows-1252 characters. Others are folded to a close Latin form or "?",
 * rather than printed as garbage glyphs.
 */
const extra = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

const replacements: Record<string, string> = {
  '≥': '>=',
  '≤': '<=',
  '≠': '!=',
  '→': '->',
  '←': '<-',
  '↑': '^',
  '↓': 'v',
  '✓': 'v',
  '✔': 'v',
  '✗': 'x',
  '−': '-',
  '‐': '-',
  '‑': '-',
  '‒': '-',
  '′': "'",
  '″': '"',
  '\u00a0': ' ',
  '\u2009': ' ',
  '\u200b': '',
  '\u2028': '\n',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ı: 'i',
};

function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return code === 10 || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || extra.has(char);
}

export function toWinAnsi(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    if (char === '\t') out += '    ';
    else if (isWinAnsi(char)) out += char;
    else if (replacements[char] !== undefined) out += replacements[char];
    else {
      // Control characters are dropped; anything else unknown becomes "?".
      // eslint-disable-next-line no-control-regex
      const control = /[\u0000-\u001f\u007f-\u009f]/.test(char);
      const folded = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      out += [...folded].every(isWinAnsi) && folded.length > 0 ? folded : control ? '' : '?';
    }
  }
  return out;
}
