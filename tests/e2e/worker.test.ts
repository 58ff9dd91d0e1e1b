// The experiment worker in a real browser: same results as Node, superseding, a page that never freezes, worker loss.
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

interface Client {
  init(b: string, base?: string): Promise<{ backend: string; reason?: string }>;
  run(
    id: string,
    c: unknown,
    s: number,
    o?: { channel?: string; onProgress?: (p: { fraction: number }) => void },
  ): Promise<{ result: unknown; backend: string }>;
  memory(): Promise<{ numTensors: number; idle: boolean }>;
  busy(channel?: string): boolean;
  post(m: unknown): void;
}
type Win = { saddle: Client; open(url: string): Client; ticks: number };

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
      const w = window as unknown as Win & { progressed: number; longSettled: boolean; ticksAtStart: number };
      w.progressed = 0;
      w.longSettled = false;
      w.ticksAtStart = w.ticks;
      const long = w.saddle
        .run('relu-regression-minima', { starts: 1024, steps: 100_000, probes: 10 }, 1, { onProgress: () => w.progressed++ })
        .then(
          () => 'finished',
          (e: Error) => e.name,
        )
        .finally(() => (w.longSettled = true));
      return { started: !w.longSettled, long: await Promise.race([long, Promise.resolve('pending')]) };
    });
    expect(outcome).toEqual({ started: true, long: 'pending' });
    // While the worker computes (progress keeps arriving, the run is still pending), the page's own heartbeat runs:
    // 30 beats of 10 ms at least, on however slow a machine, and never because we waited a fixed time.
    await page.waitForFunction(() => {
      const w = window as unknown as Win & { progressed: number; longSettled: boolean; ticksAtStart: number };
      return w.progressed >= 5 && w.ticks - w.ticksAtStart >= 30;
    });
    const after = await page.evaluate(async () => {
      const w = window as unknown as Win & { longSettled: boolean };
      const stillRunning = !w.longSettled;
      const quick = await w.saddle.run('toy-hessian', { w1: 0, w2: 0 }, 1);
      return { stillRunning, settled: w.longSettled, eigen: (quick.result as { eigenvalues: number[] }).eigenvalues };
    });
    expect(after).toEqual({ stillRunning: true, settled: true, eigen: [-2, 2] });
  });

  it('settles a superseded run on the page before the busy worker says anything', async () => {
    const outcome = await page.evaluate(async () => {
      const w = window as unknown as Win;
      let first = 'pending';
      const long = w.saddle.run('goe-definite', { maxN: 40, samples: 1_000_000 }, 1, { channel: 'sup' }).catch((e: Error) => {
        first = e.name;
      });
      const second = w.saddle.run('toy-hessian', { w1: 1, w2: 1 }, 1, { channel: 'sup' });
      // Microtasks only: no message from the worker can have arrived yet.
      await long;
      const before = first;
      const r = await second;
      return { before, eigen: (r.result as { eigenvalues: number[] }).eigenvalues[1] };
    });
    expect(outcome.before).toBe('AbortError');
    expect(outcome.eigen).toBeCloseTo(4, 5);
  });

  it('rejects every pending call of a worker whose script is missing with WorkerLostError (phase start)', async () => {
    const reasons = await page.evaluate(async () => {
      const w = window as unknown as Win;
      const c = w.open('./no-such-worker.js');
      const calls = [c.init('cpu'), c.run('toy-hessian', {}, 1), c.run('goe-definite', {}, 1, { channel: 'b' }), c.memory()];
      const settled = await Promise.allSettled(calls);
      return settled.map((s) => (s.status === 'rejected' ? `${s.reason.name} ${s.reason.phase}` : 'fulfilled'));
    });
    expect(reasons).toEqual(Array(4).fill('WorkerLostError start'));
  });

  it('rejects the pending runs of a worker that dies mid-run with WorkerLostError (phase run); a fresh worker works', async () => {
    const outcome = await page.evaluate(async () => {
      const w = window as unknown as Win;
      const c = w.open('./crash-worker.js');
      await c.init('cpu');
      let crashed = false;
      const long = c.run('goe-definite', { maxN: 40, samples: 1_000_000 }, 1, {
        onProgress: () => {
          if (crashed) return;
          crashed = true;
          c.post({ type: 'crash' });
        },
      });
      const other = c.run('relu-regression-minima', { starts: 1024, steps: 100_000, probes: 10 }, 1, { channel: 'b' });
      const settled = await Promise.allSettled([long, other]);
      const fresh = w.open('./crash-worker.js');
      const again = await fresh.run('toy-hessian', {}, 1);
      return {
        reasons: settled.map((s) => (s.status === 'rejected' ? `${s.reason.name} ${s.reason.phase}` : 'fulfilled')),
        busy: c.busy(),
        again: (again.result as { eigenvalues: number[] }).eigenvalues,
      };
    });
    expect(outcome).toEqual({ reasons: ['WorkerLostError run', 'WorkerLostError run'], busy: false, again: [-2, 2] });
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
