import { describe, expect, it } from 'vitest';
import { toWinAnsi } from './winAnsi';

describe('toWinAnsi', () => {
  it('keeps Dutch text, curly quotes, dashes and the euro sign', () => {
    const text = 'Café ’t Hoekje – “samen” koken: € 1.200, ë ï ü';
    expect(toWinAnsi(text)).toBe(text);
  });

  it('folds letters the standard fonts lack and replaces the rest', () => {
    expect(toWinAnsi('Şahin Ğ ő')).toBe('Sahin G o');
    expect(toWinAnsi('≥ 3 → klaar')).toBe('>= 3 -> klaar');
    expect(toWinAnsi('😀 你好')).toBe('? ??');
  });

  it('drops control characters but keeps line breaks', () => {
    expect(toWinAnsi('a\u0000b\nc\u0007')).toBe('ab\nc');
  });
});
