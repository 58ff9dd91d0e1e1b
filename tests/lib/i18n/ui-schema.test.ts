import { describe, expect, it } from 'vitest';
import en from '../../../src/content/i18n/en.json';
import zhTw from '../../../src/content/i18n/zh-tw.json';
import { parametersOf, validateUiStrings } from '../../../src/lib/i18n/ui-schema.ts';

const ref = { 'a.title': 'Title', 'a.count': '{n} items' };

describe('validateUiStrings', () => {
  it('accepts the real en and zh-tw files as they are', () => {
    expect(
      validateUiStrings([
        ['en.json', en],
        ['zh-tw.json', zhTw],
      ]),
    ).toEqual([]);
  });

  it('names the file and the key when a locale lacks a key', () => {
    const problems = validateUiStrings([
      ['en.json', ref],
      ['zh-tw.json', { 'a.count': '{n} 個' }],
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'zh-tw.json', key: 'a.title' });
    expect(problems[0]!.message).toContain('missing key "a.title"');
  });

  it('rejects a key that the reference file does not have', () => {
    const problems = validateUiStrings([
      ['en.json', ref],
      ['zh-tw.json', { ...ref, 'a.extra': 'x' }],
    ]);
    expect(problems.map((p) => p.key)).toEqual(['a.extra']);
  });

  it('rejects empty strings and non-strings', () => {
    const problems = validateUiStrings([
      ['en.json', ref],
      ['zh-tw.json', { 'a.title': '  ', 'a.count': 3 }],
    ]);
    expect(problems.map((p) => p.key).sort()).toEqual(['a.count', 'a.title']);
  });

  it('rejects a translation whose parameters differ from the reference', () => {
    const problems = validateUiStrings([
      ['en.json', ref],
      ['zh-tw.json', { 'a.title': '標題', 'a.count': '{m} 個' }],
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain('{m}');
  });

  it('finds parameters in order-independent form', () => {
    expect(parametersOf('{b} and {a}')).toEqual(['a', 'b']);
  });
});
