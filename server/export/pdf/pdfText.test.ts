import { describe, expect, it } from 'vitest';
import { toPdfText } from './pdfText';

describe('toPdfText', () => {
  it('keeps letters outside Windows-1252 as written', () => {
    const names = 'Łukasz Nowak, Ömer Yılmaz, Nguyễn Thị Hoa, Şahin ≥ 3 → klaar, € 1.200';
    expect(toPdfText(names)).toBe(names);
  });

  it('composes decomposed letters into one character each', () => {
    expect(toPdfText('Nguye\u0302\u0303n')).toBe('Nguyễn');
  });

  it('drops control characters and lone surrogates but keeps line breaks; tabs become spaces', () => {
    expect(toPdfText('a\u0000b\nc\u0007\u2028d\te\ud800')).toBe('ab\nc\nd    e');
  });
});
