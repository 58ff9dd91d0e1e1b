// Printing a lecture: Chromium prints it to PDF, and the PDF's own text is read back (pdf.js). On paper the text,
// its math and the static figures stay; navigation, search, switches, contents and widget controls go; an outside
// link is followed by its address.
import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Page } from 'playwright-core';
import { useSite } from './harness.ts';

const site = useSite();

interface Printed {
  pages: number;
  text: string;
}

async function printed(page: Page): Promise<Printed> {
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const task = getDocument({ data: new Uint8Array(pdf), useSystemFonts: false });
  const doc = await task.promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const p = await doc.getPage(i);
    const content = await p.getTextContent();
    text += content.items.map((it) => ('str' in it ? it.str + (it.hasEOL ? '\n' : ' ') : '')).join('') + '\n';
  }
  const pages = doc.numPages;
  await task.destroy();
  // pdf.js reads some CJK glyphs back as their compatibility forms (⼀ for 一); NFKC maps them home. Spaces go: pdf.js
  // puts them between glyph runs where the page had none.
  return { pages, text: squeeze(text) };
}

const squeeze = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

/** What the screen version shows for `selector`, to look for (or not) in the PDF. */
const texts = (page: Page, selector: string) =>
  page.$$eval(selector, (els) => els.map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim()).filter(Boolean));

describe.each([
  ['/en/lectures/critical-points/', 'en'],
  ['/zh-tw/lectures/taylor-hessian/', 'zh-tw'],
  ['/en/lectures/saddle-or-minimum/', 'en'],
])('printing %s', (path) => {
  it('keeps the title, the text, the math and the outside addresses, and drops the screen furniture', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(site.server.origin + path);
    const title = (await texts(page, 'h1'))[0]!;
    const headings = await texts(page, '.prose h2');
    const tocLabel = (await texts(page, '.toc-label'))[0]!;
    const outside = await page.$$eval('.prose a[href^="http"]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    const languages = await texts(page, '.lang-switch a');
    const pager = await texts(page, '.pager');
    // Each widget's row of buttons as one string ("Run again" alone also occurs in the prose).
    const controls = await texts(page, '.widget-buttons');
    const formulas = await page.$$eval('.prose .katex-display', (els) => els.length);
    const out = await printed(page);

    expect(out.pages).toBeGreaterThan(1);
    expect(out.text).toContain(squeeze(title));
    for (const h of headings) expect(out.text, h).toContain(squeeze(h));
    // Display math is drawn from KaTeX's own glyphs: as many of them reach the paper as the page has.
    expect(formulas).toBeGreaterThan(0);
    expect(out.text).toMatch(/[∇∂λθ∑]/u);
    // Every outside link shows its address (the first 30 characters, which no line break splits).
    expect(outside.length).toBeGreaterThan(0);
    for (const url of outside) expect(out.text, url).toContain(`(${squeeze(url)})`);
    // Screen furniture is gone: contents, language switch, the way to the next lecture, widget buttons.
    expect(out.text).not.toContain(squeeze(tocLabel));
    expect(out.text).not.toContain(squeeze(languages.join('')));
    for (const p of pager) expect(out.text).not.toContain(squeeze(p));
    for (const c of new Set(controls.filter((c) => c.includes(' ')))) expect(out.text, c).not.toContain(squeeze(c));
    if (path.includes('saddle-or-minimum')) expect(controls.length).toBeGreaterThan(0);
    // The figures stay on paper: every chart a widget drew before it ran, at a size that can be read.
    await page.emulateMedia({ media: 'print' });
    const charts = await page.$$eval('[data-saddle-widget] svg', (svgs) =>
      svgs.filter((s) => s.getBoundingClientRect().width > 150).map((s) => Math.round(s.getBoundingClientRect().height)),
    );
    if (path.includes('saddle-or-minimum')) expect(charts.length).toBeGreaterThan(0);
    for (const h of charts) expect(h).toBeGreaterThan(60);
    await page.close();
  });
});
