// <SaddleDynamics> in a real browser, in every locale: static first paint, lazy code, fields, keys, closed forms, clamps,
// divergence, abuse; and in en and zh-tw the status a reader sees at ε = 0, past the step cap, on the edge of stability
// and with noise.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, useSite, waitForWidget, sidewaysOverflow } from './harness.ts';
import en from '../../src/content/i18n/en.json' with { type: 'json' };
import zhTw from '../../src/content/i18n/zh-tw.json' with { type: 'json' };
import { fill } from '../../src/components/widgets/shared/format.ts';

const PATH = (locale: string) => `/${locale}/lectures/saddle-dynamics/`;
const site = useSite();

const open = (locale: string, query = '', width = 1280) => openPage(site, PATH(locale) + query, width);

const live = (page: Page) => waitForWidget(page, 'saddle-saddle-dynamics');
const cell = (page: Page, row: string) => page.locator(`saddle-saddle-dynamics .${row} td`).innerText();
/** The leading number of a readout cell ("142 (closed form 142)" → 142), NaN for "never". */
const lead = async (page: Page, row: string) => Number((await cell(page, row)).match(/^[\d.]+/)?.[0] ?? Number.NaN);
/** Both numbers of the gradient-descent row: simulated and closed form. */
const gdPair = async (page: Page) => (await cell(page, 'row-gd')).match(/\d+/g)!.map(Number);
/** Types a value and commits it; resolves once the field shows the value the widget uses (clamped or not). */
const setField = async (page: Page, name: string, value: string) => {
  const input = page.locator(`saddle-saddle-dynamics input[name=${name}]`);
  await input.fill(value);
  await input.press('Enter');
  await page.waitForFunction(
    ([n]) => {
      const el = document.querySelector<HTMLInputElement>(`saddle-saddle-dynamics input[name=${n}]`)!;
      return el.value === el.getAttribute('value');
    },
    [name],
  );
};
const status = (page: Page) => page.locator('saddle-saddle-dynamics .widget-status');
const statusText = (page: Page) => status(page).innerText();
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
    expect(watch.scriptFiles.some((u) => u.includes('saddle-dynamics.client'))).toBe(false);
    await live(page);
    expect(watch.scriptFiles.some((u) => u.includes('saddle-dynamics.client'))).toBe(true);
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
    expect(new URL(page.url()).searchParams.get('saddle-dynamics.epsilon')).toBe('0.0001');
    // Up doubles ε (one step fewer or so), Right adds 0.01 to η.
    await page.focus('saddle-saddle-dynamics .widget-phase');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => page.inputValue('input[name=epsilon]')).toBe('0.0002');
    expect(await gdPair(page)).toEqual([gdClosedForm(2e-4, -1, 0.05), gdClosedForm(2e-4, -1, 0.05)]);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.inputValue('input[name=lr]')).toBe('0.06');
    expect(await gdPair(page)).toEqual([gdClosedForm(2e-4, -1, 0.06), gdClosedForm(2e-4, -1, 0.06)]);
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });

  it('never escapes from ε = 0 without noise, and does with a little noise', async () => {
    const { page, watch } = await open(locale);
    await live(page);
    await setField(page, 'epsilon', '0');
    expect(await page.locator('saddle-saddle-dynamics .row-gd').getAttribute('class')).toContain('is-never');
    expect(await page.locator('saddle-saddle-dynamics .row-momentum').getAttribute('class')).toContain('is-never');
    expect(Number.isNaN(await lead(page, 'row-gd'))).toBe(true);
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
    expect(await page.locator('saddle-saddle-dynamics .row-stable').getAttribute('class')).toContain('is-diverges');
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

  it('restores a link value outside the field table as the table clamps it, and says so (λ₁ = 0.01 → 0.05)', async () => {
    const { page } = await open('en', '?saddle-dynamics.lambda1=0.01&saddle-dynamics.lr=7');
    await live(page);
    expect(await page.inputValue('input[name=lambda1]')).toBe('0.05');
    expect(await page.inputValue('input[name=lr]')).toBe('3');
    expect(await status(page).getAttribute('data-kind')).toBe('error');
    const text = await statusText(page);
    expect(text).toContain(
      fill(en['widget.common.clamped'], { field: en['widget.saddle-dynamics.lambda1'], min: '0.05', max: '10', value: '0.05' }),
    );
    expect(text).toContain(
      fill(en['widget.common.clamped'], { field: en['widget.saddle-dynamics.lr'], min: '0.001', max: '3', value: '3' }),
    );
    await page.close();
  });

  it('steps its number fields from their value to the neighbouring multiple of the step (0.1 → 0.11, not 0.101)', async () => {
    const { page } = await open('en');
    await live(page);
    for (const [name, next, back] of [
      ['lr', '0.11', '0.1'],
      ['epsilon', '0.002', '0.001'],
      ['beta', '0.95', '0.9'],
      ['lambda2', '-0.4', '-0.5'],
    ] as const) {
      const input = page.locator(`saddle-saddle-dynamics input[name=${name}]`);
      await input.press('ArrowUp');
      await expect.poll(() => input.inputValue()).toBe(next);
      expect(await input.evaluate((i: HTMLInputElement) => i.checkValidity())).toBe(true);
      await input.press('ArrowDown');
      await expect.poll(() => input.inputValue()).toBe(back);
    }
    expect(await gdPair(page)).toEqual([142, 142]);
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
    const [eps, lr] = [Number(q.get('saddle-dynamics.epsilon') ?? 1e-3), Number(q.get('saddle-dynamics.lr') ?? 0.1)];
    expect(await gdPair(page)).toEqual([gdClosedForm(eps, -0.5, lr), gdClosedForm(eps, -0.5, lr)]);
    expect(watch.consoleErrors).toEqual([]);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await page.close();
  });
});

const STRINGS = { en, 'zh-tw': zhTw } as Record<string, Record<string, string>>;
/** A status sentence as the page's language writes it, with its numbers filled in. */
const say = (locale: string, key: string, params: Record<string, string | number> = {}) =>
  fill(STRINGS[locale]![`widget.saddle-dynamics.${key}`]!, params);
const state = (page: Page) => page.locator('saddle-saddle-dynamics').getAttribute('data-state');

describe.each(['en', 'zh-tw'])('SaddleDynamics: what the status says (%s)', (locale) => {
  it('says plainly that from ε = 0 descent never leaves the saddle, and what noise does', async () => {
    const { page, watch } = await open(locale);
    await live(page);
    await setField(page, 'epsilon', '0');
    await expect.poll(() => statusText(page)).toContain(say(locale, 'sayGdNever'));
    const text = await statusText(page);
    expect(text).toContain(say(locale, 'sayMomNever', { beta: '0.90' }));
    expect(text).toContain(say(locale, 'sayAddNoise'));
    expect(text).not.toMatch(/never steps|永不 步|escapes in never/);
    expect(await status(page).getAttribute('data-kind')).toBe('info');
    // With noise the status gives the same mean over the same runs as the readout's noise row.
    await setField(page, 'sigma', '0.001');
    await expect.poll(() => cell(page, 'row-noisy')).toMatch(/^\d/);
    const readout = await cell(page, 'row-noisy');
    const mean = readout.match(/^[\d.]+/)![0];
    expect(await statusText(page)).toContain(say(locale, 'sayNoisyFromZero', { sigma: '10⁻³', mean, runs: 8 }));
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });

  it('tells a step cap from never at ε = 10⁻³⁰⁰, and gives the closed form 14159', async () => {
    const { page } = await open(locale);
    await live(page);
    await setField(page, 'epsilon', '1e-300');
    const closed = Math.ceil(Math.log(1e300) / Math.log(1.05));
    expect(closed).toBe(14159);
    await expect.poll(() => statusText(page)).toContain(say(locale, 'sayGdCapped', { eps: '10⁻³⁰⁰', cap: 5000, closed }));
    expect(await cell(page, 'row-gd')).toBe(say(locale, 'countCapped', { cap: 5000 }));
    expect(await statusText(page)).not.toContain(say(locale, 'cellNever'));
    await page.close();
  });

  it('on the edge ηλ₁ = 2 says x₁ oscillates (not diverges) and counts the escape in status, readout and table alike', async () => {
    const { page, watch } = await open(locale, '?saddle-dynamics.beta=0');
    await live(page);
    await setField(page, 'lr', '2');
    await expect.poll(() => state(page)).toBe('oscillating');
    // 1 + η|λ₂| = 2: ⌈ln 1000 / ln 2⌉ = 10 steps.
    expect(gdClosedForm(1e-3, -0.5, 2)).toBe(10);
    const text = await statusText(page);
    expect(text).toContain(say(locale, 'sayGdEscaped', { eps: '10⁻³', steps: 10, closed: 10 }));
    expect(text).toContain(say(locale, 'sayGdEdge'));
    expect(await status(page).getAttribute('data-kind')).toBe('info');
    expect(await cell(page, 'row-stable')).toBe(say(locale, 'stableOscillates'));
    expect(await gdPair(page)).toEqual([10, 10]);
    const table = await page.locator('saddle-saddle-dynamics .widget-table tbody td:nth-child(2)').allTextContents();
    const closedCol = await page.locator('saddle-saddle-dynamics .widget-table tbody td:nth-child(3)').allTextContents();
    expect(table).toHaveLength(15);
    expect(table.every((c) => /^\d+$/.test(c))).toBe(true);
    expect(table).toEqual(closedCol);
    // Just inside the edge it converges, just beyond it diverges: status, readout and table all say so.
    await setField(page, 'lr', '1.99');
    await expect.poll(() => state(page)).toBe('stable');
    expect(await cell(page, 'row-stable')).toContain(say(locale, 'stableConverges', { factor: '−0.990', etaLambda: '1.990' }));
    await setField(page, 'lr', '2.01');
    await expect.poll(() => state(page)).toBe('diverged');
    expect(await statusText(page)).toContain(say(locale, 'sayGdDiverges', { etaLambda: '2.010', factor: '−1.010' }));
    expect(await status(page).getAttribute('data-kind')).toBe('error');
    expect(await cell(page, 'row-gd')).toBe(say(locale, 'countDiverges'));
    const diverged = await page.locator('saddle-saddle-dynamics .widget-table tbody td:nth-child(2)').allTextContents();
    expect(new Set(diverged)).toEqual(new Set([say(locale, 'cellDiverges')]));
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });

  it('gives heavy ball its own edge ηλ₁ = 2(1 + β): stable beyond 2, oscillating on 2(1 + β), diverging past it', async () => {
    const { page } = await open(locale, '?saddle-dynamics.beta=0.5');
    await live(page);
    await setField(page, 'lr', '2.5');
    await expect.poll(() => state(page)).toBe('diverged');
    let text = await statusText(page);
    expect(text).toContain(say(locale, 'sayMomRange', { edge: '3.00' }));
    expect(await page.locator('saddle-saddle-dynamics .row-momentum').getAttribute('class')).toContain('is-escaped');
    await setField(page, 'lr', '3');
    await expect.poll(() => statusText(page)).toContain(say(locale, 'sayMomEdge', { edge: '3.00' }));
    expect(await cell(page, 'row-momentum-stable')).toBe(say(locale, 'momentumOscillates', { edge: '3.00' }));
    await setField(page, 'lambda1', '1.1');
    await expect.poll(() => statusText(page)).toContain(say(locale, 'sayMomDiverges', { beta: '0.50', etaLambda: '3.300', edge: '3.00' }));
    text = await statusText(page);
    expect(text).toContain(say(locale, 'sayLower'));
    expect(await cell(page, 'row-momentum')).toBe(say(locale, 'countDiverges'));
    await page.close();
  });

  it('reports the same noisy statistic in status and readout: the mean over the 8 runs', async () => {
    const { page } = await open(locale);
    await live(page);
    await setField(page, 'sigma', '0.01');
    await expect.poll(() => cell(page, 'row-noisy')).toMatch(/^\d/);
    const mean = (await cell(page, 'row-noisy')).match(/^[\d.]+/)![0];
    expect(await statusText(page)).toContain(say(locale, 'sayNoisy', { sigma: '10⁻²', mean, runs: 8 }));
    expect(await cell(page, 'row-noisy')).toContain(say(locale, 'noisyAll', { mean, runs: 8, first: '' }).split(/[;；]/)[0]!);
    await page.close();
  });
});
