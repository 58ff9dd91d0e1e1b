import { describe, expect, it } from 'vitest';
import katex from 'katex';
import { fontPreloads, katexFontsOf } from '../../../src/lib/markdown/katex-fonts.ts';

const html = (tex: string, displayMode = false) => katex.renderToString(tex, { displayMode, output: 'htmlAndMathml' });

describe('katexFontsOf', () => {
  it('needs no font on a page without math, and the text face plus math italic for a variable', () => {
    expect(katexFontsOf('<p class="lead">No math here, only <span class="size1">text</span>.</p>')).toEqual([]);
    expect(katexFontsOf(html('1 + 1 = 2'))).toEqual(['Main-Regular']);
    expect(katexFontsOf(html('x^2 + y'))).toEqual(['Main-Regular', 'Math-Italic']);
  });

  it('finds the big-operator faces: a sum is Size1 in text and Size2 on display', () => {
    expect(katexFontsOf(html('\\sum_i x_i'))).toContain('Size1-Regular');
    expect(katexFontsOf(html('\\sum_i x_i'))).not.toContain('Size2-Regular');
    expect(katexFontsOf(html('\\sum_i x_i', true))).toContain('Size2-Regular');
  });

  it('finds the delimiter faces: \\left( around a fraction, \\Bigg(, and none for a tall matrix drawn as SVG', () => {
    expect(katexFontsOf(html('\\left(\\frac{a}{b}\\right)', true))).toContain('Size2-Regular');
    expect(katexFontsOf(html('\\Bigg( x \\Bigg)'))).toContain('Size4-Regular');
    const tall = katexFontsOf(html('\\left(\\begin{matrix}1\\\\2\\\\3\\\\4\\\\5\\end{matrix}\\right)', true));
    expect(tall).toEqual(['Main-Regular']);
  });

  it('finds blackboard, bold, bold italic and calligraphic letters', () => {
    expect(katexFontsOf(html('\\mathbb{R}^n'))).toContain('AMS-Regular');
    expect(katexFontsOf(html('\\mathbf{x}'))).toContain('Main-Bold');
    expect(katexFontsOf(html('\\boldsymbol{\\theta}'))).toContain('Math-BoldItalic');
    expect(katexFontsOf(html('\\mathcal{L}'))).toEqual(['Main-Regular', 'Caligraphic-Regular']);
  });
});

describe('fontPreloads', () => {
  it('asks for each font once, as a CORS font preload, and skips the ones inlined into the CSS', () => {
    const urls = { 'Main-Regular': '/_astro/KaTeX_Main-Regular.abc.woff2', 'Size3-Regular': 'data:font/woff2;base64,AAAA' } as const;
    const tags = fontPreloads(['Main-Regular', 'Size3-Regular'], (f) => urls[f as keyof typeof urls]);
    expect(tags).toBe('<link rel="preload" href="/_astro/KaTeX_Main-Regular.abc.woff2" as="font" type="font/woff2" crossorigin>');
  });
});
