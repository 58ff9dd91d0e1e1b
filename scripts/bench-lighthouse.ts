// Lighthouse figures of issue #10: every lecture page in every locale, mobile profile (Lighthouse's default: a
// mid-range phone, simulated slow 4G and 4× CPU slowdown), against Debian's chromium, with the built site served
// gzip-compressed as a static host would. Beside each page's performance score, its baseline in the same run: the
// same page served without compression. Prints a table; the figures go into bench-results/bench.json.
//
// One Lighthouse run of a page is a noisy figure: on this machine the same build of saddle-or-minimum gave total
// blocking times of 0, 20, 207, 250 and 379 ms in five runs, depending on where the browser's layout tasks fell
// against first paint. So each page is run LIGHTHOUSE_RUNS times (`--lighthouse-runs N` to change it) and the
// table reports the median run as Lighthouse itself picks it (computeMedianRun: the run nearest the median first
// paint and time to interactive), as Lighthouse's notes on variability advise, with the spread of the runs beside it.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { launch } from 'chrome-launcher';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { CHROMIUM, DIST, startServer } from '../tests/e2e/server.ts';
import type { BenchFigure } from './bench-reproductions.ts';

export const LIGHTHOUSE_TARGETS = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100, tbt: 200 } as const;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const argRuns = process.argv.includes('--lighthouse-runs') ? Number(process.argv[process.argv.indexOf('--lighthouse-runs') + 1]) : 5;
if (!Number.isInteger(argRuns) || argRuns < 1 || argRuns > 25) throw new Error('--lighthouse-runs expects a whole number from 1 to 25');
export const LIGHTHOUSE_RUNS = argRuns;

export interface LighthouseRow {
  path: string;
  scores: Record<(typeof CATEGORIES)[number], number>;
  tbt: number;
  lcp: number;
  cls: number;
  /** Lowest and highest performance score and total blocking time over the runs. */
  spread: { performance: [number, number]; tbt: [number, number] };
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
      log(`lighthouse ${path} (${LIGHTHOUSE_RUNS} runs)…`);
      const runs: Awaited<ReturnType<typeof run>>[] = [];
      for (let i = 0; i < LIGHTHOUSE_RUNS; i++) {
        const one = await run(gz.origin + path);
        if (one.runtimeError) throw new Error(`Lighthouse failed on ${path}: ${one.runtimeError.message}`);
        runs.push(one);
      }
      const lhr = computeMedianRun(runs) as (typeof runs)[number];
      const perfOf = (r: (typeof runs)[number]) => Math.round((r.categories.performance?.score ?? 0) * 100);
      const tbtOf = (r: (typeof runs)[number]) => Math.round(r.audits['total-blocking-time']?.numericValue ?? NaN);
      const range = (xs: number[]): [number, number] => [Math.min(...xs), Math.max(...xs)];
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
        spread: { performance: range(runs.map(perfOf)), tbt: range(runs.map(tbtOf)) },
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
      note: `median of ${LIGHTHOUSE_RUNS} runs; runs ranged ${r.spread.performance[0]}–${r.spread.performance[1]}`,
    },
    {
      name: `Lighthouse a11y/BP/SEO ${r.path}`,
      value: Math.min(r.scores.accessibility, r.scores['best-practices'], r.scores.seo),
      unit: 'points (lowest)',
      target: '100',
      ...(r.failing.length ? { note: r.failing.join(', ') } : {}),
    },
    {
      name: `Lighthouse total blocking time ${r.path}`,
      value: r.tbt,
      unit: 'ms',
      target: `≤ ${t.tbt} ms`,
      note: `median run of ${LIGHTHOUSE_RUNS}; runs ranged ${r.spread.tbt[0]}–${r.spread.tbt[1]} ms`,
    },
  ]);
}

function printTable(rows: LighthouseRow[]): void {
  const t = LIGHTHOUSE_TARGETS;
  const mark = (ok: boolean) => (ok ? ' ' : '✗');
  const lines = [
    '| page | perf | a11y | BP | SEO | TBT ms | LCP s | CLS | perf range | TBT range ms | perf uncompressed |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.path} | ${r.scores.performance}${mark(r.scores.performance >= t.performance)} | ${r.scores.accessibility}${mark(
          r.scores.accessibility >= t.accessibility,
        )} | ${r.scores['best-practices']}${mark(r.scores['best-practices'] >= t['best-practices'])} | ${r.scores.seo}${mark(
          r.scores.seo >= t.seo,
        )} | ${r.tbt.toFixed(0)}${mark(r.tbt <= t.tbt)} | ${(r.lcp / 1000).toFixed(2)} | ${r.cls.toFixed(3)} | ${r.spread.performance.join('–')} | ${r.spread.tbt.join('–')} | ${r.uncompressed} |`,
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
  console.log(
    `\nLighthouse, mobile profile, served with gzip, median of ${LIGHTHOUSE_RUNS} runs per page (✗ misses a target: perf ≥ ${t.performance}, others 100, TBT ≤ ${t.tbt} ms)`,
  );
  console.log(lines.join('\n'));
  console.log(`${rows.length - misses} of ${rows.length} lecture pages meet every target\n`);
}
