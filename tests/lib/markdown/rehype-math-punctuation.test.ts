import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import rehypeMathPunctuation from '../../../src/lib/markdown/rehype-math-punctuation.ts';

const run = (html: string) => {
  const tree = fromHtml(html, { fragment: true });
  rehypeMathPunctuation()(tree);
  return toHtml(tree);
};
const math = (tex: string) => `<span class="katex"><span class="katex-html">${tex}</span></span>`;

describe('rehype-math-punctuation', () => {
  it('joins inline math to the Latin or CJK punctuation right after it, and leaves the rest of the text', () => {
    expect(run(`<p>at ${math('x')}, then ${math('y')}.</p>`)).toBe(
      `<p>at <span class="math-nobr">${math('x')},</span> then <span class="math-nobr">${math('y')}.</span></p>`,
    );
    expect(run(`<p>在 ${math('x')}，也在 ${math('y')}）。接著</p>`)).toBe(
      `<p>在 <span class="math-nobr">${math('x')}，</span>也在 <span class="math-nobr">${math('y')}）。</span>接著</p>`,
    );
  });

  it('leaves math followed by a space or a word alone, and works inside lists, tables and emphasis', () => {
    expect(run(`<p>${math('x')} and ${math('y')}z</p>`)).toBe(`<p>${math('x')} and ${math('y')}z</p>`);
    expect(run(`<ul><li><em>${math('x')};</em></li></ul><table><tr><td>${math('y')}:</td></tr></table>`)).toBe(
      `<ul><li><em><span class="math-nobr">${math('x')};</span></em></li></ul>` +
        `<table><tbody><tr><td><span class="math-nobr">${math('y')}:</span></td></tr></tbody></table>`,
    );
  });

  it("holds the formula's last piece with the punctuation, so that no line breaks between them", () => {
    const html = run(
      '<p><span class="katex"><span class="katex-mathml">m</span><span class="katex-html" aria-hidden="true">' +
        '<span class="katex-base">a</span><span class="katex-base">b</span></span></span>。</p>',
    );
    expect(html).toBe(
      '<p><span class="math-nobr"><span class="katex"><span class="katex-mathml">m</span><span class="katex-html" aria-hidden="true">' +
        '<span class="katex-base">a</span><span class="math-nobr-tail"><span class="katex-base">b</span>\u2060</span></span></span>。</span></p>',
    );
  });

  it('does not touch display math, whose punctuation sits inside the formula', () => {
    const display = `<span class="katex-display">${math('x')}</span>`;
    expect(run(`<p>${display}.</p>`)).toBe(`<p>${display}.</p>`);
  });
});
