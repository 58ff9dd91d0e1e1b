// The site built for a sub-path (SADDLE_BASE=/course/) and served only under it, as a project page on GitHub Pages
// or a folder on a university server would be: every link and asset stays under the prefix, widgets start their
// worker and its wasm from there, search finds pages there, the language switch and the sitemap point there, and a
// missing page gets the course's own 404 page with working styles and links.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildFixture, type FixtureBuild } from '../build/fixture.ts';
import { builtPages, launchBrowser, searchFor, startServer, waitForWidget, watchPage } from './harness.ts';

const PREFIX = '/course/';
let build: FixtureBuild;
let dist: string;
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;

beforeAll(async () => {
  build = buildFixture({}, { SADDLE_BASE: PREFIX });
  if (build.status !== 0) throw new Error(`the build for ${PREFIX} failed:\n${build.output}`);
  dist = join(build.dir, 'dist/');
  server = await startServer(dist, { prefix: PREFIX, gzip: true });
  browser = await launchBrowser();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  build?.cleanup();
});

/** Every URL path a page's markup points to: href, src and the content of URL-valued meta tags. */
const pathsIn = (html: string) =>
  [...html.matchAll(/\s(?:href|src|data-module)="([^"#][^"]*)"/g)]
    .map((m) => m[1]!.replace(/&amp;/g, '&'))
    .filter((u) => !/^(https?:|data:|mailto:)/.test(u));

describe(`a site built for ${PREFIX}`, { timeout: 120_000 }, () => {
  it('points every link and asset of every page under the prefix, and each one exists', async () => {
    const pages = await builtPages(dist);
    expect(pages.length).toBeGreaterThan(20);
    const checked = new Set<string>();
    for (const path of [...pages, '/404.html']) {
      const file = join(dist, path.endsWith('/') ? `${path}index.html` : path);
      for (const url of pathsIn(readFileSync(file, 'utf8'))) {
        const target = new URL(url, `http://h${PREFIX}${path.replace(/^\//, '')}`);
        expect(target.pathname.startsWith(PREFIX), `${path}: ${url}`).toBe(true);
        if (checked.has(target.pathname)) continue;
        checked.add(target.pathname);
        const response = await fetch(server.origin + target.pathname);
        expect(response.status, `${path}: ${url}`).toBe(200);
      }
    }
  });

  it('runs a widget: its code, the experiment worker and the wasm backend all load from under the prefix', async () => {
    const page = await browser.newPage();
    const watch = watchPage(page, server.origin);
    const requests: string[] = [];
    page.on('requestfinished', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(server.url('en/lectures/saddle-or-minimum/'));
    const TAG = 'saddle-hessian-spectrum';
    await waitForWidget(page, TAG);
    const step = Number(await page.locator(TAG).getAttribute('data-step'));
    await page.click(`${TAG} [data-action=step]`);
    await page.waitForFunction(
      ([tag, s]) => Number(document.querySelector<HTMLElement>(tag as string)!.dataset.step) > (s as number),
      [TAG, step] as const,
      { timeout: 60_000 },
    );
    expect(requests.some((p) => p.startsWith(`${PREFIX}_astro/worker-`))).toBe(true);
    expect(requests.filter((p) => p.startsWith(`${PREFIX}tfjs-wasm/`) && p.endsWith('.wasm')).length).toBeGreaterThan(0);
    expect(requests.filter((p) => !p.startsWith(PREFIX))).toEqual([]);
    expect(watch.failedRequests).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });

  it('finds pages with search and links to them under the prefix', async () => {
    for (const [locale, query, first] of [
      ['en', 'saddle', 'en/lectures/saddle-or-minimum/'],
      ['zh-tw', '鞍點', 'zh-tw/lectures/saddle-or-minimum/'],
    ] as const) {
      const page = await browser.newPage();
      const watch = watchPage(page, server.origin);
      await page.goto(server.url(`${locale}/`));
      const shown = await searchFor(page, query);
      expect(shown.pages[0]?.href).toBe(`${PREFIX}${first}`);
      await Promise.all([page.waitForURL(`**${PREFIX}${first}`), page.click('[data-search-results] a.search-page >> nth=0')]);
      expect(watch.failedRequests).toEqual([]);
      await page.close();
    }
  });

  it('switches language to the same page under the prefix, and the chooser sends a returning reader there', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url('en/lectures/taylor-hessian/'));
    await Promise.all([
      page.waitForURL(`**${PREFIX}zh-tw/lectures/taylor-hessian/`),
      page.click('.lang-switch a[data-locale-link="zh-tw"]'),
    ]);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-TW');
    await page.goto(server.url(''));
    await page.waitForURL(`**${PREFIX}zh-tw/`);
    await context.close();
  });

  it('lists the pages under the prefix in the sitemap, with the chooser as x-default', () => {
    const index = readFileSync(join(dist, 'sitemap-index.xml'), 'utf8');
    expect(index).toContain(`https://saddle.example.org${PREFIX}sitemap-0.xml`);
    const sitemap = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    expect(locs.length).toBeGreaterThan(20);
    expect(locs.filter((p) => !p.startsWith(PREFIX))).toEqual([]);
    for (const l of ['en', 'zh-tw', 'zh-cn']) expect(locs).toContain(`${PREFIX}${l}/lectures/critical-points/`);
    // Each hreflang appears once per URL entry, and the root chooser is the page for every other language.
    for (const entry of sitemap.match(/<url>.*?<\/url>/g)!) {
      const langs = [...entry.matchAll(/hreflang="([^"]+)"/g)].map((m) => m[1]!);
      expect(new Set(langs).size, entry).toBe(langs.length);
    }
    expect(sitemap).toContain(`hreflang="x-default" href="https://saddle.example.org${PREFIX}"`);
  });

  it('answers a missing page with the 404 page, styled, in every language, linking home under the prefix', async () => {
    const page = await browser.newPage();
    const watch = watchPage(page, server.origin);
    const response = await page.goto(server.url('en/lectures/no-such-lecture/'));
    expect(response?.status()).toBe(404);
    expect(await page.locator('main').innerText()).toContain('Page not found');
    // The stylesheet loaded: the skip link is moved off screen, as only the site's CSS does.
    expect(
      await page
        .locator('.skip-link')
        .evaluate((e) => e.getBoundingClientRect().bottom <= 0 || getComputedStyle(e).position === 'absolute'),
    ).toBe(true);
    const homes = await page.$$eval('main a', (as) => as.map((a) => a.getAttribute('href')));
    expect(homes).toEqual(expect.arrayContaining([`${PREFIX}en/`, `${PREFIX}zh-tw/`, `${PREFIX}zh-cn/`]));
    expect(watch.failedRequests.filter((r) => !r.includes('no-such-lecture'))).toEqual([]);
    await page.close();
  });
});
