// The experiment worker in a real browser: same results as Node, progress, superseding, a page that never freezes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, startServer, watchPage, type PageWatch } from './harness.ts';
import { bundleWorkerHarness } from './bundle-worker.ts';
import { runExperiment } from '../../src/lib/experiments/index.ts';

const DIR = new URL('../../test-results/worker-harness/', import.meta.url).pathname;
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let page: Page;
let watch: PageWatch;

type Win = {
  saddle: {
    init(b: string, base?: string): Promise<{ backend: string; reason?: string }>;
    run(id: string, c: unknown, s: number, o?: unknown): Promise<{ result: unknown; backend: string }>;
  };
  ticks: number;
};

beforeAll(async () => {
  rmSync(DIR, { recursive: true, force: true });
  await bundleWorkerHarness(DIR, true);
  server = await startServer(DIR);
  browser = await launchBrowser();
  page = await browser.newPage();
  watch = watchPage(page, server.origin);
  await page.goto(server.origin + '/');
  await page.waitForFunction(() => 'saddle' in window);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the experiment worker in Chromium', { timeout: 120_000 }, () => {
  it('gives exactly the result Node gives for the same seed, on the cpu backend', async () => {
    const config = { starts: 24, steps: 400, probes: 100 };
    const inBrowser = await page.evaluate((c) => (window as unknown as Win).saddle.run('relu-regression-minima', c, 11), config);
    expect(inBrowser.backend).toBe('cpu');
    expect(inBrowser.result).toEqual(JSON.parse(JSON.stringify(await runExperiment({ id: 'relu-regression-minima', config, seed: 11 }))));
  });

  it('keeps the page responsive while a long run computes, and lets a newer request supersede it', async () => {
    const outcome = await page.evaluate(async () => {
      const w = window as unknown as Win;
      const long = w.saddle.run('relu-regression-minima', { starts: 1024, steps: 100_000, probes: 10 }, 1).then(
        () => 'finished',
        (e: Error) => e.name,
      );
      const ticks0 = w.ticks;
      await new Promise((r) => setTimeout(r, 1500));
      const ticked = w.ticks - ticks0;
      const quick = await w.saddle.run('toy-hessian', { w1: 0, w2: 0 }, 1);
      return { ticked, long: await long, eigen: (quick.result as { eigenvalues: number[] }).eigenvalues };
    });
    // 1.5 s of a 10 ms heartbeat: a frozen main thread would count close to zero.
    expect(outcome.ticked).toBeGreaterThan(50);
    expect(outcome.long).toBe('AbortError');
    expect(outcome.eigen).toEqual([-2, 2]);
  });

  it('starts the wasm backend from files served by the same origin, with the same numbers', async () => {
    const choice = await page.evaluate(() => (window as unknown as Win).saddle.init('wasm', '/wasm/'));
    expect(choice).toEqual({ backend: 'wasm' });
    const r = await page.evaluate(() => (window as unknown as Win).saddle.run('toy-hessian', { w1: 1, w2: 1 }, 1));
    expect(r.backend).toBe('wasm');
    expect((r.result as { eigenvalues: number[] }).eigenvalues[1]).toBeCloseTo(4, 5);
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });

  it('falls back to cpu, and says why, when the wasm files cannot be loaded', async () => {
    const other = await browser.newPage();
    await other.goto(server.origin + '/');
    await other.waitForFunction(() => 'saddle' in window);
    const choice = await other.evaluate(() => (window as unknown as Win).saddle.init('wasm', '/no-such-folder/'));
    expect(choice.backend).toBe('cpu');
    expect(choice.reason).toMatch(/wasm backend failed to start/);
    await other.close();
  });
});
