// What a reader does beyond reading: choose a language once, switch the theme, follow a bad link, read Simplified text.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import katex from 'katex';
import { DIST, useSite, watchPage } from './harness.ts';
import { readChunkGraph, staticClosure } from '../../src/lib/build/budgets.ts';
import { CHUNK_GRAPH } from '../../src/lib/build/chunk-graph.ts';

const site = useSite();

describe('choosing a language', () => {
  it('offers all three languages at / and remembers the choice on the next visit', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(site.server.origin + '/');
    expect(await page.locator('[data-locale-link]').count()).toBe(3);
    await Promise.all([page.waitForURL('**/zh-tw/'), page.click('[data-locale-link="zh-tw"]')]);
    await page.goto(site.server.origin + '/');
    await page.waitForURL('**/zh-tw/');
    expect(new URL(page.url()).pathname).toBe('/zh-tw/');
    // ?choose shows the chooser again instead of redirecting.
    await page.goto(site.server.origin + '/?choose');
    expect(new URL(page.url()).pathname).toBe('/');
    await context.close();
  });
});

describe('the theme', () => {
  it('follows the system, toggles on click and stays toggled after a reload', async () => {
    const context = await site.browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(site.server.origin + '/en/');
    const bg = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const light = await bg();
    const toggle = page.locator('[data-theme-toggle]');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const dark = await bg();
    expect(dark).not.toBe(light);
    await page.reload();
    expect(await bg()).toBe(dark);
    await toggle.click();
    expect(await bg()).toBe(light);
    await context.close();
  });

  it('starts dark when the system is dark', async () => {
    const context = await site.browser.newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(site.server.origin + '/en/');
    expect(await page.locator('[data-theme-toggle]').getAttribute('aria-pressed')).toBe('true');
    await context.close();
  });
});

describe('a missing page', () => {
  it('answers 404 with a page that speaks every language and links home', async () => {
    const page = await site.browser.newPage();
    const watch = watchPage(page, site.server.origin);
    const response = await page.goto(site.server.origin + '/en/lectures/no-such-lecture/');
    expect(response?.status()).toBe(404);
    const text = await page.locator('main').innerText();
    expect(text).toContain('Page not found');
    expect(text).toContain('找不到這個頁面');
    expect(text).toContain('找不到这个页面');
    expect(watch.foreignRequests).toEqual([]);
    await page.close();
  });
});

describe('a long lecture on a phone', () => {
  it('gives screen readers the heading of every section, the last one included', async () => {
    const page = await site.browser.newPage({ viewport: { width: 390, height: 800 } });
    await page.goto(site.server.origin + '/en/lectures/saddle-or-minimum/');
    const sections = () => page.$$eval('.lecture-section', (ss) => ss.map((s) => ({ heading: s.querySelector('h2')?.id ?? '' })));
    const before = await sections();
    expect(before.length).toBeGreaterThan(4);
    // What a screen reader gets includes the heading of every section, far below the first screen too.
    const last = before.at(-1)!;
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const lastTitle = await page.locator(`#${last.heading}`).evaluate((h) => h.textContent!.trim());
    const headings = nodes.filter((n) => n.role?.value === 'heading').map((n) => n.name?.value);
    expect(headings, JSON.stringify(headings)).toContain(lastTitle);
    await page.close();
  });
});

describe('the Simplified Chinese edition', () => {
  it('is converted from the Traditional text, says so, and keeps each language name in its own script', async () => {
    const page = await site.browser.newPage();
    await page.goto(site.server.origin + '/zh-cn/lectures/taylor-hessian/');
    const main = await page.locator('main').innerText();
    expect(main).toContain('海森矩阵');
    expect(main).not.toContain('海森矩陣');
    expect(await page.locator('.notice').first().innerText()).toContain('繁体中文');
    expect(await page.locator('.lang-switch').innerText()).toContain('繁體中文');
    await page.close();
  });
});

describe('search engines and hosts', () => {
  it('get canonical and hreflang links on every lecture, and a sitemap that lists all locales', async () => {
    const html = readFileSync(`${DIST}zh-tw/lectures/critical-points/index.html`, 'utf8');
    expect(html).toMatch(/<link rel="canonical" href="[^"]*\/zh-tw\/lectures\/critical-points\/"/);
    for (const tag of ['en', 'zh-TW', 'zh-CN', 'x-default']) expect(html).toContain(`hreflang="${tag}"`);
    const sitemap = readFileSync(`${DIST}sitemap-0.xml`, 'utf8');
    for (const l of ['en', 'zh-tw', 'zh-cn']) expect(sitemap).toContain(`/${l}/lectures/critical-points/`);
    expect(sitemap).toContain('hreflang="zh-CN"');
  });

  it('serve the tfjs wasm binaries from the site itself, byte for byte as the package ships them', async () => {
    const { WASM_BASE, WASM_FILES, wasmSourceDir } = await import('../../src/lib/build/tfjs-wasm.ts');
    for (const name of WASM_FILES) {
      const response = await fetch(`${site.server.origin}${WASM_BASE}${name}`);
      expect(response.status).toBe(200);
      expect(Buffer.from(await response.arrayBuffer()).equals(readFileSync(`${wasmSourceDir()}/${name}`))).toBe(true);
    }
  });

  it('send tfjs and zod only to the experiment worker: the widget code a page loads carries neither', () => {
    const chunks = readChunkGraph(CHUNK_GRAPH);
    const html = readFileSync(`${DIST}en/lectures/saddle-or-minimum/index.html`, 'utf8');
    const entry = [...html.matchAll(/<script\b[^>]*\ssrc="\/([^"]+)"/g)].map((m) => m[1]!);
    expect(entry.length).toBeGreaterThan(0);
    // Everything the page can ever load: its script files and every chunk they import, at once or when a widget nears.
    const reachable = staticClosure(entry, chunks, true);
    for (const f of reachable) expect(chunks.has(f), `chunk ${f} in the chunk graph`).toBe(true);
    expect([...reachable].some((f) => f.startsWith('_astro/hessian-spectrum.client'))).toBe(true);
    const worker = [...chunks.values()].filter((c) => c.build === 'worker').flatMap((c) => c.modules);
    for (const pkg of ['@tensorflow/tfjs-core', '@tensorflow/tfjs-backend-wasm', 'zod']) {
      expect(worker, `the worker carries ${pkg}`).toContain(pkg);
      expect(
        [...reachable].filter((f) => chunks.get(f)!.modules.includes(pkg)),
        `page chunks with ${pkg}`,
      ).toEqual([]);
    }
  });

  it('serve the KaTeX stylesheet of the KaTeX version that typeset the pages', () => {
    const html = readFileSync(`${DIST}en/lectures/taylor-hessian/index.html`, 'utf8');
    const sheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => readFileSync(DIST + m[1]!.slice(1), 'utf8'));
    expect(sheets.some((css) => css.includes(`katex-version:after{content:"${katex.version}"}`))).toBe(true);
  });
});
