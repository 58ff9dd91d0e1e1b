// Every built page in every locale, as a reader's browser sees it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { builtPages, launchBrowser, startServer, watchPage, sidewaysOverflow } from './harness.ts';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let context: BrowserContext;
const pages = await builtPages();
const LANG: Record<string, string> = { en: 'en', 'zh-tw': 'zh-TW', 'zh-cn': 'zh-CN' };
const localeOf = (path: string) => path.split('/')[1]!;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 390, height: 844 } });
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

describe('the built site', () => {
  it('has a home and every lecture in all three locales', () => {
    for (const locale of ['en', 'zh-tw', 'zh-cn']) {
      expect(pages).toContain(`/${locale}/`);
      expect(pages.filter((p) => p.startsWith(`/${locale}/lectures/`)).length).toBeGreaterThanOrEqual(2);
    }
    const slugs = (l: string) => pages.filter((p) => p.startsWith(`/${l}/lectures/`)).map((p) => p.split('/')[3]);
    expect(slugs('zh-tw')).toEqual(slugs('en'));
    expect(slugs('zh-cn')).toEqual(slugs('en'));
  });

  describe.each(pages)('%s', (path) => {
    it('loads with no console error, no failed request, nothing from another origin and no script file', async () => {
      const page = await context.newPage();
      const watch = watchPage(page, server.origin);
      const response = await page.goto(server.origin + path, { waitUntil: 'networkidle' });
      expect(response?.status()).toBe(200);
      expect(watch.consoleErrors).toEqual([]);
      expect(watch.failedRequests).toEqual([]);
      expect(watch.foreignRequests).toEqual([]);
      // Text pages load no script file; a page with widgets loads only the small loader (an entry per widget
      // component, plus a shared loader chunk once a page has two kinds), and a widget's code only when that
      // widget is within the loader's 800 px margin of the first screen (tested per widget).
      const widgets = await page.locator('[data-saddle-widget]').count();
      if (widgets === 0) expect(watch.scriptFiles).toEqual([]);
      else {
        const near = await page.$$eval('[data-saddle-widget]', (els) =>
          els.filter((e) => e.getBoundingClientRect().top < innerHeight + 800).map((e) => (e as HTMLElement).dataset.saddleWidget ?? ''),
        );
        for (const url of watch.scriptFiles) {
          if (/_astro\/([A-Za-z]+\.astro_astro_type_script|loader\.)/.test(url)) continue;
          expect(near.length, `${url} loaded with no widget near the first screen`).toBeGreaterThan(0);
          const client = /_astro\/([a-z-]+)\.client\./.exec(url)?.[1];
          if (client) expect(near, `${url} loaded for a widget far from the first screen`).toContain(client);
        }
      }
      if (path !== '/') expect(await page.getAttribute('html', 'lang')).toBe(LANG[localeOf(path)]);
      await page.close();
    });

    it('fits a 390 px phone and a 1280 px desktop without sideways scrolling', async () => {
      const page = await context.newPage();
      await page.goto(server.origin + path);
      for (const width of [390, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        const overflow = await sidewaysOverflow(page);
        expect(overflow, `horizontal overflow at ${width}px`).toBeLessThanOrEqual(0);
      }
      await page.close();
    });
  });

  describe.each(pages.filter((p) => p.includes('/lectures/')))('%s', (path) => {
    it('has its math typeset, no raw TeX left, and a table of contents that points at headings', async () => {
      const page = await context.newPage();
      await page.goto(server.origin + path);
      expect(await page.locator('main .katex').count()).toBeGreaterThan(5);
      const leftover = await page.evaluate(() => {
        const main = document.querySelector('main')!.cloneNode(true) as HTMLElement;
        main.querySelectorAll('.katex').forEach((k) => k.remove());
        return (main.textContent ?? '').match(/\$|\\[a-zA-Z]+/g) ?? [];
      });
      expect(leftover).toEqual([]);
      // KaTeX draws radicals and large delimiters as inline SVG; page CSS must not collapse them.
      const flatSvgs = await page.$$eval(
        'main .katex svg',
        (svgs) =>
          svgs.filter((s) => {
            const r = s.getBoundingClientRect();
            return r.width < 1 || r.height < 1;
          }).length,
      );
      expect(flatSvgs).toBe(0);
      // KaTeX's fonts were actually used: the glyphs are measured in KaTeX_Main / KaTeX_Math.
      await page.evaluate(() => document.fonts.ready);
      expect(await page.evaluate(() => document.fonts.check('16px KaTeX_Main'))).toBe(true);
      const targets = await page.$$eval('.toc a', (as) => as.map((a) => decodeURIComponent(a.getAttribute('href')!.slice(1))));
      expect(targets.length).toBeGreaterThan(2);
      for (const id of targets) expect(await page.locator(`[id="${id}"]`).count(), id).toBe(1);
      await page.close();
    });

    it('asks in its head for exactly the KaTeX fonts its math then draws with', async () => {
      const page = await context.newPage();
      const fontRequests: string[] = [];
      page.on('request', (r) => {
        if (r.resourceType() === 'font') fontRequests.push(r.url());
      });
      await page.goto(server.origin + path, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      const { used, preloaded } = await page.evaluate(() => {
        // A face's file name in katex/dist/fonts, from its family, weight and style: KaTeX_Main 700 italic → Main-BoldItalic.
        const fileOf = (family: string, weight: string, style: string) => {
          const variant = `${Number(weight) >= 600 ? 'Bold' : ''}${style === 'italic' ? 'Italic' : ''}`;
          return `${family.replace(/^"?KaTeX_|"$/g, '')}-${variant || 'Regular'}`;
        };
        const inlined = new Set<string>();
        for (const sheet of document.styleSheets)
          for (const rule of sheet.cssRules)
            if (rule instanceof CSSFontFaceRule && rule.style.getPropertyValue('src').includes('data:'))
              inlined.add(
                fileOf(
                  rule.style.getPropertyValue('font-family'),
                  rule.style.getPropertyValue('font-weight'),
                  rule.style.getPropertyValue('font-style'),
                ),
              );
        const used = [...document.fonts]
          .filter((f) => f.status === 'loaded' && f.family.includes('KaTeX_'))
          .map((f) => fileOf(f.family, f.weight, f.style))
          .filter((name) => !inlined.has(name));
        const preloaded = [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="preload"][as="font"]')].map(
          (l) => /KaTeX_([A-Za-z0-9]+-[A-Za-z]+)\./.exec(l.href)?.[1] ?? l.href,
        );
        return { used: [...new Set(used)].sort(), preloaded: preloaded.sort() };
      });
      expect(used.length, 'the page draws its math in KaTeX fonts').toBeGreaterThan(0);
      expect(preloaded).toEqual(used);
      // Each font file came over the network once: the preload's response is the one the font face used.
      expect(fontRequests.length).toBe(new Set(fontRequests).size);
      await page.close();
    });
  });

  describe.each(pages.filter((p) => p !== '/'))('%s', (path) => {
    it('has a language switch whose every link lands on the same page in that language', async () => {
      const page = await context.newPage();
      await page.goto(server.origin + path);
      for (const target of ['en', 'zh-tw', 'zh-cn']) {
        await page.goto(server.origin + path);
        const link = page.locator(`.lang-switch a[data-locale-link="${target}"]`);
        expect(await link.getAttribute('href')).toBe(path.replace(/^\/[^/]+\//, `/${target}/`));
        const [response] = await Promise.all([page.waitForNavigation(), link.click()]);
        expect(response?.status()).toBe(200);
        expect(await page.getAttribute('html', 'lang')).toBe(LANG[target]);
      }
      await page.close();
    });
  });
});
