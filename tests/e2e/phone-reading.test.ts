// Reading on a phone (390 px) and on a desktop: tables that say they scroll and keep their first column, display math
// that fits, contents that fold and follow the reader, language links that keep the reader's place, punctuation that
// stays with its formula, a root chooser that names every edition in its own script, and screenshots per locale.
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { builtPages, useSite, waitForWidget } from './harness.ts';

const site = useSite();
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const lectures = (await builtPages()).filter((p) => p.includes('/lectures/'));
const slugs = [...new Set(lectures.map((p) => p.split('/')[3]!))];

async function open(path: string, viewport = PHONE): Promise<Page> {
  const page = await site.browser.newPage({ viewport });
  await page.goto(site.server.origin + path);
  return page;
}

describe('tables wider than a phone', () => {
  it.each(['/en/lectures/critical-points/', '/zh-tw/lectures/saddle-or-minimum/'])(
    '%s: a shadow says there is more, and the first column stays while the rest scrolls',
    async (path) => {
      const page = await open(path);
      const tables = page.locator('.lecture-section > table');
      const wide: number[] = [];
      for (let i = 0; i < (await tables.count()); i++)
        if (await tables.nth(i).evaluate((t) => t.scrollWidth > t.clientWidth + 1)) wide.push(i);
      // Today's cases: the "kind of point" column, the last columns of the training table.
      expect(wide.length).toBeGreaterThan(0);
      for (const i of wide) {
        const table = tables.nth(i);
        await table.scrollIntoViewIfNeeded();
        const before = await table.evaluate((t) => ({
          shadows: (getComputedStyle(t).backgroundImage.match(/linear-gradient/g) ?? []).length,
          edge: getComputedStyle(t.querySelector('td')!, '::after').opacity,
          second: t.querySelector('tbody tr')!.children[1]!.getBoundingClientRect().left - t.getBoundingClientRect().left,
        }));
        expect(before.shadows).toBe(4);
        expect(Number(before.edge)).toBe(0);
        await table.evaluate((t) => (t.scrollLeft = 80));
        // The first column is where it was; the second has moved under it; the first column's own shadow is up.
        await page.waitForFunction(
          (el) => Number(getComputedStyle(el.querySelector('td')!, '::after').opacity) > 0.9,
          await table.elementHandle(),
        );
        const after = await table.evaluate((t) => {
          const r = t.getBoundingClientRect();
          const row = t.querySelector('tbody tr')!;
          return {
            scrolled: t.scrollLeft,
            first: row.children[0]!.getBoundingClientRect().left - r.left,
            second: row.children[1]!.getBoundingClientRect().left - r.left,
          };
        });
        expect(after.scrolled).toBeGreaterThan(10);
        expect(Math.abs(after.first)).toBeLessThan(1);
        expect(after.second).toBeCloseTo(before.second - after.scrolled, 0);
      }
      await page.close();
    },
  );
});

describe('display math', () => {
  it.each([PHONE, DESKTOP])('fits its box on every lecture page at $width px', async (viewport) => {
    const page = await site.browser.newPage({ viewport });
    const over: string[] = [];
    for (const path of lectures) {
      await page.goto(site.server.origin + path);
      const wide = await page.$$eval('.prose .katex-display', (els) =>
        els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.querySelector('annotation')?.textContent?.slice(0, 60)),
      );
      over.push(...wide.map((tex) => `${path}: ${tex}`));
    }
    expect(over).toEqual([]);
    await page.close();
  });
});

describe('widgets going live on a phone', () => {
  // The page's figures are drawn at build time at one width and scaled to the column; the live ones are redrawn at
  // the column's width, with height floors of their own. Nothing the reader is looking at may move when that happens.
  const widgetPages = ['taylor-hessian', 'saddle-or-minimum', 'saddle-dynamics', 'deep-local-minima', 'deep-linear-networks']
    .map((slug) => `/en/lectures/${slug}/`)
    .concat('/zh-tw/lectures/deep-local-minima/');
  const widgets = (page: Page) =>
    page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('*')]
        .filter((e) => e.localName.startsWith('saddle-'))
        .map((e) => ({ tag: e.localName, height: e.offsetHeight, live: e.dataset.ready === 'true' })),
    );

  it.each(widgetPages)('%s: every widget keeps its height when its live chart replaces the built one', async (path) => {
    const page = await open(path);
    const before = await widgets(page);
    expect(before.length).toBeGreaterThan(0);
    for (let i = 0; i < before.length; i++) {
      await page.evaluate(
        (n) => [...document.querySelectorAll('*')].filter((e) => e.localName.startsWith('saddle-'))[n]!.scrollIntoView(),
        i,
      );
      // Live and redrawn: ready, and no chart of it is a scaled-down picture any more (each is drawn at its box's width).
      await page.waitForFunction((n) => {
        const el = [...document.querySelectorAll<HTMLElement>('*')].filter((e) => e.localName.startsWith('saddle-'))[n]!;
        const charts = [...el.querySelectorAll<SVGSVGElement>('svg[width]')].filter((svg) => svg.clientWidth > 150);
        return el.dataset.ready === 'true' && charts.every((svg) => Number(svg.getAttribute('width')) <= svg.clientWidth + 1);
      }, i);
    }
    const after = await widgets(page);
    const moved = before
      .map((b, i) => ({ ...b, after: after[i]!.height }))
      .filter((b) => !b.live && Math.abs(b.after - b.height) > 2)
      .map((b) => `${b.tag}: ${b.height} → ${b.after} px`);
    expect(moved).toEqual([]);
    // At least one widget really was measured before it went live (the first may load at once, being near the top).
    expect(before.filter((b) => !b.live).length).toBeGreaterThan(0);
    await page.close();
  });
});

describe('the table of contents', () => {
  it.each(['en', 'zh-tw'])('folds into one line on a phone, opens, and takes the reader to the section (%s)', async (locale) => {
    const page = await open(`/${locale}/lectures/critical-points/`);
    const fold = page.locator('.toc-fold');
    expect(await page.locator('.toc-side').isVisible()).toBe(false);
    expect(await fold.isVisible()).toBe(true);
    expect((await fold.boundingBox())!.height).toBeLessThan(60);
    expect(await fold.locator('details').getAttribute('open')).toBeNull();
    await fold.locator('summary').click();
    const links = fold.locator('a');
    expect(await links.count()).toBeGreaterThan(5);
    const last = links.last();
    const id = decodeURIComponent((await last.getAttribute('href'))!.slice(1));
    await last.click();
    // Smooth scrolling takes a while: wait until the heading has arrived at the top of the screen.
    await page.waitForFunction((target) => {
      const top = document.getElementById(target)!.getBoundingClientRect().top;
      return top >= -1 && top < 40;
    }, id);
    expect(decodeURIComponent(new URL(page.url()).hash.slice(1))).toBe(id);
    await page.close();
  });

  it('stays beside the text on a desktop and highlights the section being read', async () => {
    const page = await open('/en/lectures/taylor-hessian/', DESKTOP);
    expect(await page.locator('.toc-fold').isVisible()).toBe(false);
    const side = page.locator('.toc-side');
    expect(await side.isVisible()).toBe(true);
    const current = () => side.locator('a:target-current').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const id of ['the-hessian', 'what-this-means-in-practice']) {
      await page.evaluate((target) => document.getElementById(target)!.scrollIntoView({ behavior: 'instant' }), id);
      await page.waitForFunction((href) => document.querySelector('.toc-side a:target-current')?.getAttribute('href') === href, `#${id}`);
      expect(await current()).toEqual([`#${id}`]);
      const style = await side.locator(`a[href="#${id}"]`).evaluate((a) => [getComputedStyle(a).fontWeight, getComputedStyle(a).color]);
      const plain = await side
        .locator('a:not(:target-current)')
        .first()
        .evaluate((a) => [getComputedStyle(a).fontWeight, getComputedStyle(a).color]);
      expect(style).not.toEqual(plain);
    }
    await page.close();
  });
});

describe('changing language keeps the place', () => {
  it('has the same section ids in every language, so that a #section link works in all of them', async () => {
    const page = await site.browser.newPage();
    for (const slug of slugs) {
      const ids: Record<string, { id: string; text: string }[]> = {};
      for (const locale of ['en', 'zh-tw', 'zh-cn']) {
        await page.goto(`${site.server.origin}/${locale}/lectures/${slug}/`);
        ids[locale] = await page.$$eval('.prose :is(h2, h3, h4)[id]', (hs) => hs.map((h) => ({ id: h.id, text: h.textContent ?? '' })));
        const toc = await page.$$eval('.toc-side a', (as) => as.map((a) => decodeURIComponent(a.getAttribute('href')!.slice(1))));
        for (const target of toc)
          expect(
            ids[locale]!.map((h) => h.id),
            `${locale} ${slug}`,
          ).toContain(target);
      }
      expect(
        ids['zh-tw']!.map((h) => h.id),
        slug,
      ).toEqual(ids.en!.map((h) => h.id));
      expect(
        ids['zh-cn']!.map((h) => h.id),
        slug,
      ).toEqual(ids.en!.map((h) => h.id));
      // The headings themselves are in each page's own language.
      expect(ids['zh-tw']![0]!.text).not.toBe(ids.en![0]!.text);
    }
    await page.close();
  });

  it('carries the section and the widget state to the other language, from the header and from the footer', async () => {
    const page = await open('/en/lectures/taylor-hessian/', DESKTOP);
    const fig = '#widget-taylor-approximation';
    await waitForWidget(page, `${fig} saddle-taylor-approximation`);
    await page.locator(`${fig} input[name=s-slider]`).fill('-0.3');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('taylor-approximation.s') === '-0.3');
    await page.click('.toc-side a[href="#the-hessian"]');
    await page.waitForFunction(() => location.hash === '#the-hessian');
    const hops: [string, string][] = [
      ['.lang-switch a[data-locale-link="zh-tw"]', '/zh-tw/'],
      ['.footer-languages a[data-locale-link="zh-cn"]', '/zh-cn/'],
      ['.footer-languages a[data-locale-link="en"]', '/en/'],
    ];
    for (const [link, prefix] of hops) {
      await Promise.all([page.waitForURL(`**${prefix}lectures/taylor-hessian/**`), page.click(link)]);
      const url = new URL(page.url());
      expect(url.pathname).toBe(`${prefix}lectures/taylor-hessian/`);
      expect(url.hash).toBe('#the-hessian');
      expect(url.searchParams.get('taylor-approximation.s')).toBe('-0.3');
      // The browser lands on the section, in this language; the widget starts where the reader left it.
      await page.waitForFunction(() => {
        const top = document.getElementById('the-hessian')!.getBoundingClientRect().top;
        return top > -2 && top < 60;
      });
      await waitForWidget(page, `${fig} saddle-taylor-approximation`);
      expect(await page.locator(`${fig} .row-s td`).innerText()).toBe('−0.3000');
    }
    await page.close();
  });

  it('offers one link per language in the footer, each named in its own script', async () => {
    const page = await open('/zh-tw/lectures/critical-points/');
    const links = await page.$$eval('.footer-languages a', (as) =>
      as.map((a) => ({
        text: a.textContent!.trim(),
        lang: a.getAttribute('lang'),
        href: a.getAttribute('href'),
        current: a.getAttribute('aria-current'),
      })),
    );
    expect(links).toEqual([
      { text: 'English', lang: 'en', href: '/en/lectures/critical-points/', current: null },
      { text: '繁體中文', lang: 'zh-TW', href: '/zh-tw/lectures/critical-points/', current: 'page' },
      { text: '简体中文', lang: 'zh-CN', href: '/zh-cn/lectures/critical-points/', current: null },
    ]);
    // The dots between them are decoration, outside every link and hidden from screen readers.
    expect(await page.$$eval('.footer-languages .sep', (s) => s.map((e) => [e.closest('a'), e.getAttribute('aria-hidden')]))).toEqual([
      [null, 'true'],
      [null, 'true'],
    ]);
    await page.close();
  });
});

describe('the root chooser', () => {
  it('names each edition in its own script, and marks Traditional and Simplified apart', async () => {
    const page = await open('/?choose');
    const cards = await page.$$eval('.chooser li', (lis) =>
      lis.map((li) => ({
        lang: li.getAttribute('lang'),
        language: li.querySelector('.language')!.textContent!.trim(),
        mark: li.querySelector('.mark')!.textContent!.trim(),
      })),
    );
    expect(cards).toEqual([
      { lang: 'en', language: 'English', mark: 'A' },
      { lang: 'zh-TW', language: '繁體中文', mark: '繁' },
      { lang: 'zh-CN', language: '简体中文', mark: '简' },
    ]);
    await page.close();
  });
});

describe('inline math and punctuation', () => {
  it.each(['en', 'zh-tw', 'zh-cn'])('never starts a line with the punctuation after a formula (%s, 390 px)', async (locale) => {
    const page = await site.browser.newPage({ viewport: PHONE });
    let checked = 0;
    for (const path of lectures.filter((p) => p.startsWith(`/${locale}/`))) {
      await page.goto(site.server.origin + path);
      const r = await page.evaluate(() => {
        // Any inline formula directly followed by punctuation must sit in a .math-nobr group.
        const loose = [...document.querySelectorAll('.prose .katex')].filter((k) => {
          if (k.closest('.katex-display') || k.parentElement!.classList.contains('math-nobr')) return false;
          return /^[,.;:!?)，。、；：！？）」]/u.test(k.nextSibling?.textContent ?? '');
        }).length;
        // And in each group the punctuation is on the formula's last line.
        const broken = [...document.querySelectorAll('.prose .math-nobr')].filter((g) => {
          const rects = g.querySelector('.katex')!.getClientRects();
          const last = rects[rects.length - 1];
          const text = g.lastChild!;
          const range = document.createRange();
          range.setStart(text, 0);
          range.setEnd(text, 1);
          const p = range.getBoundingClientRect();
          return !last || p.height === 0 ? false : p.top >= last.bottom - 1 || p.bottom <= last.top + 1;
        }).length;
        return { loose, broken, groups: document.querySelectorAll('.prose .math-nobr').length };
      });
      expect(r.loose, path).toBe(0);
      expect(r.broken, path).toBe(0);
      checked += r.groups;
    }
    expect(checked).toBeGreaterThan(50);
    await page.close();
  });
});

describe('screenshots at 390 px', () => {
  it.each(['en', 'zh-tw', 'zh-cn'])('%s: draws real glyphs (a CJK font is installed) and nothing runs off the side', async (locale) => {
    mkdirSync('test-results/phone', { recursive: true });
    const page = await open(`/${locale}/lectures/taylor-hessian/`);
    await page.evaluate(() => document.fonts.ready);
    // Without a CJK font every Han character is the same empty box: two different characters would look alike.
    const glyph = async (ch: string) => {
      await page.evaluate((c) => {
        const s =
          document.getElementById('glyph-probe') ??
          document.body.appendChild(Object.assign(document.createElement('span'), { id: 'glyph-probe' }));
        s.textContent = c;
        s.style.cssText = 'position:fixed;top:0;left:0;font-size:40px;background:#fff;color:#000;z-index:99;line-height:1';
      }, ch);
      return page.locator('#glyph-probe').screenshot();
    };
    expect((await glyph('鞍')).equals(await glyph('點'))).toBe(false);
    await page.evaluate(() => document.getElementById('glyph-probe')!.remove());
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await page.screenshot({ path: `test-results/phone/taylor-hessian-${locale}.png` });
    await page.screenshot({ path: `test-results/phone/taylor-hessian-${locale}-full.png`, fullPage: true });
    await page.close();
  });
});
