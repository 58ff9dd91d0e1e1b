// Every reproduction widget in a real browser, in both languages: the precomputed table first, Run again with a new
// seed (partial tables, progress, the seed in the URL), Cancel keeping what finished, Reset, and a shared link.
// Runs use a small `runs` value from the URL so the suite stays quick; the live default's timing is in the bench.
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { openPage, useSite, waitForWidget } from './harness.ts';
import { runExperiment } from '../../src/lib/experiments/index.ts';
import { WIDGETS } from './widget-list.ts';

const site = useSite();
const REPRODUCTIONS = WIDGETS.filter((w) => w.reproduction);

const tableText = (page: Page, el: string) => page.locator(`${el} [data-part="table"]`).innerText();
const status = (page: Page, el: string) => page.locator(`${el} .widget-status`).innerText();
const seedValue = (page: Page, el: string) => page.locator(`${el} input[name="seed"]`).inputValue();

describe('reproduction widgets exist', () => {
  it('the built site shows the reproduction widgets built so far', () => {
    expect(REPRODUCTIONS.map((w) => w.name)).toEqual(
      expect.arrayContaining(['xor-jellyfish', 'teacher-student', 'deep-linear', 'minimum-ratio']),
    );
  });
});

describe.each(REPRODUCTIONS.flatMap((w) => (['en', 'zh-tw'] as const).map((locale) => ({ ...w, locale }))))(
  '$element ($locale)',
  ({ lecture, element, name, locale }) => {
    const id = name;
    // Two runs a job; MinimumRatio's live default has 10 jobs (3 networks each, so its first partial table comes fast), 3 of them do here.
    const small = `?${id}.runs=2${name === 'minimum-ratio' ? `&${id}.blocks=3` : ''}`;

    it('runs again with a new seed: partial table, progress, finished status, seed in the URL; Node gives the same numbers', async () => {
      const { page, watch } = await openPage(site, `/${locale}/lectures/${lecture}/${small}`);
      await waitForWidget(page, element);
      // The small setting from the link runs at once and finishes.
      await page.waitForSelector(`${element}:not([data-busy])[data-done]`);
      const seed0 = Number(await seedValue(page, element));
      const afterLink = await tableText(page, element);
      await page.click(`${element} [data-action="run"]`);
      expect(Number(await seedValue(page, element))).toBe(seed0 + 1);
      await page.waitForSelector(`${element}[data-busy]`);
      await page.waitForSelector(`${element}:not([data-busy])`);
      expect(await status(page, element)).toContain(locale === 'en' ? `with seed ${seed0 + 1}` : `種子 ${seed0 + 1}`);
      expect(await tableText(page, element)).not.toBe(afterLink);
      expect(new URL(page.url()).searchParams.get(`${id}.seed`)).toBe(String(seed0 + 1));
      // The same config and seed in Node give the very numbers the page computed in its worker.
      const { config, seed } = JSON.parse((await page.locator(element).getAttribute('data-run'))!);
      await page.click(`${element} .widget-downloads summary`);
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(`${element} [data-download=json]`)]);
      const shown = JSON.parse(await readFile((await download.path())!, 'utf8'));
      expect(shown.shown).toBe('live');
      const node = (await runExperiment({ id, config, seed })) as { summary: unknown };
      expect(shown.summary).toEqual(JSON.parse(JSON.stringify(node.summary)));
      expect(watch.consoleErrors).toEqual([]);
      await page.close();
    });

    it('cancels keeping the finished jobs, resets to the precomputed table, and clamps a bad value', async () => {
      const { page } = await openPage(site, `/${locale}/lectures/${lecture}/`);
      await waitForWidget(page, element);
      const committed = await tableText(page, element);
      await page.click(`${element} [data-action="run"]`);
      await page.waitForSelector(`${element}[data-busy]`);
      await page.click(`${element} [data-action="cancel"]`);
      await page.waitForSelector(`${element}:not([data-busy])`);
      expect(await status(page, element)).toMatch(locale === 'en' ? /^Cancelled/ : /取消/);
      expect(await page.locator(`${element} .repro-progress`).isHidden()).toBe(true);
      await page.click(`${element} [data-action="reset"]`);
      expect(await tableText(page, element)).toBe(committed);
      expect(new URL(page.url()).search).toBe('');
      // A seed below the range is clamped and explained (then runs, so wait for it to settle).
      await page.fill(`${element} input[name="seed"]`, '-5');
      await page.press(`${element} input[name="seed"]`, 'Enter');
      await page.locator(`${element} input[name="seed"]`).blur();
      // The notice names the range (0 to 1000000) and stays in the status while the clamped seed runs and after.
      await page.waitForFunction((el) => (document.querySelector(`${el} .widget-status`)?.textContent ?? '').includes('1000000'), element);
      expect(await seedValue(page, element)).toBe('0');
      await page.click(`${element} [data-action="cancel"]`);
      await page.close();
    });
  },
);
