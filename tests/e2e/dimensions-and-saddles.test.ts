// <DimensionsAndSaddles> in a real browser, in every locale: static first paint, slice by keys/slider/drag/rotation, GOE sampling in the worker, URL state, clamps, abuse.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, useSite, waitForWidget, workerTensors, sidewaysOverflow } from './harness.ts';
import { batchSeed, goeDefinite, mergeCounts, initialSamples, type GoeCount } from '../../src/lib/experiments/goe-definite.ts';
import { createRng } from '../../src/lib/random/rng.ts';

const PATH = (locale: string) => `/${locale}/lectures/saddle-or-minimum/`;
const site = useSite();
const open = (locale: string, query = '', width = 1280) => openPage(site, PATH(locale) + query, width);
const TAG = 'saddle-dimensions-and-saddles';
const live = (page: Page) => waitForWidget(page, TAG);

/** a cos²φ − b sin²φ, the slice curvature of ½(a x₁² − b x₂²) at φ degrees, as the readout prints it. */
const curvature = (a: number, b: number, phi: number) => {
  const r = (phi * Math.PI) / 180;
  return a * Math.cos(r) ** 2 - b * Math.sin(r) ** 2;
};
const shown = (v: number) =>
  v
    .toFixed(4)
    .replace('-', '−')
    .replace(/^−(0\.0000)$/, '$1');
const cell = (page: Page, row: string) => page.locator(`${TAG} .${row} td`).innerText();
const sliceClass = async (page: Page) => (await page.locator(`${TAG} .row-slice`).getAttribute('class')) ?? '';
const status = (page: Page) => page.locator(`${TAG} .widget-status`);
const setField = async (page: Page, name: string, value: string) => {
  await page.fill(`${TAG} input[name=${name}]`, value);
  await page.press(`${TAG} input[name=${name}]`, 'Enter');
};
/** Table rows of part (b) as [n, K, k]. */
const goeTable = (page: Page) =>
  page.$$eval(`${TAG} .dims-goe-part tbody tr`, (rows) =>
    rows.map((r) => [...r.querySelectorAll('td')].slice(0, 3).map((td) => Number(td.textContent))),
  );
const idle = (page: Page) =>
  page.waitForFunction((tag) => document.querySelector<HTMLElement>(tag)?.dataset.sampling !== 'true', TAG, { timeout: 30_000 });

/** The counts the widget must show for (seed, batches): the same experiment run here in Node. */
async function expectedCounts(maxN: number, samples: number, seed: number, batches: number): Promise<GoeCount[]> {
  let rows: GoeCount[] = [];
  for (let k = 0; k < batches; k++) {
    const r = await goeDefinite.run(
      { maxN, samples: k === 0 ? initialSamples(maxN, samples) : samples },
      { rng: createRng(batchSeed(seed, k)) },
    );
    rows = mergeCounts(rows, r.rows);
  }
  return rows;
}

describe.each(['en', 'zh-tw', 'zh-cn'])('DimensionsAndSaddles (%s)', (locale) => {
  it('paints the slice, its verdicts and the GOE counts before any script runs, and loads its code only near the viewport', async () => {
    const { page, watch } = await open(locale);
    // Defaults a = 1, b = 0.25, φ = 30°: uᵀHu = 0.75 − 0.0625 = 0.6875, a minimum-looking slice of a saddle.
    expect(await cell(page, 'row-curvature')).toBe(shown(curvature(1, 0.25, 30)));
    expect(await sliceClass(page)).toContain('is-minimum');
    expect(await cell(page, 'row-surface')).toContain('−0.2500');
    // The cone half-angle atan √(a/b) = atan 2 = 63.43°, 70.5% of directions.
    expect(await cell(page, 'row-cone')).toContain('63.43°');
    expect(await cell(page, 'row-cone')).toContain('70.5%');
    expect(await page.locator(`${TAG} .dims-map svg`).count()).toBe(1);
    expect(await page.locator(`${TAG} .dims-goe-chart svg`).count()).toBe(1);
    const expected = await expectedCounts(12, 2000, 1, 1);
    expect(await goeTable(page)).toEqual(expected.map((r) => [r.n, r.samples, r.positiveDefinite]));
    expect(await page.locator(`${TAG} .dims-goe-part tbody tr[data-n="2"]`).textContent()).toContain('0.1464');
    expect(watch.scriptFiles.some((u) => u.includes('dimensions-and-saddles.client'))).toBe(false);
    // Before the code runs the map is a plain labelled image, out of the tab order and not pointing at key instructions.
    const map = page.locator(`${TAG} .dims-map`);
    expect(await map.getAttribute('role')).toBe('img');
    expect(await map.getAttribute('tabindex')).toBe(null);
    expect(await map.getAttribute('aria-describedby')).toBe(null);
    await live(page);
    expect(watch.scriptFiles.some((u) => u.includes('dimensions-and-saddles.client'))).toBe(true);
    expect(await map.getAttribute('role')).toBe('application');
    expect(await map.getAttribute('tabindex')).toBe('0');
    expect(await map.getAttribute('aria-roledescription')).toBeTruthy();
    expect((await map.getAttribute('aria-label'))!.length).toBeGreaterThan(10);
    expect(await page.locator(`[id="${await map.getAttribute('aria-describedby')}"]`).innerText()).toBe(
      await page.locator(`${TAG} .dims-slice-part .widget-instructions`).innerText(),
    );
    // The slider speaks its own value; the visible degree readout beside it stays silent.
    expect(await page.getAttribute(`${TAG} output[name=angleOut]`, 'aria-hidden')).toBe('true');
    expect(await cell(page, 'row-curvature')).toBe(shown(curvature(1, 0.25, 30)));
    expect(await goeTable(page)).toEqual(expected.map((r) => [r.n, r.samples, r.positiveDefinite]));
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await page.close();
  });

  it('turns the slice with keys, slider and a drag, switching from minimum to maximum at the cone edge', async () => {
    const { page, watch } = await open(locale);
    await live(page);
    await page.focus(`${TAG} .dims-map`);
    await page.keyboard.press('Shift+ArrowLeft'); // 45°
    await page.keyboard.press('Shift+ArrowLeft'); // 60°
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft'); // 63°
    expect(await page.inputValue(`${TAG} input[name=angle]`)).toBe('63');
    expect(await cell(page, 'row-curvature')).toBe(shown(curvature(1, 0.25, 63)));
    expect(await sliceClass(page)).toContain('is-minimum');
    await page.keyboard.press('ArrowLeft'); // 64°: past atan 2 = 63.43°
    expect(await cell(page, 'row-curvature')).toBe(shown(curvature(1, 0.25, 64)));
    expect(await sliceClass(page)).toContain('is-maximum');
    expect(await cell(page, 'row-surface')).toContain('1.0000');
    expect(await status(page).innerText()).toContain('64');
    // The slider: Home is 0°, the x₁ axis, curvature a.
    await page.focus(`${TAG} input[name=angle]`);
    await page.keyboard.press('Home');
    expect(await cell(page, 'row-curvature')).toBe('1.0000');
    // A drag towards (1, 1) on the map points the line at 45°.
    const target = await page.$eval(`${TAG} .dims-map svg`, (svg) => {
      const s = svg as unknown as { scale(n: string): { apply(v: number): number } };
      const r = svg.getBoundingClientRect(),
        w = Number(svg.getAttribute('width'));
      return { x: r.left + (s.scale('x').apply(1) * r.width) / w, y: r.top + (s.scale('y').apply(1) * r.width) / w };
    });
    await page.mouse.click(target.x, target.y);
    expect(await page.inputValue(`${TAG} input[name=angle]`)).toBe('45');
    expect(await cell(page, 'row-curvature')).toBe(shown(curvature(1, 0.25, 45)));
    expect(new URL(page.url()).searchParams.get('dimensions-and-saddles.angle')).toBe('45');
    // Rotate animates the line; a second press stops it on a whole degree.
    await page.click(`${TAG} [data-action=rotate]`);
    expect(await page.getAttribute(`${TAG} [data-action=rotate]`, 'aria-pressed')).toBe('true');
    await page.waitForTimeout(600);
    await page.click(`${TAG} [data-action=rotate]`);
    expect(await page.getAttribute(`${TAG} [data-action=rotate]`, 'aria-pressed')).toBe('false');
    const angle = Number(await page.inputValue(`${TAG} input[name=angle]`));
    expect(angle).toBeGreaterThan(45);
    expect(await cell(page, 'row-curvature')).toBe(shown(curvature(1, 0.25, angle)));
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });

  it('adds a batch of samples in the worker, and clamps odd input with an explanation', async () => {
    const { page, watch } = await open(locale);
    await live(page);
    await page.click(`${TAG} [data-action=more]`);
    await idle(page);
    const expected = await expectedCounts(12, 2000, 1, 2);
    expect(await goeTable(page)).toEqual(expected.map((r) => [r.n, r.samples, r.positiveDefinite]));
    expect(new URL(page.url()).searchParams.get('dimensions-and-saddles.batches')).toBe('2');
    expect(await status(page).innerText()).toContain('4000');
    await setField(page, 'a', '-3');
    expect(await page.inputValue(`${TAG} input[name=a]`)).toBe('0.05');
    expect(await status(page).getAttribute('data-kind')).toBe('error');
    expect(await cell(page, 'row-cone')).toContain('24.09°'); // atan √(0.05/0.25)
    await setField(page, 'maxN', '99');
    expect(await page.inputValue(`${TAG} input[name=maxN]`)).toBe('40');
    expect(await status(page).getAttribute('data-kind')).toBe('error');
    await idle(page);
    expect((await goeTable(page)).length).toBe(40);
    await setField(page, 'seed', '');
    expect(await status(page).getAttribute('data-kind')).toBe('error');
    await page.click(`${TAG} [data-action=reset]`);
    expect(await goeTable(page)).toEqual((await expectedCounts(12, 2000, 1, 1)).map((r) => [r.n, r.samples, r.positiveDefinite]));
    expect(await cell(page, 'row-curvature')).toBe(shown(curvature(1, 0.25, 30)));
    expect(new URL(page.url()).search).toBe('');
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });
});

describe('DimensionsAndSaddles state and robustness', () => {
  it('draws its charts at their boxes’ widths on a phone and after a resize, keeps the formula and legend readable, and a drag still points the line', async () => {
    const { page, watch } = await open('en', '', 390);
    await live(page);
    /** Rendered px per drawn px of each chart: 1 means its 12 px labels show at 12 px. */
    const scales = () =>
      page.$$eval(`${TAG} .dims-map svg, ${TAG} .dims-curve svg, ${TAG} .dims-goe-chart svg`, (svgs) =>
        svgs.map((svg) => svg.getBoundingClientRect().width / Number(svg.getAttribute('width'))),
      );
    const drawnAtWidth = async () => {
      const all = await scales();
      expect(all).toHaveLength(3);
      for (const k of all) expect(k).toBeGreaterThan(0.97);
    };
    await drawnAtWidth();
    // The formula wraps instead of scrolling, and is no Tab stop.
    const formula = await page.$eval(`${TAG} .dims-formula`, (p) => ({
      over: p.scrollWidth - p.clientWidth,
      tab: (p as HTMLElement).tabIndex,
    }));
    expect(formula.over).toBeLessThanOrEqual(0);
    expect(formula.tab).toBeLessThan(0);
    // Legend lines wrap under their text, not under the swatch.
    const indents = await page.$$eval(`${TAG} .widget-legend li`, (items) =>
      items.map((li) => li.querySelector('span')!.getBoundingClientRect().left - li.querySelector('svg')!.getBoundingClientRect().right),
    );
    expect(indents.length).toBeGreaterThan(0);
    for (const d of indents) expect(d).toBeGreaterThanOrEqual(0);
    await page.setViewportSize({ width: 800, height: 900 });
    await page.waitForTimeout(600);
    await drawnAtWidth();
    await page.locator(`${TAG} .dims-map`).scrollIntoViewIfNeeded();
    const target = await page.$eval(`${TAG} .dims-map svg`, (svg) => {
      const s = svg as unknown as { scale(n: string): { apply(v: number): number } };
      const r = svg.getBoundingClientRect(),
        w = Number(svg.getAttribute('width'));
      return { x: r.left + (s.scale('x').apply(-1) * r.width) / w, y: r.top + (s.scale('y').apply(1) * r.width) / w };
    });
    await page.mouse.click(target.x, target.y);
    expect(await page.inputValue(`${TAG} input[name=angle]`)).toBe('135');
    expect(await cell(page, 'row-curvature')).toBe(shown(curvature(1, 0.25, 135)));
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });

  it('counts matrices and batches in proper English, and says when the first batch was cut short for a quick preview', async () => {
    const { page } = await open('en', '?dimensions-and-saddles.samples=1');
    await live(page);
    await idle(page);
    expect(await status(page).innerText()).toContain('1 matrix per n after 1 batch,');
    await page.click(`${TAG} [data-action=more]`);
    await idle(page);
    expect(await status(page).innerText()).toContain('2 matrices per n after 2 batches,');
    await page.close();
    const quick = await open('en', '?dimensions-and-saddles.maxN=40&dimensions-and-saddles.samples=200000');
    await live(quick.page);
    await idle(quick.page);
    const first = initialSamples(40, 200000);
    expect(first).toBeLessThan(200000);
    for (const text of [await status(quick.page).innerText(), await quick.page.locator(`${TAG} .dims-goe-summary`).innerText()]) {
      expect(text).toContain(`quick first batch of ${first} matrices per n`);
      expect(text).toContain('More samples adds 200000 per n');
    }
    await quick.page.close();
  });

  it('restores the slice and the sampled counts from a shared URL', async () => {
    const { page } = await open(
      'en',
      '?dimensions-and-saddles.angle=90&dimensions-and-saddles.a=2&dimensions-and-saddles.b=0.5&dimensions-and-saddles.seed=5&dimensions-and-saddles.maxN=6&dimensions-and-saddles.batches=2&dimensions-and-saddles.samples=3000',
    );
    await live(page);
    expect(await cell(page, 'row-curvature')).toBe(shown(curvature(2, 0.5, 90)));
    expect(await sliceClass(page)).toContain('is-maximum');
    expect(await page.inputValue(`${TAG} input[name=a]`)).toBe('2');
    await idle(page);
    const expected = await expectedCounts(6, 3000, 5, 2);
    expect(await goeTable(page)).toEqual(expected.map((r) => [r.n, r.samples, r.positiveDefinite]));
    await page.close();
  });

  it('survives 50 rapid interactions without an error, without overflow at 390 px, and without growing the worker’s tensors', async () => {
    const { page, watch } = await open('en', '', 390);
    await live(page);
    await page.click(`${TAG} [data-action=more]`);
    await idle(page);
    const before = await workerTensors(page);
    await page.focus(`${TAG} .dims-map`);
    const keys = ['ArrowLeft', 'Shift+ArrowLeft', 'ArrowRight', 'ArrowDown', 'Shift+ArrowRight'];
    for (let i = 0; i < 35; i++) await page.keyboard.press(keys[i % keys.length]!);
    for (let i = 0; i < 10; i++) await page.click(`${TAG} [data-action=more]`);
    // On a fast machine the ten batches are still running; on a slow one they may be done and Stop disabled.
    if (await page.isEnabled(`${TAG} [data-action=stop]`)) await page.click(`${TAG} [data-action=stop]`);
    for (let i = 0; i < 5; i++) await setField(page, 'samples', String(500 + 100 * i));
    await idle(page);
    const angle = Number(new URL(page.url()).searchParams.get('dimensions-and-saddles.angle') ?? 30);
    expect(await cell(page, 'row-curvature')).toBe(shown(curvature(1, 0.25, angle)));
    const expected = await expectedCounts(12, 900, 1, 1);
    expect(await goeTable(page)).toEqual(expected.map((r) => [r.n, r.samples, r.positiveDefinite]));
    expect(await workerTensors(page)).toBe(before);
    expect(watch.consoleErrors).toEqual([]);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await page.close();
  }, 60_000); // sampling batches are real work: allow for a busy CI machine

  it('pauses sampling while off screen and resumes when back, and Stop keeps only finished batches', async () => {
    const { page, watch } = await open('en');
    await live(page);
    await setField(page, 'samples', '300000');
    await idle(page);
    await page.click(`${TAG} [data-action=more]`);
    expect(await page.getAttribute(TAG, 'data-sampling')).toBe('true');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForFunction((tag) => document.querySelector<HTMLElement>(tag)?.dataset.sampling === 'paused', TAG);
    await page.locator(`${TAG} .dims-goe-chart`).scrollIntoViewIfNeeded();
    await page.waitForFunction((tag) => document.querySelector<HTMLElement>(tag)?.dataset.sampling === 'true', TAG);
    await page.click(`${TAG} [data-action=stop]`);
    await idle(page);
    // Only the first batch (its size capped by the first-paint budget) remains.
    const first = initialSamples(12, 300000);
    expect((await goeTable(page)).every(([, K]) => K === first)).toBe(true);
    expect(new URL(page.url()).searchParams.get('dimensions-and-saddles.batches')).toBe(null);
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });
});
