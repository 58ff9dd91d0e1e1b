// The lectures as written: paired across locales, citations and links that resolve, and numbers that are right.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { lectureSchema } from '../../src/lib/content/lecture-schema.ts';
import { AUTHORED_LOCALES } from '../../src/lib/i18n/locales.ts';
import { symmetricEigen2, twoWeightHessian, twoWeightLoss } from '../../src/lib/models/two-weight.ts';

const DIR = new URL('../../src/content/lectures/', import.meta.url);
const slugsIn = (locale: string) =>
  readdirSync(new URL(`${locale}/`, DIR))
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => f.slice(0, -4))
    .sort();
const source = (locale: string, slug: string) => readFileSync(new URL(`${locale}/${slug}.mdx`, DIR), 'utf8');
function split(text: string) {
  const m = text.match(/^---\n([\s\S]*?)\n---\n([\s\S]*)$/)!;
  return { data: lectureSchema.parse(parseYaml(m[1]!)), body: m[2]! };
}
const slugs = slugsIn('en');

describe('the course content', () => {
  it('has every lecture in both authored locales', () => {
    expect(slugs.length).toBeGreaterThanOrEqual(2);
    expect(slugsIn('zh-tw')).toEqual(slugs);
  });

  describe.each(slugs)('%s', (slug) => {
    const texts = AUTHORED_LOCALES.map((l) => ({ locale: l, ...split(source(l, slug)) }));

    it('has its zh-tw title and description written in Chinese', () => {
      const tw = texts.find((t) => t.locale === 'zh-tw')!.data;
      const han = (s: string) => (s.match(/[\u4e00-\u9fff]/g) ?? []).length / s.replace(/\s/g, '').length;
      expect(han(tw.title)).toBeGreaterThan(0.5);
      expect(han(tw.description)).toBeGreaterThan(0.5);
    });

    it('has the same order and the same references in both locales', () => {
      const [en, tw] = texts;
      expect(tw!.data.order).toBe(en!.data.order);
      expect(tw!.data.references).toEqual(en!.data.references);
    });

    it.each(AUTHORED_LOCALES)('cites every listed reference and lists every cited one (%s)', (locale) => {
      const { data, body } = texts.find((t) => t.locale === locale)!;
      const cited = new Set([...body.matchAll(/\]\(#ref-([a-z0-9-]+)\)/g)].map((m) => m[1]));
      expect([...cited].sort()).toEqual(data.references.map((r) => r.id).sort());
    });

    it.each(AUTHORED_LOCALES)('links only to lectures that exist (%s)', (locale) => {
      const { body } = texts.find((t) => t.locale === locale)!;
      for (const [, target] of body.matchAll(/\]\(\.\.\/([a-z0-9-]+)\/\)/g)) expect(slugs).toContain(target);
    });
  });
});

describe('the worked example in "Taylor expansion and the Hessian"', () => {
  const bodies = AUTHORED_LOCALES.map((l) => split(source(l, 'taylor-hessian')).body);

  it.each([0, 1])('states the true and the quadratic loss along the escape direction correctly (locale %i)', (i) => {
    const rows = [...bodies[i]!.matchAll(/^\| \$([^$]+)\$ \| \$\(([^)]+)\)\$ \| \$([^$]+)\$ \| \$([^$]+)\$ \|$/gm)];
    expect(rows.length).toBe(4);
    for (const [, alphaTex, point, trueL, model] of rows) {
      const alpha = alphaTex === '\\sqrt{2}' ? Math.SQRT2 : Number(alphaTex);
      const w = alpha / Math.SQRT2;
      const [w1, w2] = point!.split(',').map(Number);
      expect(w1).toBeCloseTo(w, 4);
      expect(w2).toBeCloseTo(w, 4);
      expect(Number(trueL)).toBeCloseTo(twoWeightLoss([w, w]), 10);
      expect(Number(model)).toBeCloseTo(1 - alpha ** 2, 10); // L(0) + ½ λ α² with λ = −2
    }
  });

  it.each([0, 1])('gives the Hessian at the origin and at (1, 1) that the model computes (locale %i)', (i) => {
    const matrix = (H: readonly (readonly number[])[]) => `\\begin{bmatrix} ${H[0]!.join(' & ')} \\\\ ${H[1]!.join(' & ')} \\end{bmatrix}`;
    expect(bodies[i]).toContain(matrix(twoWeightHessian([0, 0])));
    expect(bodies[i]).toContain(matrix(twoWeightHessian([1, 1])));
    expect(symmetricEigen2(twoWeightHessian([0, 0])).values).toEqual([-2, 2]);
    expect(bodies[i]).toMatch(/\\lambda\^2 - 4 = 0/);
  });
});
