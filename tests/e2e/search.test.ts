// Site search in a real browser, in all three locales: the dialog opens from the button or "/", its code loads only
// then, queries in the page's language find the lectures about them (Chinese words and parts of words included),
// results link to sections that exist, widget text is not indexed, and the keyboard alone can do all of it.
import { describe, expect, it } from 'vitest';
import { axeViolations, openPage, searchFor as search, useSite } from './harness.ts';

const site = useSite();

const CASES = [
  { locale: 'en', query: 'saddle', first: '/en/lectures/saddle-or-minimum/' },
  { locale: 'en', query: 'Hessian', first: '/en/lectures/taylor-hessian/' },
  { locale: 'zh-tw', query: '鞍點', first: '/zh-tw/lectures/saddle-or-minimum/' },
  { locale: 'zh-tw', query: '海森矩陣', first: '/zh-tw/lectures/taylor-hessian/' },
  { locale: 'zh-tw', query: '特徵值', first: undefined },
  // Part of a word: 海森 is only ever written as part of 海森矩陣.
  { locale: 'zh-tw', query: '海森', first: '/zh-tw/lectures/taylor-hessian/' },
  { locale: 'zh-cn', query: '鞍点', first: '/zh-cn/lectures/saddle-or-minimum/' },
  { locale: 'zh-cn', query: '特征值', first: undefined },
] as const;

describe('search', () => {
  it.each(CASES)('$locale: “$query” finds lectures of its own locale', { timeout: 60_000 }, async ({ locale, query, first }) => {
    const { page, watch } = await openPage(site, `/${locale}/lectures/critical-points/`);
    const shown = await search(page, query);
    expect(shown.pages.length).toBeGreaterThan(0);
    for (const p of shown.pages) expect(p.href.startsWith(`/${locale}/`)).toBe(true);
    if (first) expect(shown.pages[0]!.href).toBe(first);
    // Every match is highlighted as the word the reader typed, not as scattered characters.
    const marks = await page.$$eval('[data-search-results] mark', (ms) => ms.map((m) => m.textContent ?? ''));
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(m.toLowerCase()).toContain(query.toLowerCase().slice(0, 4));
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.failedRequests).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await page.close();
  });

  it('loads no script file until the reader opens search, then only its own code and Pagefind', { timeout: 60_000 }, async () => {
    const { page, watch } = await openPage(site, '/zh-tw/lectures/critical-points/');
    await page.waitForLoadState('networkidle');
    expect(watch.scriptFiles).toEqual([]);
    await search(page, '鞍點');
    const loaded = watch.scriptFiles.map((u) => new URL(u).pathname);
    expect(loaded.some((p) => /^\/_astro\/search\.[0-9a-f]+\.js$/.test(p))).toBe(true);
    expect(loaded.some((p) => p === '/pagefind/pagefind.js')).toBe(true);
    await page.close();
  });

  it('links results to sections that exist on the target page', { timeout: 60_000 }, async () => {
    const { page } = await openPage(site, '/en/');
    const shown = await search(page, 'eigenvalues');
    const sections = shown.pages.flatMap((p) => p.sections);
    expect(sections.length).toBeGreaterThan(0);
    const target = sections[0]!;
    await page.click(`[data-search-results] ul a[href="${target}"]`);
    await page.waitForURL((u) => u.pathname + u.hash === target);
    const id = decodeURIComponent(target.split('#')[1]!);
    expect(await page.locator(`[id="${id}"]`).count()).toBe(1);
    // The dialog closes when its link is followed.
    expect(await page.locator('#site-search[open]').count()).toBe(0);
    await page.close();
  });

  it.each([
    ['en', 'Run again with a new seed'],
    ['zh-tw', '換一個種子再跑一次'],
    ['zh-cn', '换一个种子再跑一次'],
  ] as const)('%s: leaves widget controls out of the index (“%s”)', { timeout: 60_000 }, async (locale, label) => {
    const { page } = await openPage(site, `/${locale}/lectures/deep-local-minima/`);
    // The label is on the page, inside a widget, and nowhere in the text outside widgets.
    const where = await page.evaluate((label) => {
      const main = document.querySelector('main')!.cloneNode(true) as HTMLElement;
      const inWidget = [...main.querySelectorAll('[data-saddle-widget]')].some((w) => w.textContent!.includes(label));
      main.querySelectorAll('[data-saddle-widget]').forEach((w) => w.remove());
      return { inWidget, outside: main.textContent!.includes(label) };
    }, label);
    expect(where).toEqual({ inWidget: true, outside: false });
    const shown = await search(page, `"${label}"`);
    expect(shown.pages).toEqual([]);
    await page.close();
  });

  it('is operable from the keyboard alone', { timeout: 60_000 }, async () => {
    const { page } = await openPage(site, '/zh-tw/lectures/taylor-hessian/');
    await page.keyboard.press('/');
    await page.waitForSelector('#site-search[data-ready]');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-input');
    await page.keyboard.type('特徵值');
    await page.waitForFunction(() => document.querySelectorAll('[data-search-results] a').length > 1);
    await page.keyboard.press('ArrowDown');
    const first = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    expect(first).toBe(await page.locator('[data-search-results] a').first().getAttribute('href'));
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(
      await page.locator('[data-search-results] a').nth(1).getAttribute('href'),
    );
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-input');
    // Esc closes; Enter in the box opens the first result.
    await page.keyboard.press('Escape');
    expect(await page.locator('#site-search[open]').count()).toBe(0);
    await page.keyboard.press('/');
    await page.waitForSelector('#site-search[open]');
    expect(await page.inputValue('#site-search-input')).toBe('特徵值');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname + u.hash === first);
    await page.close();
  });

  it.each(['light', 'dark'] as const)(
    'has no accessibility violations while open with results (%s)',
    { timeout: 60_000 },
    async (scheme) => {
      const page = await site.browser.newPage({ viewport: { width: 390, height: 800 }, colorScheme: scheme });
      await page.goto(site.server.origin + '/zh-tw/');
      await search(page, '鞍點');
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    },
  );

  it('says so when nothing matches, in the page language', { timeout: 60_000 }, async () => {
    const { page } = await openPage(site, '/zh-tw/');
    const shown = await search(page, 'qwertyzxcv');
    expect(shown.pages).toEqual([]);
    expect(shown.status).toContain('沒有頁面符合');
    await page.close();
  });
});
