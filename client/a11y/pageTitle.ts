/**
 * The browser tab's title: the most specific part first, so a tab list and a screen reader's
 * first words tell pages apart ("Acties — Dagactivering 2027 — werktafel").
 */
import { useEffect } from 'react';
import { useT } from '../i18n/I18n';

/** Joins the known parts, most specific first, and ends with the app's name. */
export function composeTitle(parts: readonly (string | null | undefined)[], appName: string): string {
  const known = parts.map((part) => part?.trim()).filter((part): part is string => !!part);
  return [...known, appName].join(' — ');
}

/** Sets the title while the page is shown; parts still loading are left out until they arrive. */
export function usePageTitle(...parts: (string | null | undefined)[]): void {
  const t = useT();
  const title = composeTitle(parts, t('app.name'));
  useEffect(() => {
    document.title = title;
  }, [title]);
}
