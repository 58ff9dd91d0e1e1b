// Bench figures of the reproductions (issue #9): each live default in Chromium (first partial table, whole run,
// longest main-thread task while it runs), beside the same run in Node on one thread; and each sweep's batched,
// threaded command-line run against a plain loop of single runs, on a slice of its paper preset.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { DIST, launchBrowser, startServer } from '../tests/e2e/server.ts';
import { experiments, runExperiment, type ExperimentId } from '../src/lib/experiments/index.ts';
import { isSweep, type Sweep } from '../src/lib/experiments/sweep.ts';
import { runSweepPool } from '../src/lib/cli/sweep-pool.ts';

export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number };
  speedup?: number;
  target?: string;
  note?: string;
}

const SWEEPS = (Object.keys(experiments) as ExperimentId[]).filter((id) => isSweep(experiments[id] as never));
const sweepOf = (id: ExperimentId) => experiments[id] as unknown as Sweep;

/** Where each reproduction widget lives: the first English lecture that embeds it. */
function lectureOf(id: string): string | undefined {
  const dir = join(DIST, 'en', 'lectures');
  if (!existsSync(dir)) return undefined;
  return readdirSync(dir).find((slug) => {
    const file = join(dir, slug, 'index.html');
    return existsSync(file) && readFileSync(file, 'utf8').includes(`data-saddle-widget="${id}"`);
  });
}

/** The live default of each reproduction in Chromium, with a longtask observer installed before the page loads. */
export async function benchLiveDefaults(log: (s: string) => void): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  if (!existsSync(join(DIST, 'index.html'))) {
    log('reproductions: no built site (run npm run build first); browser figures skipped');
    return figures;
  }
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    for (const id of SWEEPS) {
      const lecture = lectureOf(id);
      if (!lecture) continue;
      const tag = `saddle-${id}`;
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.addInitScript(() => {
        const w = window as unknown as { __longtasks: number[] };
        w.__longtasks = [];
        new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longtasks.push(e.duration))).observe({
          type: 'longtask',
          buffered: true,
        });
      });
      await page.goto(`${server.origin}/en/lectures/${lecture}/`);
      await page.locator(tag).scrollIntoViewIfNeeded();
      await page.waitForSelector(`${tag}[data-ready]`);
      // Start the worker first (a run of the live default), so the figure is a reader's second click, not the wasm start.
      log(`${id}: live default in Chromium…`);
      await page.evaluate(() => ((window as unknown as { __longtasks: number[] }).__longtasks.length = 0));
      const t0 = await page.evaluate(() => performance.now());
      await page.click(`${tag} [data-action="run"]`);
      await page.waitForFunction((t) => Number(document.querySelector<HTMLElement>(t)?.dataset.done ?? 0) >= 1, tag, {
        timeout: 0,
        polling: 20,
      });
      const first = (await page.evaluate(() => performance.now())) - t0;
      await page.waitForSelector(`${tag}:not([data-busy])`, { timeout: 0 });
      const whole = (await page.evaluate(() => performance.now())) - t0;
      const longest = await page.evaluate(() => Math.max(0, ...(window as unknown as { __longtasks: number[] }).__longtasks));
      // The element records the config and seed it sent to the worker: run exactly that in Node, one thread.
      const { config, seed } = await page.evaluate((t) => JSON.parse(document.querySelector<HTMLElement>(t)!.dataset.run!), tag);
      await page.close();
      const n0 = performance.now();
      await runExperiment({ id, config, seed });
      const node = performance.now() - n0;
      figures.push({ name: `${id}: live default, first partial table (Chromium)`, value: first / 1000, unit: 's', target: '≤ 2 s' });
      figures.push({
        name: `${id}: live default, whole run (Chromium worker)`,
        value: whole / 1000,
        unit: 's',
        baseline: { name: 'same run in Node, one thread', value: node / 1000 },
        speedup: node / whole,
        target: '≤ 30 s',
      });
      figures.push({ name: `${id}: longest main-thread task during the run`, value: longest, unit: 'ms', target: '≤ 50 ms' });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return figures;
}

/**
 * Each sweep's bench slice of the paper setting: batched jobs on every core (the command line's way) against the same
 * runs as a plain loop of single runs on one thread, in runs per second.
 */
export async function benchPaperSlices(log: (s: string) => void, workerScript: URL): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  for (const id of SWEEPS) {
    const sweep = sweepOf(id);
    const bench = sweep.sweep.bench;
    if (!bench) continue;
    const timed = async (input: unknown, threads: number) => {
      const config = sweep.configSchema.parse(input);
      const indices = sweep.sweep.jobs(config).map((_, i) => i);
      const t0 = performance.now();
      const done = await runSweepPool({ sweep, config, seed: 1, indices, threads, workerScript });
      return { seconds: (performance.now() - t0) / 1000, runs: done.reduce((t, d) => t + bench.runs(d.result as never), 0) };
    };
    log(`${id}: bench slice, batched on ${availableParallelism()} threads…`);
    const pooled = await timed(bench.config, availableParallelism());
    log(`${id}: the same runs one by one on one thread…`);
    const single = await timed(bench.single(bench.config as never), 1);
    const paper = sweep.configSchema.parse(sweep.sweep.presets.paper);
    figures.push({
      name: `${id}: paper setting (slice), batched jobs on every core`,
      value: pooled.runs / pooled.seconds,
      unit: 'runs/s',
      baseline: { name: 'plain loop of single runs, one thread', value: single.runs / single.seconds },
      speedup: pooled.runs / pooled.seconds / (single.runs / single.seconds),
      note: `${pooled.runs} runs in ${pooled.seconds.toFixed(1)} s; the paper scale is ${bench.paperRuns(paper)} runs`,
    });
  }
  return figures;
}
