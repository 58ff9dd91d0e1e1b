import { describe, expect, it } from 'vitest';
import { excerptParts, fill, isCjk, searchTerms, titleFirst } from '../../src/components/search/text.ts';

describe('searchTerms', () => {
  it('searches a Chinese query as a phrase first, then as Pagefind splits it', () => {
    expect(searchTerms(' 鞍點 ')).toEqual(['"鞍點"', '鞍點']);
    expect(searchTerms('海森  矩陣')).toEqual(['"海森 矩陣"', '海森 矩陣']);
  });
  it('leaves Latin queries and queries the reader quoted alone', () => {
    expect(searchTerms('saddle point')).toEqual(['saddle point']);
    expect(searchTerms('"鞍點" 海森')).toEqual(['"鞍點" 海森']);
  });
  it('has nothing to search for an empty query', () => {
    expect(searchTerms('   ')).toEqual([]);
  });
  it('tells Han text from Latin', () => {
    expect(isCjk('特征值')).toBe(true);
    expect(isCjk('Hessian λ')).toBe(false);
  });
});

describe('excerptParts', () => {
  it('joins adjacent marks into one highlighted word and decodes entities', () => {
    expect(excerptParts('是<mark>鞍</mark><mark>點</mark>，a &lt; b &amp;&#39;c&#x27;')).toEqual([
      { text: '是', mark: false },
      { text: '鞍點', mark: true },
      { text: "，a < b &'c'", mark: false },
    ]);
  });
  it('never turns other markup into elements', () => {
    expect(excerptParts('&lt;img src=x onerror=alert(1)&gt; <b>x</b>')).toEqual([
      { text: '<img src=x onerror=alert(1)> <b>x</b>', mark: false },
    ]);
  });
});

describe('titleFirst', () => {
  const pages = [{ meta: { title: 'Dynamics' } }, { meta: { title: 'Saddle point or local minimum?' } }, { meta: {} }];
  it('moves pages titled with the query to the front and keeps the rest in order', () => {
    expect(titleFirst(pages, 'SADDLE').map((p) => p.meta.title)).toEqual(['Saddle point or local minimum?', 'Dynamics', undefined]);
    expect(titleFirst(pages, '"saddle point"')[0]!.meta.title).toBe('Saddle point or local minimum?');
  });
});

describe('fill', () => {
  it('fills the parameters it is given and leaves others visible', () => {
    expect(fill('有 {count} 頁符合「{query}」。', { count: 3, query: '鞍點' })).toBe('有 3 頁符合「鞍點」。');
    expect(fill('{a} {b}', { a: 1 })).toBe('1 {b}');
  });
});
