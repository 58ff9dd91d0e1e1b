// <SaddleDynamics> in a real browser, in every locale: static first paint, lazy code, fields, keys, closed forms, clamps, divergence, abuse.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, useSite, waitForWidget, sidewaysOverflow } from './harness.ts';

const PATH = (locale: string) => `/${locale}/lectures/saddle-dynamics/`;
const site = useSite();

const open = (locale: string, query = '', width = 1280) => openPage(site, PATH(locale) + query, width);

const live = (page: Page) => waitForWidget(page, 'saddle-saddle-dynamics');
const cell = (page: Page, row: string) => page.locator(`saddle-saddle-dynamics .${row} td`).innerText();
/** The leading number of a readout cell ("142 (closed form 142)" → 142), NaN for "never". */
const lead = async (page: Page, row: string) => Number((await cell(page, row)).match(/^[\d.]+/)?.[0] ?? Number.NaN);
/** Both numbers of the gradient-descent row: simulated and closed form. */
const gdPair = async (page: Page) => (await cell(page, 'row-gd')).match(/\d+/g)!.map(Number);
const setField = async (page: Page, name: string, value: string) => {
  await page.fill(`saddle-saddle-dynamics input[name=${name}]`, value);
  await page.press(`saddle-saddle-dynamics input[name=${name}]`, 'Enter');
};
const status = (page: Page) => page.locator('saddle-saddle-dynamics .widget-status');
const gdClosedForm = (eps: number, lambda2: number, lr: number) => Math.ceil(Math.log(1 / eps) / Math.log(1 + lr * Math.abs(lambda2)));

describe.each(['en', 'zh-tw', 'zh-cn'])('SaddleDynamics (%s)', (locale) => {
  it('paints both charts and the closed-form numbers before any script runs, and loads its code only near the viewport', async () => {
    const { page, watch } = await open(locale);
    // Defaults λ₂ = −0.5, η = 0.1, ε = 10⁻³: ⌈ln 1000 / ln 1.05⌉ = 142 steps, computed at build time.
    expect(await gdPair(page)).toEqual([142, 142]);
    expect(await cell(page, 'row-momentum')).toContain('1.2000');
    expect(await page.locator('saddle-saddle-dynamics .widget-phase svg').count()).toBe(1);
    expect(await page.locator('saddle-saddle-dynamics .widget-escape-chart svg').count()).toBe(1);
    expect(await page.locator('saddle-saddle-dynamics .widget-table tbody tr').count()).toBe(15);
    expect(watch.scriptFiles.some((u) => u.includes('saddle-saddle-dynamics.client'))).toBe(false);
    await live(page);
    expect(watch.scriptFiles.some((u) => u.includes('saddle-saddle-dynamics.client'))).toBe(true);
    expect(await gdPair(page)).toEqual([142, 142]);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await page.close();
  });

  it('gives the closed-form escape steps for a known input, and changes its numbers with the keys', async () => {
    const { page, watch } = await open(locale);
    await live(page);
    await setField(page, 'lambda2', '-1');
    await setField(page, 'lr', '0.05');
    await setField(page, 'epsilon', '0.0001');
    const k = gdClosedForm(1e-4, -1, 0.05);
    expect(k).toBe(189);
    expect(await gdPair(page)).toEqual([k, k]);
    expect(await status(page).innerText()).toContain(String(k));
    expect(new URL(page.url()).searchParams.get('dynamics.epsilon')).toBe('0.0001');
    // Up doubles ε (one step fewer or so), Right adds 0.01 to η.
    await page.focus('saddle-saddle-dynamics .widget-phase');
    await page.keyboard.press('ArrowUp');
    expect(await page.inputValue('input[name=epsilon]')).toBe('0.0002');
    expect(await gdPair(page)).toEqual([gdClosedForm(2e-4, -1, 0.05), gdClosedForm(2e-4, -1, 0.05)]);
    await page.keyboard.press('ArrowRight');
    expect(await page.inputValue('input[name=lr]')).toBe('0.06');
    expect(await gdPair(page)).toEqual([gdClosedForm(2e-4, -1, 0.06), gdClosedForm(2e-4, -1, 0.06)]);
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });

  it('never escapes from ε = 0 without noise, and does with a little noise', async () => {
    const { page, watch } = await open(locale);
    await live(page);
    await setField(page, 'epsilon', '0');
    expect(Number.isNaN(await lead(page, 'row-gd'))).toBe(true);
    expect(Number.isNaN(await lead(page, 'row-momentum'))).toBe(true);
    await setField(page, 'sigma', '0.001');
    const noisy = await lead(page, 'row-noisy');
    expect(noisy).toBeGreaterThan(0);
    expect(noisy).toBeLessThan(5000);
    await setField(page, 'sigma', '0.05');
    expect(await lead(page, 'row-noisy')).toBeLessThan(noisy);
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });

  it('clamps an odd input and explains it, and reports divergence (ηλ₁ ≥ 2) that reset undoes', async () => {
    const { page, watch } = await open(locale);
    await live(page);
    await setField(page, 'lambda2', '3');
    expect(await page.inputValue('input[name=lambda2]')).toBe('-0.05');
    expect(await status(page).getAttribute('data-kind')).toBe('error');
    expect(await status(page).innerText()).toContain('λ₂');
    await setField(page, 'beta', '7');
    expect(await page.inputValue('input[name=beta]')).toBe('0.99');
    expect(await status(page).getAttribute('data-kind')).toBe('error');
    await page.click('saddle-saddle-dynamics [data-action=reset]');
    await setField(page, 'lr', '2.5');
    expect(await page.locator('saddle-saddle-dynamics').getAttribute('data-state')).toBe('diverged');
    expect(await status(page).getAttribute('data-kind')).toBe('error');
    expect(await status(page).innerText()).toContain('2.500');
    expect(await page.locator('saddle-saddle-dynamics .row-stable').getAttribute('class')).toContain('is-diverged');
    await page.click('saddle-saddle-dynamics [data-action=reset]');
    expect(await page.locator('saddle-saddle-dynamics').getAttribute('data-state')).toBe('stable');
    expect(await page.inputValue('input[name=lr]')).toBe('0.1');
    expect(await gdPair(page)).toEqual([142, 142]);
    expect(new URL(page.url()).search).toBe('');
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });
});

describe('SaddleDynamics state and robustness', () => {
  it('restores the exact view from a shared URL', async () => {
    const { page } = await open('en', '?saddle-dynamics.lambda2=-2&saddle-dynamics.lr=0.2&saddle-dynamics.epsilon=1e-6');
    await live(page);
    const k = gdClosedForm(1e-6, -2, 0.2);
    expect(await gdPair(page)).toEqual([k, k]);
    expect(await page.inputValue('input[name=lambda2]')).toBe('-2');
    await page.close();
  });

  it('survives 50 rapid interactions without an error and ends in a consistent state', async () => {
    const { page, watch } = await open('en', '', 390);
    await live(page);
    await page.focus('saddle-saddle-dynamics .widget-phase');
    const keys = ['ArrowUp', 'ArrowRight', 'ArrowDown', 'Shift+ArrowUp', 'ArrowLeft'];
    for (let i = 0; i < 40; i++) await page.keyboard.press(keys[i % keys.length]!);
    for (let i = 0; i < 10; i++) await setField(page, ['sigma', 'beta'][i % 2]!, String([0.001 * i, 0.1 * (i % 9)][i % 2]));
    const q = new URL(page.url()).searchParams;
    const [eps, lr] = [Number(q.get('dynamics.epsilon') ?? 1e-3), Number(q.get('dynamics.lr') ?? 0.1)];
    expect(await gdPair(page)).toEqual([gdClosedForm(eps, -0.5, lr), gdClosedForm(eps, -0.5, lr)]);
    expect(watch.consoleErrors).toEqual([]);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await page.close();
  });
});
