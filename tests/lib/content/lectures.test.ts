import { describe, expect, it } from 'vitest';
import {
  courseOutline,
  lecturePath,
  pairLectures,
  pairingProblems,
  resolveLecture,
  splitLectureId,
} from '../../../src/lib/content/lectures.ts';

const entry = (id: string, order: number, draft = false) => ({ id, data: { order, draft, title: id } });

describe('splitLectureId', () => {
  it('splits locale and slug', () => {
    expect(splitLectureId('zh-tw/critical-points')).toEqual({ locale: 'zh-tw', slug: 'critical-points' });
  });

  it('rejects files outside an authored locale folder', () => {
    expect(() => splitLectureId('zh-cn/x')).toThrow(/<locale>/);
    expect(() => splitLectureId('fr/x')).toThrow();
    expect(() => splitLectureId('en')).toThrow();
  });
});

describe('pairing lectures by slug', () => {
  const entries = [entry('en/a', 1), entry('zh-tw/a', 1), entry('en/b', 2), entry('zh-tw/c', 3), entry('en/d', 4, true)];

  it('groups by slug and hides drafts unless asked', () => {
    const pairs = pairLectures(entries);
    expect([...pairs.keys()]).toEqual(['a', 'b', 'c']);
    expect(pairLectures(entries, true).has('d')).toBe(true);
  });

  it('shows a locale its own text, zh-cn the zh-tw text, and the other locale when one is missing', () => {
    const pairs = pairLectures(entries);
    expect(resolveLecture(pairs.get('a')!, 'zh-cn', 'a')).toMatchObject({ textLocale: 'zh-tw', isFallback: false });
    expect(resolveLecture(pairs.get('b')!, 'zh-tw', 'b')).toMatchObject({ textLocale: 'en', isFallback: true });
    expect(resolveLecture(pairs.get('c')!, 'en', 'c')).toMatchObject({ textLocale: 'zh-tw', isFallback: true });
  });

  it('orders the course by the order field in every locale', () => {
    const outline = courseOutline(pairLectures(entries), 'en');
    expect(outline.map((l) => l.slug)).toEqual(['a', 'b', 'c']);
  });

  it('finds translations that disagree on their order and two lectures in one place', () => {
    const problems = pairingProblems(pairLectures([entry('en/a', 1), entry('zh-tw/a', 2), entry('en/b', 3), entry('en/c', 3)]));
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('en/a.mdx (1) and zh-tw/a.mdx (2)');
    expect(problems[1]).toContain('both have order 3');
  });

  it('builds lecture URLs under the locale', () => {
    expect(lecturePath('zh-cn', 'a')).toBe('/zh-cn/lectures/a/');
  });
});
