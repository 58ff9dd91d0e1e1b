// Browser-test harness: the site served (server.ts), pages opened and watched, widgets waited for, downloads checked.
import { readFileSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DIST, startServer, launchBrowser } from './server.ts';

export { DIST, startServer, launchBrowser, CHROMIUM } from './server.ts';

/** Every HTML page of the built site as a URL path (`en/index.html` → `/en/`), 404 pages excluded. */
export async function builtPages(root = DIST): Promise<string[]> {
  const out: string[] = [];
  async function walk(dir: string) {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.name.endsWith('.html')) out.push(p);
    }
  }
  await walk(root);
  return out
    .map((p) => '/' + relative(root, p).split(sep).join('/'))
    .filter((p) => !/(^|\/)404(\.html|\/index\.html)$/.test(p))
    .map((p) => p.replace(/index\.html$/, ''))
    .sort();
}

export interface PageWatch {
  consoleErrors: string[];
  failedRequests: string[];
  foreignRequests: string[];
  scriptFiles: string[];
}

/** Records what a reader would never want: console errors, failed or foreign requests, script files. */
export function watchPage(page: Page, origin: string): PageWatch {
  const w: PageWatch = { consoleErrors: [], failedRequests: [], foreignRequests: [], scriptFiles: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') w.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => w.consoleErrors.push(String(e)));
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('about:')) w.foreignRequests.push(url);
    if (r.resourceType() === 'script') w.scriptFiles.push(url);
  });
  page.on('requestfailed', (r) => w.failedRequests.push(`${r.url()} (${r.failure()?.errorText})`));
  page.on('response', (r) => {
    if (r.status() >= 400) w.failedRequests.push(`${r.url()} (${r.status()})`);
  });
  return w;
}

export interface Site {
  server: Awaited<ReturnType<typeof startServer>>;
  browser: Browser;
}

/** Serves the built site and starts Chromium for the test file; both are closed after its last test. */
export function useSite(root = DIST): Site {
  const site = {} as Site;
  beforeAll(async () => {
    site.server = await startServer(root);
    site.browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}

/** A fresh page at `path`, watched for errors and foreign requests. */
export async function openPage(site: Site, path: string, width = 1280, height = 900): Promise<{ page: Page; watch: PageWatch }> {
  const page = await site.browser.newPage({ viewport: { width, height } });
  const watch = watchPage(page, site.server.origin);
  await page.goto(site.server.origin + path);
  return { page, watch };
}

/** Scrolls to the widget `tag` and waits until its interactive code has taken over. */
export async function waitForWidget(page: Page, tag: string): Promise<void> {
  await page.locator(tag).first().scrollIntoViewIfNeeded();
  await page.waitForSelector(`${tag}[data-ready]`);
}

/**
 * Opens a widget's download menu and takes each file: the JSON parses, the CSV has a header and rows, the
 * SVG is an SVG document and the PNG has PNG's signature. File names are `<name>.<ext>`.
 */
export async function expectDownloads(page: Page, scope: string, name: string): Promise<void> {
  await page.click(`${scope} .widget-downloads summary`);
  const files: Record<string, Buffer> = {};
  for (const ext of ['json', 'csv', 'svg', 'png'] as const) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`${scope} [data-download=${ext}]`)]);
    if (download.suggestedFilename() !== `${name}.${ext}`)
      throw new Error(`download named ${download.suggestedFilename()}, expected ${name}.${ext}`);
    files[ext] = await readFile((await download.path())!);
  }
  JSON.parse(files.json!.toString('utf8'));
  const csv = files.csv!.toString('utf8').trim().split('\n');
  if (csv.length < 2 || !csv[0]!.includes(',')) throw new Error(`CSV without header and rows: ${csv.slice(0, 2).join(' / ')}`);
  if (!/^(<\?xml[^>]*>\s*)?<svg[\s>]/.test(files.svg!.toString('utf8'))) throw new Error('SVG download is not an SVG document');
  if (!files.png!.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    throw new Error('PNG download lacks the PNG signature');
}

/** How many tensors the page's experiment worker holds (it must not grow across interactions). */
export const workerTensors = (page: Page): Promise<number> =>
  page.evaluate(
    async () =>
      (await (globalThis as unknown as { __saddleWorker: { memory(): Promise<{ numTensors: number }> } }).__saddleWorker.memory())
        .numTensors,
  );

/** How far the page scrolls sideways (0 when nothing overflows the viewport). */
export const sidewaysOverflow = (page: Page): Promise<number> =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

let axeSource: string | undefined;

/** Runs axe-core's default rules on the page as it is now; returns each violation with the elements it names. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated through DevTools rather than added as a <script>: the site's Content-Security-Policy refuses inline script.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return (result.violations as { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[]).map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
}

export interface SearchShown {
  status: string;
  pages: { title: string; href: string; sections: string[] }[];
}

/** Opens search with the header button, types `query` and waits for the answer to `query` (not an earlier one). */
export async function searchFor(page: Page, query: string): Promise<SearchShown> {
  if (!(await page.locator('#site-search[open]').count())) await page.click('[data-search-open]');
  await page.waitForSelector('#site-search[data-ready]');
  await page.fill('#site-search-input', query);
  const shown = query.trim().replace(/\s+/g, ' ');
  await page.waitForFunction((q) => {
    const s = document.querySelector('[data-search-status]')?.textContent ?? '';
    return s.includes(q) || s.includes(q.replace(/^"|"$/g, ''));
  }, shown);
  return page.evaluate(() => ({
    status: document.querySelector('[data-search-status]')!.textContent ?? '',
    pages: [...document.querySelectorAll('[data-search-results] > li')].map((li) => ({
      title: li.querySelector('a.search-page')!.textContent ?? '',
      href: li.querySelector<HTMLAnchorElement>('a.search-page')!.getAttribute('href') ?? '',
      sections: [...li.querySelectorAll<HTMLAnchorElement>('ul a')].map((a) => a.getAttribute('href') ?? ''),
    })),
  }));
}
