// Lighthouse figures of issue #10: every lecture page in every locale, mobile profile (Lighthouse's default: a
// mid-range phone, simulated slow 4G and 4× CPU slowdown), against Debian's chromium, with the built site served
// gzip-compressed as a static host would. Beside each page's performance score, its baseline in the same run: the
// same page served without compression. Prints a table; the figures go into bench-results/bench.json.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { launch } from 'chrome-launcher';
import { CHROMIUM, DIST, startServer } from '../tests/e2e/server.ts';
import type { BenchFigure } from './bench-reproductions.ts';

export const LIGHTHOUSE_TARGETS = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100, tbt: 200 } as const;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

export interface LighthouseRow {
  path: string;
  scores: Record<(typeof CATEGORIES)[number], number>;
  tbt: number;
  lcp: number;
  cls: number;
  /** Performance score of the same page served uncompressed. */
  uncompressed: number;
  /** Audits below full marks in the non-performance categories, for the reader of the table. */
  failing: string[];
}

function lecturePages(): string[] {
  return ['en', 'zh-tw', 'zh-cn'].flatMap((locale) => {
    const dir = join(DIST, locale, 'lectures');
    return existsSync(dir)
      ? readdirSync(dir)
          .filter((slug) => existsSync(join(dir, slug, 'index.html')))
          .sort()
          .map((slug) => `/${locale}/lectures/${slug}/`)
      : [];
  });
}

export async function benchLighthouse(log: (s: string) => void): Promise<BenchFigure[]> {
  if (!existsSync(join(DIST, 'index.html'))) {
    log('lighthouse: no built site (run npm run build first); skipped');
    return [];
  }
  const gz = await startServer(DIST, { gzip: true });
  const plain = await startServer(DIST);
  const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
  const run = async (url: string) => {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    return result.lhr;
  };
  const rows: LighthouseRow[] = [];
  try {
    for (const path of lecturePages()) {
      log(`lighthouse ${path}…`);
      const lhr = await run(gz.origin + path);
      if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${path}: ${lhr.runtimeError.message}`);
      const scores = Object.fromEntries(
        CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]),
      ) as LighthouseRow['scores'];
      const failing = CATEGORIES.filter((c) => c !== 'performance').flatMap((c) =>
        (lhr.categories[c]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
          .map((ref) => `${c}: ${ref.id}`),
      );
      const uncompressed = Math.round(((await run(plain.origin + path)).categories.performance?.score ?? 0) * 100);
      rows.push({
        path,
        scores,
        tbt: lhr.audits['total-blocking-time']?.numericValue ?? NaN,
        lcp: lhr.audits['largest-contentful-paint']?.numericValue ?? NaN,
        cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN,
        uncompressed,
        failing,
      });
    }
  } finally {
    chrome.kill();
    await gz.close();
    await plain.close();
  }
  printTable(rows);
  const t = LIGHTHOUSE_TARGETS;
  return rows.flatMap((r) => [
    {
      name: `Lighthouse performance ${r.path}`,
      value: r.scores.performance,
      unit: 'points',
      baseline: { name: 'same page uncompressed', value: r.uncompressed },
      speedup: r.scores.performance / Math.max(1, r.uncompressed),
      target: `≥ ${t.performance}`,
    },
    {
      name: `Lighthouse a11y/BP/SEO ${r.path}`,
      value: Math.min(r.scores.accessibility, r.scores['best-practices'], r.scores.seo),
      unit: 'points (lowest)',
      target: '100',
      ...(r.failing.length ? { note: r.failing.join(', ') } : {}),
    },
    { name: `Lighthouse total blocking time ${r.path}`, value: r.tbt, unit: 'ms', target: `≤ ${t.tbt} ms` },
  ]);
}

function printTable(rows: LighthouseRow[]): void {
  const t = LIGHTHOUSE_TARGETS;
  const mark = (ok: boolean) => (ok ? ' ' : '✗');
  const lines = [
    '| page | perf | a11y | BP | SEO | TBT ms | LCP s | CLS | perf uncompressed |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.path} | ${r.scores.performance}${mark(r.scores.performance >= t.performance)} | ${r.scores.accessibility}${mark(
          r.scores.accessibility >= t.accessibility,
        )} | ${r.scores['best-practices']}${mark(r.scores['best-practices'] >= t['best-practices'])} | ${r.scores.seo}${mark(
          r.scores.seo >= t.seo,
        )} | ${r.tbt.toFixed(0)}${mark(r.tbt <= t.tbt)} | ${(r.lcp / 1000).toFixed(2)} | ${r.cls.toFixed(3)} | ${r.uncompressed} |`,
    ),
  ];
  const misses = rows.filter(
    (r) =>
      r.scores.performance < t.performance ||
      r.scores.accessibility < t.accessibility ||
      r.scores['best-practices'] < t['best-practices'] ||
      r.scores.seo < t.seo ||
      r.tbt > t.tbt,
  ).length;
  console.log(`\nLighthouse, mobile profile, served with gzip (✗ misses a target: perf ≥ ${t.performance}, others 100, TBT ≤ ${t.tbt} ms)`);
  console.log(lines.join('\n'));
  console.log(`${rows.length - misses} of ${rows.length} lecture pages meet every target\n`);
}
