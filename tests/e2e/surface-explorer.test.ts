// <SurfaceExplorer> in a real browser, in every locale: static first paint, lazy code, clicks, keys, numbers, abuse.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, useSite, waitForWidget, sidewaysOverflow } from './harness.ts';

const PATH = (locale: string) => `/${locale}/lectures/taylor-hessian/`;
const site = useSite();

const open = (locale: string, query = '', width = 1280) => openPage(site, PATH(locale) + query, width);

const live = (page: Page) => waitForWidget(page, 'saddle-surface-explorer');
const cell = (page: Page, row: string) => page.locator(`saddle-surface-explorer .${row} td`).innerText();

describe.each(['en', 'zh-tw', 'zh-cn'])('SurfaceExplorer (%s)', (locale) => {
  it('paints the saddle at the origin before any script runs, and loads its code only near the viewport', async () => {
    const { page, watch } = await open(locale);
    // Static first paint, computed at build time: eigenvalues −2 and 2 at the origin.
    expect(await cell(page, 'row-eigen-1')).toContain('−2.0000');
    expect(await cell(page, 'row-eigen-2')).toContain('2.0000');
    expect(await page.locator('saddle-surface-explorer svg').count()).toBeGreaterThan(0);
    expect(watch.scriptFiles.some((u) => u.includes('surface-explorer.client'))).toBe(false);
    await live(page);
    expect(watch.scriptFiles.some((u) => u.includes('surface-explorer.client'))).toBe(true);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await page.close();
  });

  it('steps along the escape direction: the loss falls from 1 to 0.25 where the quadratic model says 0', async () => {
    const { page, watch } = await open(locale);
    await live(page);
    await page.click('saddle-surface-explorer [data-action=escape]');
    const status = await page.locator('saddle-surface-explorer .widget-status').innerText();
    expect(status).toContain('0.2500');
    expect(status).toContain('0.7071');
    expect(await cell(page, 'row-loss')).toBe('0.2500');
    expect(new URL(page.url()).searchParams.get('surface-explorer.w1')).toBe('0.707107');
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });

  it('moves θ′ with the arrow keys and with a click on the map', async () => {
    const { page } = await open(locale);
    await live(page);
    await page.focus('saddle-surface-explorer .widget-chart');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowUp');
    expect(await cell(page, 'row-point')).toBe('(0.0500, 0.2500)');
    // (0.05, 0.25): L = (1 − 0.0125)² = 0.97515625
    expect(await cell(page, 'row-loss')).toBe('0.9752');
    const before = await cell(page, 'row-point');
    const box = (await page.locator('saddle-surface-explorer .widget-chart svg').boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.8, box.y + box.height * 0.25);
    const after = await cell(page, 'row-point');
    expect(after).not.toBe(before);
    const [w1, w2] = after
      .replace(/[()]/g, '')
      .split(', ')
      .map((s) => Number(s.replace('−', '-')));
    expect(w1).toBeGreaterThan(0.8);
    expect(w2).toBeGreaterThan(0.8);
    await page.close();
  });

  it('clamps a typed value out of range and explains it, and reports a diverging descent that reset undoes', async () => {
    const { page, watch } = await open(locale);
    await live(page);
    await page.fill('saddle-surface-explorer input[name=w1]', '99');
    await page.press('saddle-surface-explorer input[name=w1]', 'Enter');
    expect(await page.inputValue('saddle-surface-explorer input[name=w1]')).toBe('2');
    expect(await page.locator('saddle-surface-explorer .widget-status').getAttribute('data-kind')).toBe('error');
    await page.fill('saddle-surface-explorer input[name=w2]', '2');
    await page.press('saddle-surface-explorer input[name=w2]', 'Enter');
    await page.fill('saddle-surface-explorer input[name=lr]', '1.5');
    await page.press('saddle-surface-explorer input[name=lr]', 'Enter');
    await page.click('saddle-surface-explorer [data-action=descend]');
    expect(await page.locator('saddle-surface-explorer .widget-status').getAttribute('data-kind')).toBe('error');
    expect(await page.locator('saddle-surface-explorer .widget-status').innerText()).toContain('1.500');
    await page.click('saddle-surface-explorer [data-action=reset]');
    expect(await cell(page, 'row-point')).toBe('(0.0000, 0.0000)');
    expect(await page.inputValue('saddle-surface-explorer input[name=lr]')).toBe('0.05');
    expect(new URL(page.url()).search).toBe('');
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });
});

describe('SurfaceExplorer state and robustness', () => {
  it('restores the exact view from a shared URL', async () => {
    const { page } = await open('en', '?surface-explorer.w1=1&surface-explorer.w2=1');
    await live(page);
    expect(await cell(page, 'row-point')).toBe('(1.0000, 1.0000)');
    expect(await page.locator('saddle-surface-explorer').getAttribute('data-verdict')).toBe('degenerate');
    expect(await cell(page, 'row-eigen-1')).toContain('0.0000');
    expect(await cell(page, 'row-eigen-2')).toContain('4.0000');
    await page.close();
  });

  it('forgets a notice about a typed value once θ′ moves by key, and a descent report once θ′ moves again', async () => {
    const { page } = await open('en');
    await live(page);
    const status = page.locator('saddle-surface-explorer .widget-status');
    await page.fill('saddle-surface-explorer input[name=w1]', '99');
    await page.press('saddle-surface-explorer input[name=w1]', 'Enter');
    expect(await status.getAttribute('data-kind')).toBe('error');
    await page.focus('saddle-surface-explorer .widget-chart');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => status.getAttribute('data-kind'), { timeout: 15_000 }).toBe('info');
    expect(await status.innerText()).toBe('');
    expect(await cell(page, 'row-point')).toBe('(1.9500, 0.0000)');
    await page.click('saddle-surface-explorer [data-action=descend]');
    expect(await status.innerText()).not.toBe('');
    await page.focus('saddle-surface-explorer .widget-chart');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => status.innerText(), { timeout: 15_000 }).toBe('');
    expect(await page.locator('saddle-surface-explorer .surface-path').count()).toBe(0);
    await page.close();
  });

  it('redraws the map at its new width when the window changes, without touching a value being typed', async () => {
    const { page } = await open('en');
    await live(page);
    const width = () => page.locator('saddle-surface-explorer .widget-chart svg').getAttribute('width');
    const before = await width();
    await page.fill('saddle-surface-explorer input[name=w1]', '1.5');
    await page.setViewportSize({ width: 390, height: 900 });
    await expect.poll(width, { timeout: 15_000 }).not.toBe(before);
    expect(await page.inputValue('saddle-surface-explorer input[name=w1]')).toBe('1.5');
    await page.press('saddle-surface-explorer input[name=w1]', 'Enter');
    expect(await cell(page, 'row-point')).toBe('(1.5000, 0.0000)');
    await page.close();
  });

  it('cuts a diverging descent (η = 1.5) at the frame, says it diverged, and draws the map at its box width', async () => {
    const { page } = await open('en', '?surface-explorer.w1=2&surface-explorer.w2=2&surface-explorer.lr=1.5');
    await live(page);
    await page.click('saddle-surface-explorer [data-action=descend]');
    await page.waitForSelector('saddle-surface-explorer[data-descent=diverged]');
    expect(await page.locator('saddle-surface-explorer .widget-status').getAttribute('data-kind')).toBe('error');
    const outside = await page.locator('saddle-surface-explorer .widget-chart svg').evaluate((svg) => {
      type Scale = { range: [number, number] };
      const scale = (svg as unknown as { scale(n: string): Scale }).scale;
      const [x0, x1] = scale('x').range;
      const [y1, y0] = scale('y').range;
      const paths = [...svg.querySelectorAll<SVGPathElement>('.surface-path path')];
      const points = paths.flatMap((p) =>
        Array.from({ length: 65 }, (_, i) => {
          const at = p.getPointAtLength((p.getTotalLength() * i) / 64);
          return [at.x, at.y];
        }),
      );
      // Inside the plot area (in the chart's own pixels, which are CSS pixels: it is drawn at its box width).
      const bad = points.filter(([x, y]) => x! < x0 - 0.5 || x! > x1 + 0.5 || y! < y0 - 0.5 || y! > y1 + 0.5);
      return { count: points.length, bad: bad.length, drawn: Number(svg.getAttribute('width')), box: svg.parentElement!.clientWidth };
    });
    expect(outside.count).toBeGreaterThan(0);
    expect(outside.bad).toBe(0);
    // At 1280 px the map gets most of the row: drawn at its box's width, well over the 326 px it used to be shrunk to.
    expect(Math.abs(outside.drawn - outside.box)).toBeLessThanOrEqual(1);
    expect(outside.drawn).toBeGreaterThan(380);
    await page.close();
  });

  it('survives 50 rapid interactions without an error and ends in a consistent state', async () => {
    const { page, watch } = await open('en', '', 390);
    await live(page);
    await page.focus('saddle-surface-explorer .widget-chart');
    const keys = ['ArrowRight', 'ArrowUp', 'ArrowLeft', 'ArrowDown', 'Shift+ArrowRight'];
    for (let i = 0; i < 40; i++) await page.keyboard.press(keys[i % keys.length]!);
    for (let i = 0; i < 10; i++)
      await page.click(['saddle-surface-explorer [data-action=escape]', 'saddle-surface-explorer [data-action=descend]'][i % 2]!);
    const q = new URL(page.url()).searchParams;
    const [w1, w2] = [Number(q.get('surface-explorer.w1') ?? 0), Number(q.get('surface-explorer.w2') ?? 0)];
    const shown = Number((await cell(page, 'row-loss')).replace('−', '-'));
    expect(Math.abs(shown - (1 - w1 * w2) ** 2)).toBeLessThan(2e-4);
    expect(watch.consoleErrors).toEqual([]);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await page.close();
    // Each interaction redraws the map (about 30 ms on an idle machine); a loaded CI machine gets 60 s for all 50.
  }, 60_000);
});
