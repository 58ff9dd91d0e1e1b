// <HessianSpectrum> in a real browser, in every locale: static first paint, lazy code, live training, spectra, keys, URL, clamps,
// divergence, abuse; presses of "+100" that add up, Stop that cancels the rest, and the note on Adam's loss spikes.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, useSite, waitForWidget, workerTensors, sidewaysOverflow } from './harness.ts';
import { runExperiment } from '../../src/lib/experiments/index.ts';
import type { MlpProbeSpectrumResult, MlpTrainStepResult } from '../../src/lib/experiments/mlp-live.ts';

const PATH = (locale: string) => `/${locale}/lectures/saddle-or-minimum/`;
const site = useSite();
const TAG = 'saddle-hessian-spectrum';

const open = (locale: string, query = '', width = 1280) => openPage(site, PATH(locale) + query, width);
const live = (page: Page) => waitForWidget(page, TAG);
const cell = (page: Page, row: string) => page.locator(`${TAG} .${row} td`).innerText();
/** "3.964e−3" → 0.003964 (true minus signs back to ASCII). */
const value = async (page: Page, row: string) => Number((await cell(page, row)).replace(/−/g, '-').match(/^-?[\d.]+(e-?\d+)?/)![0]);
const attr = (page: Page, name: string) => page.locator(TAG).getAttribute(name);
const status = (page: Page) => page.locator(`${TAG} .widget-status`);
/** Waits until training is paused and the spectrum belongs to the current step. */
const settled = (page: Page, step?: number) =>
  page.waitForFunction(
    ([tag, s]) => {
      const e = document.querySelector<HTMLElement>(tag as string)!;
      return (
        e.dataset.state !== 'training' &&
        e.dataset.state !== 'busy' &&
        e.dataset.busy === undefined &&
        e.dataset.spectrumStep === e.dataset.step &&
        (s === null || e.dataset.step === String(s))
      );
    },
    [TAG, step ?? null] as const,
    { timeout: 20_000 },
  );
const setField = async (page: Page, name: string, v: string) => {
  await page.fill(`${TAG} input[name=${name}]`, v);
  await page.press(`${TAG} input[name=${name}]`, 'Enter');
};
/** The readout's counts "29 positive, 102 ≈ 0, 10 negative …" (same order in every locale): numbers 1, 2 and 4. */
const signCounts = async (page: Page) => {
  const n = (await cell(page, 'row-signs')).match(/\d+/g)!.map(Number);
  return [n[0]!, n[1]!, n[3]!];
};

describe.each(['en', 'zh-tw', 'zh-cn'])('HessianSpectrum (%s)', (locale) => {
  it('paints a real spectrum after 300 steps before any script runs, and loads its code only near the viewport', async () => {
    const { page, watch } = await open(locale);
    expect(await cell(page, 'row-step')).toBe('300');
    // The lecture's 1-10-1 network with biases: (1+1)·10 + (10+1)·1 = 31 parameters, one eigenvalue each.
    expect(await cell(page, 'row-parameters')).toBe('31');
    expect(await page.locator(`${TAG} .widget-eigen-table tbody tr`).count()).toBe(31);
    const [pos, zero, neg] = await signCounts(page);
    expect(pos! + zero! + neg!).toBe(31);
    // No spike in the first 300 steps, so no note about one.
    expect(await page.locator(`${TAG} .widget-spike-note`).isHidden()).toBe(true);
    expect(await page.locator(`${TAG} .widget-eigen-table tbody tr.eig-neg`).count()).toBe(neg);
    // λ_min is the first row of the ascending table, λ_max the last.
    const rows = page.locator(`${TAG} .widget-eigen-table tbody tr td:last-child`);
    const num = (t: string | null) => Number(t!.replace(/−/g, '-'));
    expect((await value(page, 'row-lambda-min')) / num(await rows.first().textContent())).toBeCloseTo(1, 2);
    expect((await value(page, 'row-lambda-max')) / num(await rows.last().textContent())).toBeCloseTo(1, 2);
    expect(await page.locator(`${TAG} .widget-loss-chart svg`).count()).toBe(1);
    expect(await page.locator(`${TAG} .widget-histogram svg`).count()).toBe(1);
    // The count printed over the tallest bar stays inside the plot, clear of the top gridline.
    const tallest = await page.evaluate((tag) => {
      const svg = document.querySelector(`${tag} .widget-histogram svg`)!;
      const labels = [...svg.querySelectorAll('[data-mark="text"] text')];
      const label = labels.reduce((a, b) => (Number(b.textContent) > Number(a.textContent) ? b : a));
      const r = label.getBoundingClientRect();
      const grid = [...svg.querySelectorAll('[data-mark="y-grid"] line')].map((l) => l.getBoundingClientRect().top);
      return {
        count: label.textContent,
        crossed: grid.filter((y) => y > r.top && y < r.bottom).length,
        belowTop: r.top - svg.getBoundingClientRect().top,
      };
    }, TAG);
    expect(tallest.crossed).toBe(0);
    expect(tallest.belowTop).toBeGreaterThan(0);
    expect(await page.locator(`${TAG} .widget-loss-table tbody tr`).last().locator('td').first().textContent()).toBe('300');
    expect(watch.scriptFiles.some((u) => u.includes('hessian-spectrum.client'))).toBe(false);
    await live(page);
    expect(watch.scriptFiles.some((u) => u.includes('hessian-spectrum.client'))).toBe(true);
    expect(await cell(page, 'row-step')).toBe('300');
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await page.close();
  });

  it('trains live: the loss falls, Pause takes a spectrum with one eigenvalue per parameter, keys step and probe', async () => {
    const { page, watch } = await open(locale);
    await live(page);
    const loss300 = await value(page, 'row-loss');
    await page.click(`${TAG} [data-action=step]`);
    await settled(page, 400);
    expect(await value(page, 'row-loss')).toBeLessThan(loss300);
    await page.click(`${TAG} [data-action=train]`);
    expect(await page.locator(`${TAG} [data-action=train]`).getAttribute('aria-pressed')).toBe('true');
    // Count how often the visible status line and the screen-reader live region change while training.
    await page.evaluate((tag) => {
      const w = window as unknown as { changes: { status: number; live: number } };
      w.changes = { status: 0, live: 0 };
      new MutationObserver(() => w.changes.status++).observe(document.querySelector(`${tag} .widget-status`)!, {
        childList: true,
        characterData: true,
        subtree: true,
      });
      new MutationObserver(() => w.changes.live++).observe(document.querySelector(`${tag} [aria-live=polite]`)!, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    }, TAG);
    await page.waitForFunction((tag) => Number(document.querySelector<HTMLElement>(tag)!.dataset.step) >= 900, TAG, { timeout: 20_000 });
    // The visible status keeps up with the readout every chunk; screen readers hear it only every few seconds.
    const during = await page.evaluate(
      (tag) => ({
        step: document.querySelector<HTMLElement>(tag)!.dataset.step!,
        readout: document.querySelector(`${tag} .row-step td`)!.textContent,
        status: document.querySelector(`${tag} .widget-status`)!.textContent!,
        changes: (window as unknown as { changes: { status: number; live: number } }).changes,
      }),
      TAG,
    );
    expect(during.readout).toBe(during.step);
    expect(during.status).toContain(during.step);
    expect(during.changes.status).toBeGreaterThanOrEqual(5);
    expect(during.changes.live).toBeLessThan(during.changes.status);
    expect(await page.locator(`${TAG} [aria-live=polite]`).count()).toBe(1);
    await page.click(`${TAG} [data-action=train]`);
    await settled(page);
    const step = Number(await attr(page, 'data-step'));
    expect(step).toBeGreaterThanOrEqual(900);
    expect(await value(page, 'row-loss')).toBeLessThan(loss300);
    expect(await cell(page, 'row-parameters')).toBe('31');
    expect(await page.locator(`${TAG} .widget-eigen-table tbody tr`).count()).toBe(31);
    expect(await cell(page, 'row-spectrum-step')).toContain(String(step));
    expect(new URL(page.url()).searchParams.get('hessian-spectrum.steps')).toBe(String(step));
    // Keys on the loss chart: → trains one more chunk and takes the spectrum; Space starts and pauses.
    await page.focus(`${TAG} .widget-loss-chart`);
    await page.keyboard.press('ArrowRight');
    await settled(page, step + 100);
    await page.keyboard.press('Space');
    await page.waitForFunction(
      ([tag, s]) => Number(document.querySelector<HTMLElement>(tag)!.dataset.step) > s,
      [TAG, step + 100] as const,
      { timeout: 20_000 },
    );
    await page.keyboard.press('Space');
    await settled(page);
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });

  it('clamps a huge learning rate and explains it, reports the divergence it causes, and Reset brings the first paint back', async () => {
    const { page, watch } = await open(locale);
    await live(page);
    await page.selectOption(`${TAG} select[name=optimizer]`, 'gd');
    await settled(page, 0);
    await setField(page, 'lr', '1e9');
    expect(await page.inputValue(`${TAG} input[name=lr]`)).toBe('50');
    expect(await status(page).getAttribute('data-kind')).toBe('error');
    expect(await status(page).innerText()).toContain('50');
    await settled(page, 0);
    await page.click(`${TAG} [data-action=train]`);
    await page.waitForFunction((tag) => document.querySelector<HTMLElement>(tag)!.dataset.state === 'diverged', TAG, { timeout: 20_000 });
    expect(await status(page).getAttribute('data-kind')).toBe('error');
    expect(Number(await attr(page, 'data-step'))).toBeLessThan(100);
    // Too many parameters: refused, and the message repeats the widths as typed as well as the limit.
    await setField(page, 'hidden', '100, 100');
    expect(await page.inputValue(`${TAG} input[name=hidden]`)).toBe('10');
    expect(await status(page).innerText()).toContain('600');
    expect(await status(page).innerText()).toContain('100, 100');
    expect(await status(page).getAttribute('data-kind')).toBe('error');
    await setField(page, 'hidden', 'wide');
    expect(await page.inputValue(`${TAG} input[name=hidden]`)).toBe('10');
    expect(await status(page).getAttribute('data-kind')).toBe('error');
    // A negative width is not read as positive: it is raised to the smallest width, with a message saying so.
    await setField(page, 'hidden', '-3');
    expect(await page.inputValue(`${TAG} input[name=hidden]`)).toBe('1');
    expect(await status(page).getAttribute('data-kind')).toBe('error');
    expect(await status(page).innerText()).toContain('64');
    await settled(page, 0);
    expect(await page.inputValue(`${TAG} input[name=hidden]`)).toBe('1');
    expect(await status(page).getAttribute('data-kind')).toBe('error');
    await page.click(`${TAG} [data-action=reset]`);
    expect(await attr(page, 'data-state')).toBe('paused');
    expect(await cell(page, 'row-step')).toBe('300');
    expect(await page.inputValue(`${TAG} input[name=lr]`)).toBe('0.01');
    expect(new URL(page.url()).search).toBe('');
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });
});

describe('HessianSpectrum state and robustness', () => {
  it('retrains from a shared URL to the same step, matching the same experiments run here in Node', async () => {
    // Only what differs from the defaults, in the order the widget writes it (its field table's, then the widths).
    const query =
      '?hessian-spectrum.dataset=xor&hessian-spectrum.lr=0.02&hessian-spectrum.steps=200&hessian-spectrum.seed=3&hessian-spectrum.hidden=4-4';
    const { page, watch } = await open('en', query);
    await live(page);
    await settled(page, 200);
    // xor (2 inputs): (2+1)·4 + (4+1)·4 + (4+1)·1 = 37 parameters.
    expect(await cell(page, 'row-parameters')).toBe('37');
    expect(await page.inputValue(`${TAG} select[name=dataset]`)).toBe('xor');
    expect(await page.inputValue(`${TAG} input[name=hidden]`)).toBe('4, 4');
    const net = { dataset: { id: 'xor', params: { centered: true } }, hidden: [4, 4], activation: 'tanh', loss: 'mse' };
    const trained = (await runExperiment({
      id: 'mlp-train-step',
      config: { ...net, optimizer: { kind: 'adam', lr: 0.02 }, steps: 200 },
      seed: 3,
    })) as MlpTrainStepResult;
    const sp = (await runExperiment({
      id: 'mlp-probe-spectrum',
      config: { ...net, theta: trained.theta, gradTol: 1e-2 },
      seed: 3,
    })) as MlpProbeSpectrumResult;
    // The page runs on wasm, Node on cpu: float32 round-off apart, the same numbers.
    expect(await value(page, 'row-loss')).toBeCloseTo(trained.loss, 4);
    expect(Math.abs((await value(page, 'row-lambda-max')) - sp.lambdaMax)).toBeLessThan(2e-2 * Math.abs(sp.lambdaMax));
    expect(await page.locator(`${TAG} .widget-eigen-table tbody tr`).count()).toBe(37);
    // Training 100 + 100 in the page gives the same point as one request of 200 from the URL.
    const loss200 = await cell(page, 'row-loss');
    await setField(page, 'seed', '4');
    await settled(page, 0);
    await setField(page, 'seed', '3');
    await settled(page, 0);
    await page.click(`${TAG} [data-action=step]`);
    await settled(page, 100);
    await page.click(`${TAG} [data-action=step]`);
    await settled(page, 200);
    expect(await cell(page, 'row-loss')).toBe(loss200);
    expect(new URL(page.url()).search).toBe(query);
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });

  it(
    'survives 50 rapid interactions without an error or a growing tensor count in the worker, at phone width',
    { timeout: 120_000 },
    async () => {
      const { page, watch } = await open('en', '', 390);
      await live(page);
      await page.click(`${TAG} [data-action=spectrum]`);
      // The first live spectrum starts the worker; its status carries the time it took.
      await page.waitForFunction((tag) => document.querySelector(`${tag} .widget-status`)!.textContent!.includes('Computed in'), TAG, {
        timeout: 20_000,
      });
      await settled(page, 300);
      const before = await workerTensors(page);
      const actions = ['step', 'spectrum', 'train', 'step', 'train'];
      for (let i = 0; i < 40; i++) await page.click(`${TAG} [data-action=${actions[i % actions.length]}]`);
      await page.focus(`${TAG} .widget-loss-chart`);
      for (let i = 0; i < 10; i++) await page.keyboard.press(['ArrowRight', 's', 'Space'][i % 3]!);
      // Pause whatever still runs. A click that lands just after a run ended starts training again, so look again
      // until the widget has stopped (polling its state, not waiting for time).
      await expect
        .poll(
          async () => {
            if ((await attr(page, 'data-state')) === 'training') await page.click(`${TAG} [data-action=train]`);
            return attr(page, 'data-state');
          },
          { timeout: 60_000, interval: 500 },
        )
        .not.toBe('training');
      await settled(page);
      await expect.poll(() => workerTensors(page), { timeout: 10_000 }).toBe(before);
      const step = Number(await attr(page, 'data-step'));
      expect(step).toBeGreaterThan(300);
      expect(await page.locator(`${TAG} .widget-loss-table tbody tr`).last().locator('td').first().textContent()).toBe(String(step));
      expect(watch.consoleErrors).toEqual([]);
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      await page.close();
    },
  );

  it(
    'adds up ten quick presses of "+100" to 1,000 more steps, trained in chunks; Pause cancels what is left',
    { timeout: 150_000 },
    async () => {
      const { page, watch } = await open('en');
      await live(page);
      await settled(page, 300);
      const start = Number(await attr(page, 'data-step'));
      for (let i = 0; i < 10; i++) await page.click(`${TAG} [data-action=step]`);
      // The queue trains them one chunk at a time: the step count passes through start + 100 … and reaches start + 1000.
      await page.waitForFunction(
        ([tag, s]) => Number(document.querySelector<HTMLElement>(tag)!.dataset.step) >= s,
        [TAG, start + 1000] as const,
        {
          timeout: 90_000,
        },
      );
      await settled(page, start + 1000);
      expect(await page.locator(`${TAG} .widget-loss-table tbody tr`).last().locator('td').first().textContent()).toBe(
        String(start + 1000),
      );
      expect(await cell(page, 'row-spectrum-step')).toContain(String(start + 1000));
      // Ten presses of Shift+→ ask for 10,000 more; Pause as soon as the first chunk has landed cancels the rest.
      const from = start + 1000;
      await page.focus(`${TAG} .widget-loss-chart`);
      for (let i = 0; i < 10; i++) await page.keyboard.press('Shift+ArrowRight');
      expect(await status(page).innerText()).toContain(String(from + 10_000));
      await page.waitForFunction(([tag, s]) => Number(document.querySelector<HTMLElement>(tag)!.dataset.step) > s, [TAG, from] as const, {
        timeout: 30_000,
      });
      expect(await page.locator(`${TAG} [data-action=train]`).getAttribute('aria-pressed')).toBe('true');
      await page.click(`${TAG} [data-action=train]`);
      await settled(page);
      const stopped = Number(await attr(page, 'data-step'));
      expect(stopped).toBeGreaterThan(from);
      expect(stopped).toBeLessThan(from + 10_000);
      expect(await page.locator(`${TAG} [data-action=train]`).getAttribute('aria-pressed')).toBe('false');
      expect(watch.consoleErrors).toEqual([]);
      await page.close();
    },
  );

  it.each(['en', 'zh-tw'])(
    'explains the loss spikes of a long Adam run under the loss curve (%s)',
    { timeout: 150_000 },
    async (locale) => {
      const { page, watch } = await open(locale, '?hessian-spectrum.steps=5000');
      await live(page);
      await page.waitForFunction((tag) => document.querySelector<HTMLElement>(tag)!.dataset.step === '5000', TAG, { timeout: 140_000 });
      await settled(page, 5000);
      const note = page.locator(`${TAG} .widget-spike-note`);
      expect(await note.isVisible()).toBe(true);
      expect(await note.innerText()).toContain('Adam');
      expect(await note.innerText()).toContain('38');
      expect(await note.innerText()).toContain('v̂');
      watch.consoleErrors.length = 0;
      await page.close();
    },
  );
});
