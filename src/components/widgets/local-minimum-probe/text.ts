// The widget's words in the page's language: UI strings filled in, counted nouns in their plural form, lists joined.
import { fill } from '../shared/format.ts';

export type Strings = Record<string, string>;

const PREFIX = 'widget.local-minimum-probe.';

export interface Text {
  /** The page's language tag (`en`, `zh-TW`, `zh-CN`). */
  lang: string;
  strings: Strings;
  /** The widget's string `key` (without its prefix), filled in. */
  t(key: string, params?: Record<string, string | number>): string;
  /**
   * The form of `key` for the count `n`: `<key>.one` or `<key>.other` by the language's plural rules (English
   * "1 step", "2 steps"; Chinese has one form, so both keys hold the same words), filled with `params` and `n`.
   */
  count(key: string, n: number, params?: Record<string, string | number>): string;
  /** "−1, 1, 3, 4 and 5" in English, "−1、1、3、4和5" in Chinese. */
  list(items: readonly string[]): string;
}

export function makeText(strings: Strings, lang: string): Text {
  const rules = new Intl.PluralRules(lang);
  const lists = new Intl.ListFormat(lang, { type: 'conjunction' });
  const t = (key: string, params?: Record<string, string | number>) => fill(strings[PREFIX + key] ?? PREFIX + key, params);
  return {
    lang,
    strings,
    t,
    count(key, n, params = {}) {
      const form = `${key}.${rules.select(n)}`;
      return t(strings[PREFIX + form] === undefined ? `${key}.other` : form, { n, ...params });
    },
    list: (items) => lists.format(items),
  };
}
