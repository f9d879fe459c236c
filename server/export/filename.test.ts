import { describe, expect, it } from 'vitest';
import { exportFilename, toSlug } from './filename';

describe('exportFilename', () => {
  it('follows the title and the version label', () => {
    expect(exportFilename('Plan van aanpak', 'Concept bijeenkomst 2', 'docx')).toBe('plan-van-aanpak-concept-bijeenkomst-2.docx');
    expect(exportFilename('Plan van aanpak', null, 'pdf')).toBe('plan-van-aanpak.pdf');
  });

  it('keeps only safe ASCII: accents folded, quotes and slashes gone', () => {
    expect(toSlug('Café ’t Hoekje: "uitvraag" / perceel 2')).toBe('cafe-t-hoekje-uitvraag-perceel-2');
    expect(toSlug('Łukasz Nowak, Ömer Yılmaz, Nguyễn Thị Hoa, Đorđe')).toBe('lukasz-nowak-omer-yilmaz-nguyen-thi-hoa-dorde');
    expect(exportFilename('../../etc/passwd\r\nX-Header: 1', 'v1', 'md')).toBe('etc-passwd-x-header-1-v1.md');
  });

  it('falls back to "document" when nothing usable is left', () => {
    expect(exportFilename('الوثيقة 😀', null, 'html')).toBe('document.html');
    expect(exportFilename('', '   ', 'md')).toBe('document.md');
  });

  it('limits the length', () => {
    expect(toSlug('a'.repeat(200)).length).toBeLessThanOrEqual(60);
  });
});
