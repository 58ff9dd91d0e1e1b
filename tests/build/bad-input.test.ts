// Each kind of authoring mistake fails the build with a message naming the file, the line where known, and the fix.
import { afterEach, describe, expect, it } from 'vitest';
import { buildFixture, lecture, type FixtureBuild } from './fixture.ts';

const GOOD = 'title: "A fixture lecture"\ndescription: "A lecture that exists only to test the build."\norder: 90\nupdated: 2026-11-23';
let build: FixtureBuild | undefined;
afterEach(() => build?.cleanup());

describe('building with bad input', { timeout: 180_000 }, () => {
  it('fails on a lecture with no title, naming file, line and the missing field', () => {
    build = buildFixture({ 'src/content/lectures/en/fixture.mdx': lecture(GOOD.replace(/^title:.*\n/, '')) });
    expect(build.status).not.toBe(0);
    expect(build.output).toContain('src/content/lectures/en/fixture.mdx:1: missing field "title"');
  });

  it('fails on an unknown frontmatter field, pointing at its line', () => {
    build = buildFixture({ 'src/content/lectures/en/fixture.mdx': lecture(`${GOOD}\nauthor: "Someone"`) });
    expect(build.status).not.toBe(0);
    expect(build.output).toContain('src/content/lectures/en/fixture.mdx:6: unknown field "author"');
  });

  it('fails on a field of the wrong type, pointing at its line', () => {
    build = buildFixture({ 'src/content/lectures/zh-tw/fixture.mdx': lecture(GOOD.replace('order: 90', 'order: "ninety"')) });
    expect(build.status).not.toBe(0);
    expect(build.output).toContain('src/content/lectures/zh-tw/fixture.mdx:4: field "order" must be a number, but is "ninety"');
  });

  it('fails on an MDX syntax error, naming file and line', () => {
    build = buildFixture({ 'src/content/lectures/en/fixture.mdx': lecture(GOOD, '\nFine line.\n\nA <div> that never closes.\n') });
    expect(build.status).not.toBe(0);
    expect(build.output).toMatch(/Expected a closing tag for `<div>`/);
    expect(build.output).toMatch(/src\/content\/lectures\/en\/fixture\.mdx:10:\d+/);
  });

  it('fails on a formula KaTeX cannot parse, naming file, line and formula', () => {
    build = buildFixture({
      'src/content/lectures/en/fixture.mdx': lecture(
        GOOD,
        '\nFine line.\n\nThe Hessian $H = \\begin{bmatrix} 0 & -2 \\end{pmatrix}$ here.\n',
      ),
    });
    expect(build.status).not.toBe(0);
    expect(build.output).toMatch(
      /src\/content\/lectures\/en\/fixture\.mdx:10:\d+: KaTeX cannot typeset the formula `H = \\begin\{bmatrix\}/,
    );
  });

  it('fails when a UI string is missing in one locale, naming the key and the file', () => {
    build = buildFixture({
      'src/content/i18n/zh-tw.json': (json) => {
        const data = JSON.parse(json) as Record<string, string>;
        delete data['lecture.toc'];
        return JSON.stringify(data, null, 2);
      },
    });
    expect(build.status).not.toBe(0);
    expect(build.output).toContain('src/content/i18n/zh-tw.json: is missing key "lecture.toc"');
  });
});

describe('building with a lecture in one language only', { timeout: 180_000 }, () => {
  it('shows the other language under a notice instead of a missing page', () => {
    build = buildFixture({
      'src/content/lectures/en/fixture.mdx': lecture(GOOD, '\n## Only English\n\nThis text exists in English only.\n'),
    });
    expect(build.status, build.output).toBe(0);
    for (const locale of ['zh-tw', 'zh-cn']) {
      const html = build.read(`dist/${locale}/lectures/fixture/index.html`);
      expect(html).toContain('This text exists in English only.');
      expect(html).toMatch(locale === 'zh-tw' ? /這一講還沒有繁體中文版本/ : /这一讲还没有简体中文版本/);
      expect(html).toContain('<article class="prose" lang="en"');
    }
    expect(build.read('dist/en/lectures/fixture/index.html')).not.toContain('notice-warning');
  });
});

describe('building with a bad widget prop', { timeout: 180_000 }, () => {
  it('fails naming the MDX file, the line, the prop and where the accepted props are', () => {
    build = buildFixture({
      'src/content/lectures/en/fixture.mdx': lecture(
        GOOD,
        '\nimport SurfaceExplorer from \'../../../components/widgets/surface-explorer/SurfaceExplorer.astro\';\n\nText.\n\n<SurfaceExplorer surface="volcano" lr={-1} />\n',
      ),
    });
    expect(build.status).not.toBe(0);
    expect(build.output).toMatch(/src\/content\/lectures\/en\/fixture\.mdx:12:1: <SurfaceExplorer> has invalid props/);
    expect(build.output).toContain('surface: surface must be one of two-weight');
    expect(build.output).toContain('lr: lr must be a number from 0.001 to 2');
    expect(build.output).toContain('src/components/widgets/surface-explorer/props.ts');
  });

  it('fails on a TaylorApproximation whose point does not fit its mode, naming the prop and the fix', () => {
    build = buildFixture({
      'src/content/lectures/en/fixture.mdx': lecture(
        GOOD,
        '\nimport TaylorApproximation from \'../../../components/widgets/taylor-approximation/TaylorApproximation.astro\';\n\nText.\n\n<TaylorApproximation mode="2d" point={1} radius={9} />\n',
      ),
    });
    expect(build.status).not.toBe(0);
    expect(build.output).toMatch(/src\/content\/lectures\/en\/fixture\.mdx:12:1: <TaylorApproximation> has invalid props/);
    expect(build.output).toContain('point: point must be a pair [w1, w2] in 2-D mode');
    expect(build.output).toContain('radius: radius must be at most 4');
    expect(build.output).toContain('src/components/widgets/taylor-approximation/props.ts');
  });
});
