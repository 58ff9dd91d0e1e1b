// <DimensionsAndSaddles> in a real browser, in every locale: static first paint, slice by keys/slider/drag/rotation, GOE sampling in the worker, URL state, clamps, abuse.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, useSite, waitForWidget, workerTensors, sidewaysOverflow } from './harness.ts';
import en from '../../src/content/i18n/en.json' with { type: 'json' };
import zhTw from '../../src/content/i18n/zh-tw.json' with { type: 'json' };
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
/** No batch running and every worker run settled (a cancelled one included). */
const idle = (page: Page) =>
  page.waitForFunction(
    (tag) => {
      const el = document.querySelector<HTMLElement>(tag);
      return !!el && el.dataset.sampling !== 'true' && el.dataset.busy === undefined;
    },
    TAG,
    { timeout: 60_000 },
  );
const sampling = (page: Page, state: string) =>
  page.waitForFunction(([tag, s]) => document.querySelector<HTMLElement>(tag!)?.dataset.sampling === s, [TAG, state] as const);
const angleInput = (page: Page) => page.inputValue(`${TAG} input[name=angle]`);
/** Clicks the map at the point (x₁, x₂), through a locator so the click waits until the map has stopped moving. */
async function clickMap(page: Page, x1: number, x2: number): Promise<void> {
  const svg = page.locator(`${TAG} .dims-map svg`);
  const position = await svg.evaluate(
    (el, [x, y]) => {
      const s = el as unknown as { scale(n: string): { apply(v: number): number } };
      const k = el.getBoundingClientRect().width / Number(el.getAttribute('width'));
      return { x: s.scale('x').apply(x!) * k, y: s.scale('y').apply(y!) * k };
    },
    [x1, x2],
  );
  await svg.click({ position });
}

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
    // A short window: the widget starts well over a screen plus the loader's 800 px margin below it, in every
    // language, so its code cannot have loaded yet however slowly this test looks.
    const { page, watch } = await openPage(site, PATH(locale), 1280, 400);
    await page.waitForLoadState('load');
    expect(await page.$eval(TAG, (el) => el.getBoundingClientRect().top)).toBeGreaterThan(400 + 800 + 200);
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
    await page.setViewportSize({ width: 1280, height: 900 });
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
    // → turns the line the way the slider's → does: the angle grows.
    await page.keyboard.press('Shift+ArrowRight'); // 45°
    await page.keyboard.press('Shift+ArrowRight'); // 60°
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight'); // 63°
    expect(await angleInput(page)).toBe('63');
    expect(await cell(page, 'row-curvature')).toBe(shown(curvature(1, 0.25, 63)));
    expect(await sliceClass(page)).toContain('is-minimum');
    await page.keyboard.press('ArrowUp'); // 64°: past atan 2 = 63.43°
    expect(await cell(page, 'row-curvature')).toBe(shown(curvature(1, 0.25, 64)));
    expect(await sliceClass(page)).toContain('is-maximum');
    expect(await cell(page, 'row-surface')).toContain('1.0000');
    expect(await status(page).innerText()).toContain('64');
    await page.keyboard.press('ArrowLeft');
    expect(await angleInput(page)).toBe('63');
    // The slider: → raises it by a degree, as → on the map does; Home is 0°, the x₁ axis, curvature a.
    await page.focus(`${TAG} input[name=angle]`);
    await page.keyboard.press('ArrowRight');
    expect(await angleInput(page)).toBe('64');
    expect(await cell(page, 'row-curvature')).toBe(shown(curvature(1, 0.25, 64)));
    await page.keyboard.press('Home');
    expect(await cell(page, 'row-curvature')).toBe('1.0000');
    // A click towards (1, 1) on the map points the line at 45°.
    await clickMap(page, 1, 1);
    await expect.poll(() => angleInput(page)).toBe('45');
    expect(await cell(page, 'row-curvature')).toBe(shown(curvature(1, 0.25, 45)));
    await expect.poll(() => new URL(page.url()).searchParams.get('dimensions-and-saddles.angle')).toBe('45');
    // Rotate animates the line and its button becomes Stop; pressing it stops the line on a whole degree.
    const strings = await page.$eval(TAG, (el) => JSON.parse((el as HTMLElement).dataset.strings!) as Record<string, string>);
    const rotate = page.locator(`${TAG} [data-action=rotate]`);
    await rotate.click();
    expect(await rotate.getAttribute('aria-pressed')).toBe('true');
    expect(await rotate.innerText()).toBe(strings['widget.dimensions-and-saddles.stop']);
    await page.waitForFunction((tag) => Number(document.querySelector<HTMLElement>(tag)!.dataset.angle) > 46, TAG);
    await rotate.click();
    expect(await rotate.getAttribute('aria-pressed')).toBe('false');
    expect(await rotate.innerText()).toBe(strings['widget.dimensions-and-saddles.rotate']);
    const angle = Number(await angleInput(page));
    expect(angle).toBeGreaterThan(45);
    expect(await cell(page, 'row-curvature')).toBe(shown(curvature(1, 0.25, angle)));
    // Stopped means stopped: two frames later the line has not moved.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(Number(await angleInput(page))).toBe(angle);
    expect(await page.getAttribute(TAG, 'data-rotating')).toBe('false');
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
  }, 60_000);
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
    const before = await page.$eval(`${TAG} .dims-goe-chart svg`, (svg) => svg.getAttribute('width'));
    await page.setViewportSize({ width: 800, height: 900 });
    // Redrawn at the new width (the redraw is debounced): wait for it, then check every chart.
    await page.waitForFunction(([tag, w]) => document.querySelector(`${tag} .dims-goe-chart svg`)?.getAttribute('width') !== w, [
      TAG,
      before,
    ] as const);
    await expect.poll(async () => Math.min(...(await scales()))).toBeGreaterThan(0.97);
    await drawnAtWidth();
    await clickMap(page, -1, 1);
    await expect.poll(() => angleInput(page)).toBe('135');
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
  }, 60_000);

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
    // n up to 40 with a million matrices per n: a full batch takes many minutes on any machine, so More asks first
    // (ten presses, one question), and once started the batch is certainly running when Stop is pressed.
    await setField(page, 'maxN', '40');
    await setField(page, 'samples', '1000000');
    await idle(page);
    for (let i = 0; i < 10; i++) await page.click(`${TAG} [data-action=more]`);
    expect(await page.getAttribute(TAG, 'data-sampling')).toBe('confirm');
    await page.click(`${TAG} [data-action=confirm]`);
    expect(await page.getAttribute(TAG, 'data-sampling')).toBe('true');
    await page.click(`${TAG} [data-action=stop]`);
    expect(await page.getAttribute(TAG, 'data-sampling')).toBe('false');
    await setField(page, 'maxN', '12');
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
  }, 120_000); // sampling batches are real work: allow for a busy CI machine

  it('pauses sampling while off screen and resumes when back, and Stop keeps only finished batches', async () => {
    // A batch of a million matrices per n up to 40 takes many minutes: certainly running throughout.
    const { page, watch } = await open('en', '?dimensions-and-saddles.maxN=40&dimensions-and-saddles.samples=1000000');
    await live(page);
    await idle(page);
    await page.click(`${TAG} [data-action=more]`);
    await page.click(`${TAG} [data-action=confirm]`);
    expect(await page.getAttribute(TAG, 'data-sampling')).toBe('true');
    await page.evaluate(() => window.scrollTo(0, 0));
    await sampling(page, 'paused');
    await page.locator(`${TAG} .dims-goe-chart`).scrollIntoViewIfNeeded();
    // Back on screen it resumes without asking again.
    await sampling(page, 'true');
    await page.click(`${TAG} [data-action=stop]`);
    await idle(page);
    // After Stop the status says what is kept, however late the cancelled batch's last progress report came.
    const first = initialSamples(40, 1_000_000);
    expect(await status(page).innerText()).toBe(
      `Stopped after 1 batch of 2: the unfinished batch is dropped; ${first} matrices per n so far.`,
    );
    // Only the first batch (its size capped by the first-paint budget) remains.
    expect((await goeTable(page)).every(([, K]) => K === first)).toBe(true);
    expect(new URL(page.url()).searchParams.get('dimensions-and-saddles.batches')).toBe(null);
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  }, 60_000);
});

describe.each([
  {
    locale: 'en',
    strings: en as Record<string, string>,
    minutes: /about \d+(\.\d)? (min|h) on this computer/,
    left: /about \d+ (s|min|h) left/,
  },
  { locale: 'zh-tw', strings: zhTw as Record<string, string>, minutes: /大約要 \d+(\.\d)? (分鐘|小時)/, left: /約剩 \d+ (秒|分鐘|小時)/ },
])('DimensionsAndSaddles very long jobs ($locale)', ({ locale, strings, minutes, left }) => {
  const k = (key: string) => strings[`widget.dimensions-and-saddles.${key}`]!;

  it('asks before a job of many minutes, starts nothing until told, and shows the time left once it runs', async () => {
    // n up to 40 with a million matrices per n: the second batch alone takes half an hour or more.
    const { page, watch } = await open(
      locale,
      '?dimensions-and-saddles.maxN=40&dimensions-and-saddles.samples=1000000&dimensions-and-saddles.batches=2',
    );
    await live(page);
    const confirm = page.locator(`${TAG} .dims-confirm`);
    await sampling(page, 'confirm');
    expect(await confirm.isVisible()).toBe(true);
    expect(await confirm.innerText()).toMatch(minutes);
    expect(await status(page).innerText()).toMatch(minutes);
    // Nothing runs while the question is open: no worker run, no counts, Stop disabled.
    expect(await page.getAttribute(TAG, 'data-busy')).toBe(null);
    expect(await goeTable(page)).toEqual([]);
    expect(await page.isDisabled(`${TAG} [data-action=stop]`)).toBe(true);
    // Not now: only the quick first batch (well under a second of work) is drawn.
    await page.click(`${TAG} [data-action=decline]`);
    expect(await confirm.isHidden()).toBe(true);
    await idle(page);
    const first = initialSamples(40, 1_000_000);
    expect((await goeTable(page)).map(([, K]) => K)).toEqual(Array(40).fill(first));
    expect(new URL(page.url()).searchParams.get('dimensions-and-saddles.batches')).toBe(null);
    // More samples asks again; Start anyway runs it, with the time left in the status, until Stop.
    await page.click(`${TAG} [data-action=more]`);
    await sampling(page, 'confirm');
    expect(await page.getAttribute(TAG, 'data-busy')).toBe(null);
    await page.click(`${TAG} [data-action=confirm]`);
    expect(await page.getAttribute(TAG, 'data-sampling')).toBe('true');
    await expect.poll(() => status(page).innerText(), { timeout: 30_000 }).toMatch(left);
    // More samples during the run asks again before adding another half hour; the running batch goes on meanwhile.
    await page.click(`${TAG} [data-action=more]`);
    expect(await confirm.isVisible()).toBe(true);
    expect(await page.getAttribute(TAG, 'data-sampling')).toBe('true');
    await page.click(`${TAG} [data-action=decline]`);
    expect(await confirm.isHidden()).toBe(true);
    expect(await page.getAttribute(TAG, 'data-sampling')).toBe('true');
    await page.click(`${TAG} [data-action=stop]`);
    await idle(page);
    const stopped = k('stopped')
      .replace('{done}', k('countBatch').replace('{count}', '1'))
      .replace('{batches}', '2')
      .replace('{matrices}', k('countMatrices').replace('{count}', String(first)));
    expect(await status(page).innerText()).toBe(stopped);
    expect((await goeTable(page)).map(([, K]) => K)).toEqual(Array(40).fill(first));
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  }, 90_000);

  it('applies a value typed during a run: the run starts over with it and the status says why', async () => {
    // A million matrices per n up to 40: the batch certainly runs while the reader types.
    const { page, watch } = await open(locale, '?dimensions-and-saddles.maxN=40&dimensions-and-saddles.samples=1000000');
    await live(page);
    await idle(page);
    await page.click(`${TAG} [data-action=more]`);
    await page.click(`${TAG} [data-action=confirm]`);
    expect(await page.getAttribute(TAG, 'data-sampling')).toBe('true');
    // A half-typed value is never overwritten by the progress reports that keep arriving.
    await page.fill(`${TAG} input[name=maxN]`, '6');
    const percent = await status(page).innerText();
    await expect.poll(() => status(page).innerText(), { timeout: 30_000 }).not.toBe(percent);
    expect(await page.inputValue(`${TAG} input[name=maxN]`)).toBe('6');
    await page.press(`${TAG} input[name=maxN]`, 'Enter');
    const restarted = k('restarted').replace('{field}', k('maxN')).replace('{value}', '6');
    expect(await status(page).innerText()).toContain(restarted);
    await idle(page);
    expect(await page.inputValue(`${TAG} input[name=maxN]`)).toBe('6');
    expect(await status(page).innerText()).toContain(restarted);
    const expected = await expectedCounts(6, 1_000_000, 1, 1);
    expect(await goeTable(page)).toEqual(expected.map((r) => [r.n, r.samples, r.positiveDefinite]));
    expect(new URL(page.url()).searchParams.get('dimensions-and-saddles.maxN')).toBe('6');
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  }, 90_000);
});
