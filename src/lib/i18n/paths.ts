// URL helpers shared by pages: a locale's home, and the same page in every locale (for the language switch and hreflang links).
import { LOCALES, type Locale } from './locales.ts';

export function homePath(locale: Locale): string {
  return `/${locale}/`;
}

/** The same page in every locale, from a function that builds one locale's path. */
export function alternatesOf(pathFor: (locale: Locale) => string): Record<Locale, string> {
  return Object.fromEntries(LOCALES.map((l) => [l, pathFor(l)])) as Record<Locale, string>;
}
