import { describe, expect, it } from 'vitest';
import { alignedIds, renameIds } from '../../../src/lib/content/section-ids.ts';

const en = [
  { depth: 2, slug: 'critical-points' },
  { depth: 3, slug: 'three-examples' },
  { depth: 2, slug: 'summary' },
];
const zh = [
  { depth: 2, slug: '臨界點' },
  { depth: 3, slug: '三個例子' },
  { depth: 2, slug: '重點整理' },
];

describe('section ids shared across languages', () => {
  it('gives each translated heading the source id at the same position', () => {
    expect([...alignedIds(en, zh)!]).toEqual([
      ['臨界點', 'critical-points'],
      ['三個例子', 'three-examples'],
      ['重點整理', 'summary'],
    ]);
  });

  it('refuses to align pages whose headings differ in number or level', () => {
    expect(alignedIds(en, zh.slice(0, 2))).toBeUndefined();
    expect(alignedIds(en, [zh[0]!, { depth: 2, slug: '三個例子' }, zh[2]!])).toBeUndefined();
  });

  it('renames ids and the links to them, plain or percent-encoded, and nothing else', () => {
    const map = alignedIds(en, zh)!;
    const html =
      '<h2 id="臨界點">臨界點</h2><a href="#臨界點">a</a><a href="#%E9%87%8D%E9%BB%9E%E6%95%B4%E7%90%86">b</a>' +
      '<a href="/zh-tw/#臨界點">c</a><p title="臨界點" data-id="臨界點">臨界點</p><a href="#ref-x">d</a>';
    expect(renameIds(html, map)).toBe(
      '<h2 id="critical-points">臨界點</h2><a href="#critical-points">a</a><a href="#summary">b</a>' +
        '<a href="/zh-tw/#臨界點">c</a><p title="臨界點" data-id="臨界點">臨界點</p><a href="#ref-x">d</a>',
    );
  });
});
