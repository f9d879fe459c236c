/** File names of exports: the title and version label as a safe ASCII slug. */
import type { ExportFormat } from '../../shared/api/documents';

/** "Plan van aanpak: Café ’t Hoekje" -> "plan-van-aanpak-cafe-t-hoekje". */
export function toSlug(text: string, maxLength = 60): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o')
    // Letters that have no decomposition of their own: Polish ł, Turkish dotless ı, South Slavic đ.
    .replace(/[łŁ]/g, 'l')
    .replace(/ı/g, 'i')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, maxLength).replace(/-+$/g, '');
}

export function exportFilename(title: string, versionLabel: string | null, format: ExportFormat): string {
  const parts = [toSlug(title) || 'document', versionLabel ? toSlug(versionLabel, 40) : ''].filter(Boolean);
  return `${parts.join('-')}.${format}`;
}
