// <TaylorApproximation> in a real browser, in every locale: static first paint, lazy code, slider and keys, numbers, abuse.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, useSite, waitForWidget, sidewaysOverflow } from './harness.ts';

const PATH = (locale: string) => `/${locale}/lectures/taylor-hessian/`;
const ONE = '#widget-taylor-approximation';
const TWO = '#widget-taylor-2d';
const site = useSite();

const open = (locale: string, query = '', width = 1280, height = 900) => openPage(site, PATH(locale) + query, width, height);
const live = (page: Page, fig: string) => waitForWidget(page, `${fig} saddle-taylor-approximation`);
const cell = (page: Page, fig: string, row: string) => page.locator(`${fig} .${row} td`).innerText();
const value = async (page: Page, fig: string, row: string) => Number((await cell(page, fig, row)).replace('−', '-'));

describe.each(['en', 'zh-tw', 'zh-cn'])('TaylorApproximation (%s)', (locale) => {
  it('paints the double well at s = 0.5 before any script runs, and loads its code only near the viewport', async () => {
    // A short window: the widget starts more than a screen (the loader's 800 px margin) below it.
    const { page, watch } = await open(locale, '', 1280, 360);
    expect(await page.locator(ONE).evaluate((el) => el.getBoundingClientRect().top)).toBeGreaterThan(360 + 800);
    // Static first paint, computed at build time: f(1.5) = 1.5625, second-order 4·0.25 = 1, gap 4s³ + s⁴ = 0.5625.
    expect(await cell(page, ONE, 'row-truth')).toBe('1.5625');
    expect(await cell(page, ONE, 'row-second')).toBe('1.0000');
    expect(await cell(page, ONE, 'row-gap2')).toBe('0.5625');
    expect(await page.locator(`${ONE} .widget-chart svg`).count()).toBe(1);
    expect(watch.scriptFiles.some((u) => u.includes('taylor-approximation.client'))).toBe(false);
    await live(page, ONE);
    expect(watch.scriptFiles.some((u) => u.includes('taylor-approximation.client'))).toBe(true);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await page.close();
  });

  it('moves s with the arrow keys and the slider, and the numbers follow the closed form', async () => {
    const { page, watch } = await open(locale);
    await live(page, ONE);
    await page.focus(`${ONE} .widget-chart`);
    await page.keyboard.press('Home');
    expect(await cell(page, ONE, 'row-gap2')).toBe('0.0000');
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
    // s = 0.1: f(1.1) = 0.0441, second-order 0.04, gap 4·0.001 + 0.0001 = 0.0041.
    expect(await cell(page, ONE, 'row-s')).toBe('0.1000');
    expect(await cell(page, ONE, 'row-truth')).toBe('0.0441');
    expect(await cell(page, ONE, 'row-gap2')).toBe('0.0041');
    expect(await page.locator(`${ONE} saddle-taylor-approximation`).getAttribute('data-useful')).toBe('true');
    await page.locator(`${ONE} input[name=s-slider]`).fill('-0.3');
    // s = −0.3: gap |−4·0.027 + 0.0081| = 0.0999, outside the useful range.
    expect(await cell(page, ONE, 'row-gap2')).toBe('0.0999');
    expect(await page.locator(`${ONE} saddle-taylor-approximation`).getAttribute('data-useful')).toBe('false');
    expect(new URL(page.url()).searchParams.get('taylor-approximation.s')).toBe('-0.3');
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });

  it('cuts the two-weight loss along the diagonal: at s = 1 the truth is 0.25, the quadratic 0 and the useful radius 0.669', async () => {
    const { page, watch } = await open(locale);
    expect(await cell(page, TWO, 'row-truth')).toBe('0.2500');
    expect(await cell(page, TWO, 'row-second')).toBe('0.0000');
    expect(await cell(page, TWO, 'row-useful')).toBe('[−0.669, 0.669]');
    await live(page, TWO);
    // Turning d to the w₁ axis: the loss is constant 1, and both models are exact.
    await page.fill(`${TWO} input[name=angle]`, '0');
    await page.press(`${TWO} input[name=angle]`, 'Enter');
    expect(await cell(page, TWO, 'row-truth')).toBe('1.0000');
    expect(await cell(page, TWO, 'row-gap1')).toBe('0.0000');
    expect(await cell(page, TWO, 'row-gap2')).toBe('0.0000');
    await page.focus(`${TWO} .widget-chart`);
    await page.keyboard.press('Shift+ArrowUp');
    await page.keyboard.press('Shift+ArrowUp');
    await page.keyboard.press('Shift+ArrowUp');
    expect(await page.inputValue(`${TWO} input[name=angle]`)).toBe('45');
    expect(await cell(page, TWO, 'row-gap2')).toBe('0.2500');
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });

  it('clamps a typed value out of range and explains it, rejects a non-number, and reset undoes everything', async () => {
    const { page, watch } = await open(locale);
    await live(page, ONE);
    const status = page.locator(`${ONE} .widget-status`);
    const first = await status.innerText();
    await page.fill(`${ONE} input[name=s]`, '99');
    await page.press(`${ONE} input[name=s]`, 'Enter');
    expect(await page.inputValue(`${ONE} input[name=s]`)).toBe('1');
    expect(await cell(page, ONE, 'row-s')).toBe('1.0000');
    expect(await status.getAttribute('data-kind')).toBe('error');
    // The notice names the range (with a true minus) and the value used; the verdict under the legend, not the
    // status line again, says how good the quadratic is at s = 1, and a screen reader hears both.
    expect(await status.innerText()).toContain('−1');
    expect(await status.innerText()).not.toContain('s = 1.00');
    expect(await page.locator(`${ONE} .widget-taylor-verdict`).innerText()).toContain('s = 1.00');
    const spoken = await page.locator(`${ONE} .widget-live`).innerText();
    expect(spoken).toContain('−1');
    expect(spoken).toContain('s = 1.00');
    await page.fill(`${ONE} input[name=s]`, '');
    await page.press(`${ONE} input[name=s]`, 'Enter');
    expect(await page.inputValue(`${ONE} input[name=s]`)).toBe('1');
    expect(await page.locator(`${ONE} .widget-status`).getAttribute('data-kind')).toBe('error');
    await page.click(`${ONE} [data-action=reset]`);
    expect(await cell(page, ONE, 'row-s')).toBe('0.5000');
    // Back to the first state, and to the status that describes it (no notice left over).
    expect(await status.innerText()).toBe(first);
    expect(await status.getAttribute('data-kind')).toBe('info');
    expect(new URL(page.url()).search).toBe('');
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });
});

describe('TaylorApproximation state and robustness', () => {
  it.each(['en', 'zh-tw'])(
    'forgets a notice about a typed angle once the angle is set by key or slider: the status describes the new angle (%s)',
    async (locale) => {
      const { page, watch } = await open(locale);
      await live(page, TWO);
      const status = page.locator(`${TWO} .widget-status`);
      await page.fill(`${TWO} input[name=angle]`, '400');
      await page.press(`${TWO} input[name=angle]`, 'Enter');
      expect(await status.getAttribute('data-kind')).toBe('error');
      expect(await status.innerText()).toContain('360');
      const notice = await status.innerText();
      // A key on the chart turns d from 360° to 1°: the notice is gone, the status names 1°.
      await page.focus(`${TWO} .widget-chart`);
      await page.keyboard.press('ArrowUp');
      await expect.poll(() => status.getAttribute('data-kind'), { timeout: 15_000 }).toBe('info');
      expect(await page.inputValue(`${TWO} input[name=angle]`)).toBe('1');
      expect(await status.innerText()).not.toContain(notice.split(/[.。]/)[0]!);
      expect(await status.innerText()).toContain('1°');
      // Again with the slider: a second bad value, then the slider sets 90°.
      await page.fill(`${TWO} input[name=angle]`, '-5');
      await page.press(`${TWO} input[name=angle]`, 'Enter');
      expect(await status.getAttribute('data-kind')).toBe('error');
      await page.locator(`${TWO} input[name=angle-slider]`).fill('90');
      await expect.poll(() => status.getAttribute('data-kind'), { timeout: 15_000 }).toBe('info');
      expect(await status.innerText()).toContain('90°');
      expect(await page.inputValue(`${TWO} input[name=angle]`)).toBe('90');
      // Along w₂ (90°) through the origin the loss is constant 1: the quadratic is exact, so it is useful at s = 1.
      expect(await page.locator(`${TWO} saddle-taylor-approximation`).getAttribute('data-useful')).toBe('true');
      expect(watch.consoleErrors).toEqual([]);
      await page.close();
    },
  );

  it('restores the exact view from a shared URL, clamping what is out of range', async () => {
    const { page } = await open('en', '?taylor-2d.s=-0.5&taylor-2d.angle=135&taylor-approximation.s=7');
    await live(page, TWO);
    // At 135°, w₁w₂ = −s²/2: truth (1 + s²/2)² = 1.265625, quadratic 1 + s² = 1.25.
    expect(await cell(page, TWO, 'row-s')).toBe('−0.5000');
    expect(await cell(page, TWO, 'row-truth')).toBe('1.2656');
    expect(await cell(page, TWO, 'row-second')).toBe('1.2500');
    await live(page, ONE);
    expect(await cell(page, ONE, 'row-s')).toBe('1.0000');
    // The link's s = 7 is explained in the status line (and read out), and the verdict describes the state it led to.
    expect(await page.locator(`${ONE} .widget-status`).getAttribute('data-kind')).toBe('error');
    expect(await page.locator(`${ONE} .widget-status`).innerText()).toMatch(/^Distance s must be between −1 and 1; using 1\.$/);
    expect(await page.locator(`${ONE} .widget-taylor-verdict`).innerText()).toMatch(/^At s = 1\.00 /);
    expect(await page.locator(`${ONE} .widget-live`).innerText()).toContain('Distance s must be between −1 and 1; using 1.');
    await page.close();
  });

  it('survives 50 rapid interactions without an error and ends in a consistent state', async () => {
    const { page, watch } = await open('en', '', 390);
    await live(page, TWO);
    await page.focus(`${TWO} .widget-chart`);
    const keys = ['ArrowRight', 'ArrowUp', 'Shift+ArrowLeft', 'ArrowDown', 'Shift+ArrowUp'];
    for (let i = 0; i < 40; i++) await page.keyboard.press(keys[i % keys.length]!);
    for (let i = 0; i < 10; i++) await page.locator(`${TWO} input[name=s-slider]`).fill(String(((i % 5) - 2) * 0.6));
    const q = new URL(page.url()).searchParams;
    const s = Number(q.get('taylor-2d.s') ?? 1);
    const angle = (Number(q.get('taylor-2d.angle') ?? 45) * Math.PI) / 180;
    const [w1, w2] = [s * Math.cos(angle), s * Math.sin(angle)];
    expect(Math.abs((await value(page, TWO, 'row-truth')) - (1 - w1 * w2) ** 2)).toBeLessThan(2e-4);
    expect(watch.consoleErrors).toEqual([]);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await page.close();
  });
});
