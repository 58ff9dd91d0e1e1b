// URL helpers shared by pages: the site's base path, a locale's home, and the same page in every locale (for the
// language switch and hreflang links). Every internal URL the site writes goes through sitePath, so the built site
// works under a sub-path (`SADDLE_BASE=/course/ npm run build`) as well as at a host's root.
import { LOCALES, type Locale } from './locales.ts';

/**
 * Astro's `base` ('/' or '/course/'), put into the code the build compiles by astro.config.mjs; '/' where no build
 * set it (Node scripts, unit tests). Not import.meta.env.BASE_URL: while prerendering, a BASE_URL variable in the
 * environment of the build (some CI systems set one) takes its place.
 */
declare const __SADDLE_BASE__: string | undefined;
const rawBase: string = typeof __SADDLE_BASE__ === 'string' ? __SADDLE_BASE__ : '/';
export const BASE = rawBase.endsWith('/') ? rawBase : `${rawBase}/`;

/** A path from the site's root (`en/lectures/x/`, leading slash optional) as a URL path under the base. */
export function sitePath(path: string): string {
  return BASE + path.replace(/^\/+/, '');
}

export function homePath(locale: Locale): string {
  return sitePath(`${locale}/`);
}

/** The same page in every locale, from a function that builds one locale's path. */
export function alternatesOf(pathFor: (locale: Locale) => string): Record<Locale, string> {
  return Object.fromEntries(LOCALES.map((l) => [l, pathFor(l)])) as Record<Locale, string>;
}
