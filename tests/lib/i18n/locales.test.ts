import { describe, expect, it } from 'vitest';
import { fallbackOrder, isLocale, sourceLocale } from '../../../src/lib/i18n/locales.ts';
import { alternatesOf } from '../../../src/lib/i18n/paths.ts';
import { format, translator, uiStrings } from '../../../src/lib/i18n/ui.ts';

describe('locales', () => {
  it('derives zh-cn from zh-tw and falls back across authored locales', () => {
    expect(sourceLocale('zh-cn')).toBe('zh-tw');
    expect(fallbackOrder('zh-cn')).toEqual(['zh-tw', 'en']);
    expect(fallbackOrder('en')).toEqual(['en', 'zh-tw']);
  });

  it('recognises only the three site locales', () => {
    expect(isLocale('zh-tw')).toBe(true);
    expect(isLocale('zh-hk')).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });
});

describe('paths', () => {
  it('lists a path for every locale', () => {
    expect(alternatesOf((l) => `/${l}/x/`)).toEqual({ en: '/en/x/', 'zh-tw': '/zh-tw/x/', 'zh-cn': '/zh-cn/x/' });
  });
});

describe('UI strings', () => {
  it('derives every Simplified string from its Traditional one', () => {
    const tw = uiStrings('zh-tw');
    const cn = uiStrings('zh-cn');
    expect(Object.keys(cn)).toEqual(Object.keys(tw));
    expect(cn['lecture.toc']).toBe('本页内容');
    expect(cn['course.title']).toBe('深度网络的损失地貌');
  });

  it('fills placeholders and refuses a missing one', () => {
    expect(translator('zh-tw')('lecture.readingTime', { minutes: 7 })).toBe('閱讀時間約 7 分鐘');
    expect(format('{a}-{b}', { a: 1, b: 'x' })).toBe('1-x');
    expect(() => format('{a}', {})).toThrow(/needs a value for \{a\}/);
  });
});
