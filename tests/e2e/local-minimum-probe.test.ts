// <LocalMinimumProbe> in a real browser, in every locale: static first paint, lazy code, presets, keys, probes and descent in the worker, clamps, URL, abuse.
import { describe, expect, it } from 'vitest';
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
    const dots = page.locator(`${TAG} .widget-fit svg g[aria-label=dot]`).first().locator('circle');
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
  });
});
