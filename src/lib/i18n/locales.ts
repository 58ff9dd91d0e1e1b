// The site's locales: which are authored, which is derived, and how each is named and tagged.

export const LOCALES = ['en', 'zh-tw', 'zh-cn'] as const;
export type Locale = (typeof LOCALES)[number];

/** Locales written by hand; `zh-cn` is converted from `zh-tw` at build time. */
export const AUTHORED_LOCALES = ['en', 'zh-tw'] as const;
export type AuthoredLocale = (typeof AUTHORED_LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'en';

/** BCP 47 tags for `<html lang>` and `hreflang`. */
export const LANG_TAG: Record<Locale, string> = { en: 'en', 'zh-tw': 'zh-TW', 'zh-cn': 'zh-CN' };

/** Each locale's name in its own script, for the language switch. */
export const NATIVE_NAME: Record<Locale, string> = { en: 'English', 'zh-tw': '繁體中文', 'zh-cn': '简体中文' };

/** A one-glance mark of each edition's script for the root chooser: Latin, Traditional (繁), Simplified (简). */
export const SCRIPT_MARK: Record<Locale, string> = { en: 'A', 'zh-tw': '繁', 'zh-cn': '简' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The authored locale whose text a locale shows: itself, or `zh-tw` for the converted `zh-cn`. */
export function sourceLocale(locale: Locale): AuthoredLocale {
  return locale === 'zh-cn' ? 'zh-tw' : locale;
}

/** Authored locales to try, in order, when a page is missing in `locale`'s own source. */
export function fallbackOrder(locale: Locale): AuthoredLocale[] {
  const own = sourceLocale(locale);
  return [own, ...AUTHORED_LOCALES.filter((l) => l !== own)];
}
