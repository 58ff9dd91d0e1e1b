// Pairs lecture files across locales by slug, picks the text a locale shows, and orders the course.
import { AUTHORED_LOCALES, fallbackOrder, isLocale, type AuthoredLocale, type Locale } from '../i18n/locales.ts';
import { sitePath } from '../i18n/paths.ts';

/** The part of a content entry these helpers need (Astro's entries fit it). */
export interface LectureEntryLike {
  id: string;
  data: { order: number; draft: boolean; title: string };
}

/** `en/critical-points` → `{ locale: 'en', slug: 'critical-points' }`. */
export function splitLectureId(id: string): { locale: AuthoredLocale; slug: string } {
  const [locale, ...rest] = id.split('/');
  const slug = rest.join('/');
  if (!isLocale(locale) || locale === 'zh-cn' || !slug || slug.includes('/')) {
    throw new Error(
      `Lecture "${id}" is not at src/content/lectures/<locale>/<slug>.mdx with <locale> one of ${AUTHORED_LOCALES.join(', ')}`,
    );
  }
  return { locale, slug };
}

export type LecturePair<E> = Partial<Record<AuthoredLocale, E>>;

/** Groups entries by slug; drafts are left out when `includeDrafts` is false. */
export function pairLectures<E extends LectureEntryLike>(entries: E[], includeDrafts = false): Map<string, LecturePair<E>> {
  const pairs = new Map<string, LecturePair<E>>();
  for (const entry of entries) {
    if (entry.data.draft && !includeDrafts) continue;
    const { locale, slug } = splitLectureId(entry.id);
    const pair = pairs.get(slug) ?? {};
    pair[locale] = entry;
    pairs.set(slug, pair);
  }
  return pairs;
}

/** Problems that must stop the build: translations of one lecture that disagree on its place in the course. */
export function pairingProblems<E extends LectureEntryLike>(pairs: Map<string, LecturePair<E>>): string[] {
  const problems: string[] = [];
  const bySlot = new Map<number, string>();
  for (const [slug, pair] of pairs) {
    const orders = AUTHORED_LOCALES.flatMap((l) => (pair[l] ? [[l, pair[l]!.data.order] as const] : []));
    if (new Set(orders.map(([, o]) => o)).size > 1) {
      problems.push(
        `Lecture "${slug}" has different "order" in ${orders.map(([l, o]) => `${l}/${slug}.mdx (${o})`).join(' and ')}: make them equal.`,
      );
    }
    const order = orders[0]?.[1];
    if (order === undefined) continue;
    const other = bySlot.get(order);
    if (other) problems.push(`Lectures "${other}" and "${slug}" both have order ${order}: give each lecture its own place.`);
    else bySlot.set(order, slug);
  }
  return problems;
}

export interface ResolvedLecture<E> {
  slug: string;
  entry: E;
  /** The authored locale whose text is shown. */
  textLocale: AuthoredLocale;
  /** True when the locale's own text is missing and another locale's text stands in. */
  isFallback: boolean;
}

/** The text `locale` shows for `slug`: its own (zh-cn uses zh-tw), else another locale's, never nothing. */
export function resolveLecture<E>(pair: LecturePair<E>, locale: Locale, slug: string): ResolvedLecture<E> {
  const order = fallbackOrder(locale);
  for (const textLocale of order) {
    const entry = pair[textLocale];
    if (entry) return { slug, entry, textLocale, isFallback: textLocale !== order[0] };
  }
  throw new Error(`Lecture "${slug}" has no text in any locale`);
}

/** The course in order, as `locale` shows it. */
export function courseOutline<E extends LectureEntryLike>(pairs: Map<string, LecturePair<E>>, locale: Locale): ResolvedLecture<E>[] {
  return [...pairs].map(([slug, pair]) => resolveLecture(pair, locale, slug)).sort((a, b) => a.entry.data.order - b.entry.data.order);
}

export function lecturePath(locale: Locale, slug: string): string {
  return sitePath(`${locale}/lectures/${slug}/`);
}
