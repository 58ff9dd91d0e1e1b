import { describe, expect, it } from 'vitest';
import { convertHtml, KEEP_END, KEEP_START, simplifier, toSimplified } from '../../../src/lib/i18n/convert.ts';
import type { DictionaryEntry } from '../../../src/lib/i18n/zh-cn-dictionary.ts';

describe('toSimplified', () => {
  it('converts the course terms to Simplified characters', () => {
    expect(toSimplified('鞍點、局部最小值、海森矩陣、特徵值')).toBe('鞍点、局部最小值、海森矩阵、特征值');
  });

  it('converts Taiwan phrases to mainland usage, not only characters', () => {
    expect(toSimplified('軟體')).toBe('软件');
    expect(toSimplified('記憶體')).toBe('内存');
    expect(toSimplified('網路')).toBe('网络');
  });

  it('uses mainland quotation marks', () => {
    expect(toSimplified('「卡在局部最小值」與『鞍點』')).toBe('“卡在局部最小值”与‘鞍点’');
  });

  it('leaves Latin text and TeX untouched', () => {
    const s = 'L(\\theta) \\approx \\frac{1}{2} v^\\top H v';
    expect(toSimplified(s)).toBe(s);
  });
});

describe('simplifier', () => {
  const entry = (tw: string, cn: string): DictionaryEntry => ({ tw, cn, kind: 'taiwan', why: 'a test entry' });
  const plain = simplifier([]);

  it('takes the longest entry at a position and converts the text around it with OpenCC', () => {
    const s = simplifier([entry('重設', '重置'), entry('重設計', '重新设计')]);
    expect(s('按重設，再重設計實驗')).toBe('按重置，再重新设计实验');
  });

  it('writes a match exactly as the dictionary does, where OpenCC alone would rewrite it', () => {
    expect(plain('中文原著')).toBe('中文原着');
    expect(simplifier([entry('原著', '原著')])('中文原著')).toBe('中文原著');
  });

  it('keeps OpenCC from reading a phrase across the edge of a match', () => {
    expect(plain('整條曲線上')).toBe('整条曲在线');
    expect(simplifier([entry('線上', '线上')])('整條曲線上')).toBe('整条曲线上');
  });

  it('passes characters outside the Basic Multilingual Plane through intact', () => {
    expect(simplifier([entry('向量', '向量')])('𠀾向量與😀向量')).toBe('𠀾向量与😀向量');
  });
});

describe('convertHtml', () => {
  it('converts text and text-bearing attributes but keeps markup', () => {
    const html = '<a href="#鞍點" title="鞍點">鞍點</a><h2 id="鞍點">鞍點</h2>';
    expect(convertHtml(html)).toBe('<a href="#鞍点" title="鞍点">鞍点</a><h2 id="鞍点">鞍点</h2>');
  });

  it('leaves stretches between the keep markers as written', () => {
    const html = `<p>繁體</p>${KEEP_START}繁體中文${KEEP_END}<p>繁體</p>`;
    expect(convertHtml(html)).toBe(`<p>繁体</p>${KEEP_START}繁體中文${KEEP_END}<p>繁体</p>`);
  });

  it('applies the course dictionary to ids and links alike, but not inside a kept stretch', () => {
    const html = `<a href="#量測">量測</a><h2 id="量測">量測</h2>${KEEP_START}重設${KEEP_END}<button>重設</button>`;
    expect(convertHtml(html)).toBe(`<a href="#测量">测量</a><h2 id="测量">测量</h2>${KEEP_START}重設${KEEP_END}<button>重置</button>`);
  });

  it('decodes a percent-encoded fragment link, so it still points at its converted heading', () => {
    const html = `<a href="#${encodeURIComponent('重做那張圖')}">見下</a><h2 id="重做那張圖">重做那張圖</h2>`;
    expect(convertHtml(html)).toBe('<a href="#重做那张图">见下</a><h2 id="重做那张图">重做那张图</h2>');
  });

  it('leaves a fragment alone when it does not decode or would need escaping in the attribute', () => {
    for (const html of [
      '<a href="#%E9%87">x</a>',
      '<a href="#a%22b">x</a>',
      '<a href="#a%20b">x</a>',
      '<a href="#100%25">x</a>',
      '<a href="#ref-he2016">x</a>',
    ]) {
      expect(convertHtml(html)).toBe(html);
    }
  });

  it('refuses an unterminated keep marker rather than silently skipping the rest', () => {
    expect(() => convertHtml(`${KEEP_START}繁體`)).toThrow(/without a matching/);
  });
});
