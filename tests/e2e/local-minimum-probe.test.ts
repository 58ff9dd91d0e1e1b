// <LocalMinimumProbe> in a real browser, in every locale: static first paint, lazy code, presets, keys, probes and descent in the worker, clamps, URL, abuse.
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { openPage, useSite, waitForWidget, workerTensors, sidewaysOverflow } from './harness.ts';

const PATH = (locale: string) => `/${locale}/lectures/deep-local-minima/`;
const TAG = 'saddle-local-minimum-probe';
const site = useSite();
const open = (locale: string, query = '', width = 1280) => openPage(site, PATH(locale) + query, width);

/** D1 and its loss, written out here (not imported), for the numbers the widget must show. */
const D1 = [
  [-1, 3],
  [1, -3],
  [3, 0],
  [4, 1],
  [5, 2],
] as const;
const loss = ([w, b, v, c]: number[]) => D1.reduce((s, [x, y]) => s + (v! * Math.max(0, w! * x + b!) + c! - y) ** 2, 0);

const cell = (page: Page, row: string) => page.locator(`${TAG} .${row} > td`).innerText();
const lossShown = async (page: Page) => Number((await cell(page, 'row-loss')).trim());
const status = (page: Page) => page.locator(`${TAG} .widget-status`);
/** Live, with a probe of the current θ finished. */
const settled = async (page: Page) => {
  await page.waitForSelector(`${TAG}[data-ready][data-probe=done]:not([data-busy])`);
};
const live = async (page: Page) => {
  await waitForWidget(page, TAG);
  await settled(page);
};
const setField = async (page: Page, name: string, value: string) => {
  await page.fill(`${TAG} input[name=${name}]`, value);
  await page.press(`${TAG} input[name=${name}]`, 'Enter');
};

describe.each(['en', 'zh-tw', 'zh-cn'])('LocalMinimumProbe (%s)', (locale) => {
  it('paints the fit, L = 18, both one-sided Hessian spectra and a probe histogram before its code loads, then the same live', async () => {
    const { page, watch } = await open(locale);
    expect(await lossShown(page)).toBe(18);
    // One-sided Hessians at (1, −3, 1, 0): nonzero eigenvalues of 2·Gram of the active Jacobian rows (checked in Vitest).
    expect(await cell(page, 'row-eigen')).toContain('0.4552, 5.8153, 99.7295');
    expect(await cell(page, 'row-eigen-on')).toContain('2.0000, 4.4153, 119.5847');
    expect(await cell(page, 'row-probe')).toMatch(/ 0 /);
    expect(await page.locator(`${TAG} .widget-fit svg`).count()).toBe(1);
    expect(await page.locator(`${TAG} .widget-probe-chart svg`).count()).toBe(1);
    expect(await page.locator(`${TAG} .widget-fit-table tbody tr`).count()).toBe(5);
    expect(watch.scriptFiles.some((u) => u.includes('local-minimum-probe.client'))).toBe(false);
    const staticVerdict = await cell(page, 'row-verdict');
    // Without its code the fit is a plain image: not focusable, not pointing at key instructions that do nothing.
    const fit = page.locator(`${TAG} .widget-fit`);
    expect(await fit.getAttribute('role')).toBe('img');
    expect(await fit.getAttribute('tabindex')).toBeNull();
    expect(await fit.getAttribute('aria-describedby')).toBeNull();
    expect(await fit.getAttribute('aria-label')).toBeTruthy();
    // The gradient cell uses the locale's punctuation between the vector and its norm.
    const gradient = await cell(page, 'row-gradient');
    if (locale === 'en') expect(gradient).toContain('; ‖∇L‖');
    else expect(gradient).toMatch(/；‖∇L‖/);
    await live(page);
    // Live, it takes keys: focusable, announced as an interactive chart, described by the instructions.
    expect(await fit.getAttribute('tabindex')).toBe('0');
    expect(await fit.getAttribute('role')).toBe('application');
    expect(await fit.getAttribute('aria-roledescription')).toBeTruthy();
    expect(await fit.getAttribute('aria-label')).toBeTruthy();
    const describedBy = (await fit.getAttribute('aria-describedby'))!;
    expect((await page.locator(`[id="${describedBy}"]`).innerText()).length).toBeGreaterThan(20);
    expect(watch.scriptFiles.some((u) => u.includes('local-minimum-probe.client'))).toBe(true);
    expect(await lossShown(page)).toBe(18);
    expect(await cell(page, 'row-verdict')).toBe(staticVerdict);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await page.close();
  });

  it('responds to presets, keys and fields with the right numbers, and descends from (−1, 0, 1, 0) to L = 14', async () => {
    const { page, watch } = await open(locale);
    await live(page);
    await page.click(`${TAG} [data-action=better]`);
    await settled(page);
    expect(await lossShown(page)).toBe(14);
    // H = 2(JJᵀ + 4e₄e₄ᵀ) with J = (−1, 1, 3, 1): eigenvalues 0, 0, 16 ± 4√5.
    expect(await cell(page, 'row-eigen')).toContain(`${(16 - 4 * Math.sqrt(5)).toFixed(4)}, ${(16 + 4 * Math.sqrt(5)).toFixed(4)}`);
    await page.focus(`${TAG} .widget-fit`);
    await page.keyboard.press('ArrowUp');
    expect(await page.inputValue(`${TAG} input[name=c]`)).toBe('0.1');
    expect(await lossShown(page)).toBeCloseTo(loss([-7, -4, 1, 0.1]), 6);
    await page.keyboard.press('ArrowRight');
    // The kink −b/w = −4/7 moves right by 0.1 at fixed w = −7: b → −4 + 0.7.
    expect(Number(await page.inputValue(`${TAG} input[name=b]`))).toBeCloseTo(-3.3, 9);
    await setField(page, 'w', '0.5');
    await setField(page, 'b', '0');
    await setField(page, 'c', '0');
    await settled(page);
    expect(await lossShown(page)).toBeCloseTo(loss([0.5, 0, 1, 0]), 6);
    expect(await page.locator(TAG).getAttribute('data-verdict')).toBe('not-critical');
    // ∇L ≠ 0 there, so about half of 1000 random steps of length 0.01 go downhill; the readout and status say how many.
    const lowered = Number(await page.locator(TAG).getAttribute('data-lowered'));
    expect(lowered).toBeGreaterThan(350);
    expect(lowered).toBeLessThan(650);
    expect(await cell(page, 'row-probe')).toContain(String(lowered));
    expect(await status(page).innerText()).toContain(String(lowered));
    await setField(page, 'w', '-1');
    await page.click(`${TAG} [data-action=descend]`);
    await page.waitForSelector(`${TAG}[data-descent=converged]`);
    await settled(page);
    expect(await lossShown(page)).toBeCloseTo(14, 5);
    expect(await page.locator(`${TAG} .widget-descent-chart svg`).count()).toBe(1);
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });

  it('clamps odd input with an explanation, reports a diverging descent, and Reset restores the published point', async () => {
    const { page, watch } = await open(locale);
    await live(page);
    await setField(page, 'w', '100');
    expect(await page.inputValue(`${TAG} input[name=w]`)).toBe('20');
    expect(await status(page).getAttribute('data-kind')).toBe('error');
    expect(await status(page).innerText()).toContain('20');
    await setField(page, 'radius', '');
    expect(await page.inputValue(`${TAG} input[name=radius]`)).toBe('0.01');
    expect(await status(page).getAttribute('data-kind')).toBe('error');
    await setField(page, 'lr', '1000');
    expect(await page.inputValue(`${TAG} input[name=lr]`)).toBe('10');
    await setField(page, 'w', '0.5');
    await setField(page, 'b', '0');
    await page.click(`${TAG} [data-action=descend]`);
    await page.waitForSelector(`${TAG}[data-descent=diverged]`);
    expect(await status(page).getAttribute('data-kind')).toBe('error');
    expect(await page.inputValue(`${TAG} input[name=w]`)).toBe('0.5');
    const diverged = await status(page).innerText();
    await page.click(`${TAG} [data-action=reset]`);
    await settled(page);
    expect(await lossShown(page)).toBe(18);
    // Reset says what it did (a screen reader hears it), as information.
    expect((await status(page).innerText()).trim()).not.toBe('');
    expect(await status(page).innerText()).not.toBe(diverged);
    expect(await status(page).getAttribute('data-kind')).toBe('info');
    expect(await page.inputValue(`${TAG} input[name=lr]`)).toBe('0.01');
    expect(new URL(page.url()).search).toBe('');
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });
});

describe('LocalMinimumProbe state and robustness', () => {
  it('restores θ, radius, seed and η from a shared URL, and writes its state back', async () => {
    const { page } = await open(
      'en',
      '?local-minimum-probe.w=-7&local-minimum-probe.b=-4&local-minimum-probe.v=1&local-minimum-probe.c=0&local-minimum-probe.radius=0.001&local-minimum-probe.seed=5&local-minimum-probe.lr=0.02',
    );
    await live(page);
    expect(await lossShown(page)).toBe(14);
    expect(await page.inputValue(`${TAG} input[name=radius]`)).toBe('0.001');
    expect(await page.inputValue(`${TAG} input[name=seed]`)).toBe('5');
    expect(await page.inputValue(`${TAG} input[name=lr]`)).toBe('0.02');
    await page.focus(`${TAG} .widget-fit`);
    await page.keyboard.press('ArrowDown');
    expect(new URL(page.url()).searchParams.get('local-minimum-probe.c')).toBe('-0.1');
    // A press on the chart puts the hinge (kink, c) under the pointer: b = −w·x and c = y change, w and v do not.
    await settled(page);
    // locator.click scrolls the chart into view and waits until it is stable (the probe redraws it).
    const chart = page.locator(`${TAG} .widget-fit`);
    const box = (await chart.boundingBox())!;
    await chart.click({ position: { x: box.width * 0.75, y: box.height * 0.3 } });
    await settled(page);
    const q = new URL(page.url()).searchParams;
    // Fields at their defaults stay out of the URL (v = 1 here).
    const theta = ['w', 'b', 'v', 'c'].map((k, i) => Number(q.get(`local-minimum-probe.${k}`) ?? [1, -3, 1, 0][i]));
    expect([theta[0], theta[2]]).toEqual([-7, 1]);
    expect(theta[1]).not.toBe(-4);
    expect(theta[3]).toBeGreaterThan(0);
    expect(await lossShown(page)).toBeCloseTo(loss(theta), 6);
    await page.close();
  });

  it('draws the fit at its box width on a phone and after a resize, and a press still lands the hinge under the pointer', async () => {
    const { page } = await open('en', '', 390);
    await live(page);
    const fit = page.locator(`${TAG} .widget-fit svg`);
    // Drawn at the width it is shown at, so its 12 px labels stay 12 px (not scaled down).
    const scale = () => fit.evaluate((svg) => svg.getBoundingClientRect().width / Number(svg.getAttribute('width')));
    expect(await scale()).toBeGreaterThan(0.97);
    expect(Number(await fit.getAttribute('width'))).toBeLessThan(400);
    // After a resize it is redrawn at the new width of its box (the page changes layout at wider widths).
    const fitsBox = (tag: string) => {
      const box = document.querySelector<HTMLElement>(`${tag} .widget-fit`)!;
      const drawn = Number(box.querySelector('svg')?.getAttribute('width'));
      return Math.abs(drawn - Math.min(460, box.clientWidth)) <= 1;
    };
    for (const width of [1280, 700, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForFunction(fitsBox, TAG);
      expect(await scale()).toBeGreaterThan(0.97);
    }
    // A press on the rightmost data point, (5, 2), puts the hinge there from (1, −3, 1, 0): b = −w·5 = −5, c = 2
    // (to a pixel: one pixel is about 0.03 in data units).
    const dots = page.locator(`${TAG} .widget-fit svg g[data-mark=dot]`).first().locator('circle');
    const xs = await dots.evaluateAll((cs) => cs.map((c) => c.getBoundingClientRect().x));
    const dot = dots.nth(xs.indexOf(Math.max(...xs)));
    await dot.scrollIntoViewIfNeeded();
    const box = (await dot.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await settled(page);
    expect(Number(await page.inputValue(`${TAG} input[name=b]`))).toBeCloseTo(-5, 1);
    expect(Number(await page.inputValue(`${TAG} input[name=c]`))).toBeCloseTo(2, 1);
    await page.close();
  });

  it('survives 50 rapid interactions with no error, no overflow at 390 px and no growth of the worker’s tensors', async () => {
    const { page, watch } = await open('en', '', 390);
    await live(page);
    // The first paint needs no worker (its probe was computed at build time): start it with one probe.
    await page.click(`${TAG} [data-action=probe]`);
    await settled(page);
    const before = await workerTensors(page);
    await page.focus(`${TAG} .widget-fit`);
    const keys = ['ArrowUp', 'ArrowRight', 'ArrowDown', 'Shift+ArrowLeft', 'ArrowLeft'];
    for (let i = 0; i < 35; i++) await page.keyboard.press(keys[i % keys.length]!);
    for (let i = 0; i < 15; i++) await page.click(`${TAG} [data-action=${['probe', 'better', 'local', 'descend', 'probe'][i % 5]}]`);
    await settled(page);
    await page.waitForFunction((tag) => document.querySelector(tag)?.getAttribute('data-descent') !== 'running', TAG);
    await settled(page);
    const q = new URL(page.url()).searchParams;
    const theta = ['w', 'b', 'v', 'c'].map((k, i) => Number(q.get(`local-minimum-probe.${k}`) ?? [1, -3, 1, 0][i]));
    expect(await lossShown(page)).toBeCloseTo(loss(theta), 5);
    expect(await workerTensors(page)).toBe(before);
    expect(watch.consoleErrors).toEqual([]);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await page.close();
  }, 60_000); // 50 redraws and probes, each awaited: allow for a busy machine
});

/** Boxes of a chart's axis label and tick labels, as drawn. */
const axisBoxes = (page: Page, chart: string, axis: 'x' | 'y') =>
  page.locator(`${TAG} ${chart} svg`).evaluate((svg, axis) => {
    const rect = (e: Element) => {
      const r = e.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, text: e.textContent ?? '' };
    };
    const ticks = [...svg.querySelectorAll(`g[data-mark="${axis}-axis tick label"] text`)].filter((t) => t.textContent).map(rect);
    const label = svg.querySelector(`g[data-mark="${axis}-axis label"] text`);
    return { ticks, label: label ? rect(label) : null };
  }, axis);
type Box = { left: number; right: number; top: number; bottom: number };
const overlap = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('LocalMinimumProbe findings', () => {
  it.each([
    ['en', 390],
    ['zh-tw', 1280],
  ])('draws every y-axis label clear of its tick labels, 4,000-probe bins included (%s, %i px)', async (locale, width) => {
    const { page } = await open(locale, '?local-minimum-probe.probes=20000&local-minimum-probe.w=-1&local-minimum-probe.b=0', width);
    await live(page);
    await page.click(`${TAG} [data-action=descend]`);
    await page.waitForSelector(`${TAG}[data-descent=converged]:not([data-busy])`);
    for (const chart of ['.widget-fit', '.widget-probe-chart', '.widget-descent-chart'])
      for (const axis of ['y', 'x'] as const) {
        const { ticks, label } = await axisBoxes(page, chart, axis);
        expect(label, `${chart} ${axis}`).not.toBeNull();
        expect(ticks.length, `${chart} ${axis}`).toBeGreaterThan(1);
        for (const t of ticks) expect(overlap(label!, t), `${chart}: ${axis} label over tick ${t.text}`).toBe(false);
      }
    // The histogram of 20,000 probes has bins in the thousands: the case that used to collide.
    const counts = (await axisBoxes(page, '.widget-probe-chart', 'y')).ticks.map((t) => Number(t.text.replace(/\D/g, '')));
    expect(Math.max(...counts)).toBeGreaterThanOrEqual(1000);
    await page.close();
  });

  it('prints descent ticks without runs of zeros or hyphens, on a log axis labelled 10ᵏ when the loss spans decades', async () => {
    // From the published minimum descent stops at once (‖∇L‖ = 0): a flat path, the case that printed 0.000000.
    const { page } = await open('en');
    await live(page);
    await page.click(`${TAG} [data-action=descend]`);
    await page.waitForSelector(`${TAG}[data-descent=converged]:not([data-busy])`);
    const ticks = async () => (await axisBoxes(page, '.widget-descent-chart', 'y')).ticks.map((t) => t.text);
    expect((await ticks()).length).toBeGreaterThan(1);
    for (const t of await ticks()) expect(t).not.toMatch(/0{4}|-/);
    // From c = 20 the loss starts near 1,900 and ends near 18: two decades, a log axis.
    await setField(page, 'c', '20');
    await settled(page);
    await page.click(`${TAG} [data-action=descend]`);
    await page.waitForSelector(`${TAG}[data-descent]:not([data-descent=running]):not([data-busy])`);
    expect(await page.locator(`${TAG} .widget-descent-chart svg`).innerHTML()).toContain('log scale');
    const log = (await ticks()).filter((t) => t !== '');
    expect(log.length).toBeGreaterThan(0);
    for (const t of log) expect(t).toMatch(/^(1|10|10[⁰¹²³⁴⁵⁶⁷⁸⁹]+)$/);
    await page.close();
  });

  it.each(['en', 'zh-tw'])('names every data point on the kink at w = b = 0 and typesets both one-sided Hessians (%s)', async (locale) => {
    const { page } = await open(locale, '?local-minimum-probe.w=0&local-minimum-probe.b=0');
    await live(page);
    expect(await page.locator(TAG).getAttribute('data-kinks')).toBe('-1 1 3 4 5');
    const verdict = await cell(page, 'row-verdict');
    expect(verdict).toContain(locale === 'en' ? 'x = −1, 1, 3, 4, and 5' : 'x = −1、1、3、4和5');
    // Each Hessian is a 4×4 table whose rows do not wrap: the four entries of a row share one line.
    const matrices = page.locator(`${TAG} .widget-readout .widget-matrix`);
    expect(await matrices.count()).toBe(2);
    const rowsOnOneLine = await matrices.evaluateAll((ms) =>
      ms.every((m) => {
        const rows = [...m.querySelectorAll('tr')];
        return (
          rows.length === 4 &&
          rows.every((r) => new Set([...r.querySelectorAll('td')].map((td) => Math.round(td.getBoundingClientRect().top))).size === 1)
        );
      }),
    );
    expect(rowsOnOneLine).toBe(true);
    expect(await page.locator(`${TAG} .row-eigen th`).innerText()).toContain(locale === 'en' ? '−1, 1, 3, 4, and 5' : '−1、1、3、4和5');
    await page.close();
  });

  it('says “1 step” when a descent diverges after one step, and never “(s)”', async () => {
    // η = 10 from (0.5, 0, 1, 0): the first step already multiplies the loss by more than 10⁶.
    const { page } = await open('en', '?local-minimum-probe.w=0.5&local-minimum-probe.b=0&local-minimum-probe.lr=10');
    await live(page);
    await page.click(`${TAG} [data-action=descend]`);
    await page.waitForSelector(`${TAG}[data-descent=diverged]:not([data-busy])`);
    const text = await status(page).innerText();
    const steps = Number(/after (\d+) step/.exec(text)?.[1]);
    expect(text).toContain(steps === 1 ? 'after 1 step.' : `after ${steps} steps.`);
    expect(text).not.toMatch(/\b1 steps/);
    expect(await page.locator(TAG).innerText()).not.toContain('(s)');
    await page.close();
  });

  it('offers the build-time probe’s 1,000 rows as CSV before the worker has run at all', async () => {
    const { page } = await open('en');
    await waitForWidget(page, TAG);
    expect(await page.locator(TAG).getAttribute('data-probe')).toBe('done');
    await page.click(`${TAG} .widget-downloads summary`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`${TAG} [data-download=csv]`)]);
    const rows = (await readFile((await download.path())!, 'utf8')).trim().split('\n');
    expect(rows[0]).toBe('probe,delta_L');
    expect(rows.length).toBe(1001);
    // Its numbers are the page's: the smallest ΔL in the file is the readout's.
    const min = Math.min(...rows.slice(1).map((r) => Number(r.split(',')[1])));
    expect(await cell(page, 'row-probe')).toContain(min.toExponential(2).replace('-', '−').replace('e+', 'e'));
    await page.close();
  });

  it('runs a descent again when the figure returns after the descent was cancelled off screen', async () => {
    const { page } = await open('en', '?local-minimum-probe.w=-1&local-minimum-probe.b=0');
    await live(page);
    await page.click(`${TAG} [data-action=probe]`);
    await settled(page);
    // Hold descents in the page's worker client until released, so the cancel always finds one running (on any
    // machine); cancel rejects a held descent as the worker would.
    await page.evaluate(() => {
      type Client = { run: (...a: unknown[]) => Promise<unknown>; cancel: (channel?: string) => void };
      const g = globalThis as unknown as { __saddleWorker: Client; __release?: boolean; __held: number };
      const client = g.__saddleWorker;
      const run = client.run.bind(client);
      const cancel = client.cancel.bind(client);
      const held: { channel: string; reject: (e: Error) => void }[] = [];
      g.__held = 0;
      client.run = (id, config, seed, options) => {
        const channel = (options as { channel: string }).channel;
        if ((config as { mode: string }).mode !== 'descend' || g.__release) return run(id, config, seed, options);
        g.__held++;
        return new Promise((_, reject) => held.push({ channel, reject }));
      };
      client.cancel = (channel) => {
        for (const h of [...held]) {
          if (channel !== undefined && h.channel !== channel) continue;
          held.splice(held.indexOf(h), 1);
          const e = new Error('cancelled');
          e.name = 'AbortError';
          h.reject(e);
        }
        cancel(channel);
      };
    });
    await page.click(`${TAG} [data-action=descend]`);
    await page.waitForSelector(`${TAG}[data-descent=running][data-busy]`);
    await page.waitForFunction(() => (globalThis as unknown as { __held: number }).__held === 1);
    // Off screen: the descent is cancelled and waits for the figure to come back.
    await page.evaluate((tag) => {
      const el = document.querySelector(tag)!;
      const top = el.getBoundingClientRect().top + scrollY;
      scrollTo(0, top > innerHeight * 2 ? 0 : document.documentElement.scrollHeight);
    }, TAG);
    await page.waitForSelector(`${TAG}[data-descent=waiting]:not([data-busy])`);
    expect(await lossShown(page)).toBeCloseTo(loss([-1, 0, 1, 0]), 6);
    await page.evaluate(() => ((globalThis as unknown as { __release: boolean }).__release = true));
    await page.locator(TAG).scrollIntoViewIfNeeded();
    await page.waitForSelector(`${TAG}[data-descent=converged]:not([data-busy])`);
    await settled(page);
    expect(await lossShown(page)).toBeCloseTo(14, 5);
    await page.close();
  });
});
