// UI strings for every locale and the t() that formats them; zh-cn strings are converted from zh-tw.
import en from '../../content/i18n/en.json';
import zhTw from '../../content/i18n/zh-tw.json';
import { toSimplified } from './convert.ts';
import type { Locale } from './locales.ts';

export type UiKey = keyof typeof en;
export type UiDictionary = Record<UiKey, string>;

const authored: Record<'en' | 'zh-tw', UiDictionary> = { en, 'zh-tw': zhTw as UiDictionary };
let simplified: UiDictionary | undefined;

export function uiStrings(locale: Locale): UiDictionary {
  if (locale !== 'zh-cn') return authored[locale];
  simplified ??= Object.fromEntries(Object.entries(authored['zh-tw']).map(([k, v]) => [k, toSimplified(v)])) as UiDictionary;
  return simplified;
}

/** Fills `{name}` parameters; a parameter with no value is an error, not a silent blank. */
export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`UI string "${template}" needs a value for {${name}}`);
    return String(value);
  });
}

/** `const t = translator('zh-tw'); t('lecture.readingTime', { minutes: 7 })`. */
export function translator(locale: Locale) {
  const dict = uiStrings(locale);
  return (key: UiKey, params?: Record<string, string | number>) => format(dict[key], params);
}
