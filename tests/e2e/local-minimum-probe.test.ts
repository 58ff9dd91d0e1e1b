// <LocalMinimumProbe> in a real browser, in every locale: static first paint, lazy code, presets, keys, probes and descent in the worker, clamps, URL, abuse.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, useSite, waitForWidget, workerTensors, sidewaysOverflow } from './harness.ts';

const PATH = (locale: string) => `/${locale}/lectures/deep-local-minima/`;
const TAG = 'saddle-local-minimum-probe';
const site = useSite();
const open = (locale: string, query = '', width = 1280) => openPage(site, PATH(locale) + query, width);

/** D1 and its loss, written out here (not imported), for the numbers the widget must show. */
const D1 = [[-1, 3], [1, -3], [3, 0], [4, 1], [5, 2]] as const;
const loss = ([w, b, v, c]: number[]) => D1.reduce((s, [x, y]) => s + (v! * Math.max(0, w! * x + b!) + c! - y) ** 2, 0);

const cell = (page: Page, row: string) => page.locator(`${TAG} .${row} td`).innerText();
const lossShown = async (page: Page) => Number((await cell(page, 'row-loss')).trim());
const status = (page: Page) => page.locator(`${TAG} .widget-status`);
/** Live, with a probe of the current θ finished. */
const settled = async (page: Page) => {
  await page.waitForSelector(`${TAG}[data-ready][data-probe=done]`);
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
    await live(page);
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
    await page.click(`${TAG} [data-action=reset]`);
    await settled(page);
    expect(await lossShown(page)).toBe(18);
    expect(await page.inputValue(`${TAG} input[name=lr]`)).toBe('0.01');
    expect(new URL(page.url()).search).toBe('');
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });
});

describe('LocalMinimumProbe state and robustness', () => {
  it('restores θ, radius, seed and η from a shared URL, and writes its state back', async () => {
    const { page } = await open('en', '?probe.w=-7&probe.b=-4&probe.v=1&probe.c=0&probe.radius=0.001&probe.seed=5&probe.lr=0.02');
    await live(page);
    expect(await lossShown(page)).toBe(14);
    expect(await page.inputValue(`${TAG} input[name=radius]`)).toBe('0.001');
    expect(await page.inputValue(`${TAG} input[name=seed]`)).toBe('5');
    expect(await page.inputValue(`${TAG} input[name=lr]`)).toBe('0.02');
    await page.focus(`${TAG} .widget-fit`);
    await page.keyboard.press('ArrowDown');
    expect(new URL(page.url()).searchParams.get('probe.c')).toBe('-0.1');
    // A press on the chart puts the hinge (kink, c) under the pointer: b = −w·x and c = y change, w and v do not.
    await settled(page);
    // locator.click scrolls the chart into view and waits until it is stable (the probe redraws it).
    const chart = page.locator(`${TAG} .widget-fit`);
    const box = (await chart.boundingBox())!;
    await chart.click({ position: { x: box.width * 0.75, y: box.height * 0.3 } });
    await settled(page);
    const q = new URL(page.url()).searchParams;
    const theta = ['w', 'b', 'v', 'c'].map((k) => Number(q.get(`probe.${k}`)));
    expect([theta[0], theta[2]]).toEqual([-7, 1]);
    expect(theta[1]).not.toBe(-4);
    expect(theta[3]).toBeGreaterThan(0);
    expect(await lossShown(page)).toBeCloseTo(loss(theta), 6);
    await page.close();
  });

  it('survives 50 rapid interactions with no error, no overflow at 390 px and no growth of the worker’s tensors', async () => {
    const { page, watch } = await open('en', '', 390);
    await live(page);
    const before = await workerTensors(page);
    await page.focus(`${TAG} .widget-fit`);
    const keys = ['ArrowUp', 'ArrowRight', 'ArrowDown', 'Shift+ArrowLeft', 'ArrowLeft'];
    for (let i = 0; i < 35; i++) await page.keyboard.press(keys[i % keys.length]!);
    for (let i = 0; i < 15; i++) await page.click(`${TAG} [data-action=${['probe', 'better', 'local', 'descend', 'probe'][i % 5]}]`);
    await settled(page);
    await page.waitForFunction((tag) => document.querySelector(tag)?.getAttribute('data-descent') !== 'running', TAG);
    await settled(page);
    const q = new URL(page.url()).searchParams;
    const theta = ['w', 'b', 'v', 'c'].map((k, i) => Number(q.get(`probe.${k}`) ?? [1, -3, 1, 0][i]));
    expect(await lossShown(page)).toBeCloseTo(loss(theta), 5);
    expect(await workerTensors(page)).toBe(before);
    expect(watch.consoleErrors).toEqual([]);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await page.close();
  });
});
