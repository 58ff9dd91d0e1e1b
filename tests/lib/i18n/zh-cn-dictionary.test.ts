// The course dictionary as data: well formed, written in the right scripts, and in use, so that it stays a list of
// real problems rather than a pile of guesses.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import OpenCC from 'opencc-js/t2cn';
import { ZH_CN_DICTIONARY } from '../../../src/lib/i18n/zh-cn-dictionary.ts';

const lectureDir = new URL('../../../src/content/lectures/zh-tw/', import.meta.url);
const texts = [
  ...readdirSync(lectureDir)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => readFileSync(new URL(f, lectureDir), 'utf8')),
  ...Object.values(
    JSON.parse(readFileSync(new URL('../../../src/content/i18n/zh-tw.json', import.meta.url), 'utf8')) as Record<string, string>,
  ),
];

/** How often each entry wins in the real text, matching longest-first from the left as the converter does. */
function matchCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (let i = 0; i < text.length;) {
      let best = '';
      for (const { tw } of ZH_CN_DICTIONARY) if (tw.length > best.length && text.startsWith(tw, i)) best = tw;
      if (best) counts.set(best, (counts.get(best) ?? 0) + 1);
      i += best.length || 1;
    }
  }
  return counts;
}

describe('the zh-cn course dictionary', () => {
  it('has one entry per phrase, none empty, each with a reason', () => {
    const tws = ZH_CN_DICTIONARY.map((e) => e.tw);
    expect(new Set(tws).size).toBe(tws.length);
    for (const e of ZH_CN_DICTIONARY) {
      expect(e.tw.length, e.tw).toBeGreaterThanOrEqual(2);
      expect(e.cn.length, e.tw).toBeGreaterThan(0);
      expect(e.why.length, e.tw).toBeGreaterThan(10);
    }
  });

  it('writes its targets in Simplified characters, which OpenCC leaves as they are', () => {
    const t2s = OpenCC.Converter({ from: 't', to: 'cn' });
    expect(ZH_CN_DICTIONARY.filter((e) => t2s(e.cn) !== e.cn).map((e) => e.cn)).toEqual([]);
  });

  it('uses every entry on the real text, except the ones marked as written ahead of it', () => {
    const counts = matchCounts();
    const unused = ZH_CN_DICTIONARY.filter((e) => e.kind !== 'guard' && !e.ahead && !counts.has(e.tw)).map((e) => e.tw);
    const aheadButUsed = ZH_CN_DICTIONARY.filter((e) => e.ahead && counts.has(e.tw)).map((e) => e.tw);
    expect(unused).toEqual([]);
    expect(aheadButUsed, 'now in the text: drop `ahead`').toEqual([]);
  });
});
