// A widget whose worker fails to start or dies says so in the reader's language and offers Retry, which works.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useSite, waitForWidget, watchPage } from './harness.ts';
import en from '../../src/content/i18n/en.json' with { type: 'json' };
import zhTw from '../../src/content/i18n/zh-tw.json' with { type: 'json' };

const site = useSite();
const TAG = 'saddle-dimensions-and-saddles';
const PATH = (locale: string) => `/${locale}/lectures/saddle-or-minimum/`;
/** The worker's own chunk (`worker-<hash>.js`), not the page's `worker-client.<hash>.js`. */
const WORKER_SCRIPT = /\/_astro\/worker-[\w-]+\.js$/;
const strings: Record<string, Record<string, string>> = { en, 'zh-tw': zhTw };
const lostMessage = (locale: string, phase: 'workerStart' | 'workerDied') =>
  strings[locale]!['widget.common.workerLost']!.replace('{reason}', strings[locale]![`widget.common.${phase}`]!);

const status = (page: Page) => page.locator(`${TAG} .widget-status`);
const retry = (page: Page) => page.locator(`${TAG} [data-action=retry]`);
const idle = (page: Page) =>
  page.waitForFunction((tag) => document.querySelector<HTMLElement>(tag)?.dataset.sampling === 'false', TAG, { timeout: 60_000 });
const sampling = (page: Page) => page.getAttribute(TAG, 'data-sampling');
/** Presses `action` and, if the widget first asks whether to start a long job, says yes: then the batch is running. */
const startBatch = async (page: Page, action: () => Promise<void>) => {
  await action();
  await page.waitForFunction((tag) => ['true', 'confirm'].includes(document.querySelector<HTMLElement>(tag)?.dataset.sampling ?? ''), TAG);
  if ((await sampling(page)) === 'confirm') await page.click(`${TAG} [data-action=confirm]`);
};
/** Waits until nothing samples; a long job the page load proposes is declined. */
const settle = async (page: Page) => {
  await page.waitForFunction(
    (tag) => ['false', 'confirm'].includes(document.querySelector<HTMLElement>(tag)?.dataset.sampling ?? ''),
    TAG,
    {
      timeout: 60_000,
    },
  );
  if ((await sampling(page)) === 'confirm') await page.click(`${TAG} [data-action=decline]`);
  await idle(page);
};
const batches = (page: Page) => page.evaluate(() => new URL(location.href).searchParams.get('dimensions-and-saddles.batches'));

describe.each(['en', 'zh-tw'])('a lost experiment worker (%s)', (locale) => {
  it('a worker script that fails to load: the widget says so, and Retry starts a fresh worker that works', async () => {
    const page = await site.browser.newPage();
    watchPage(page, site.server.origin);
    // The worker's script answers 404, as after a deploy that removed it.
    await page.route(WORKER_SCRIPT, (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.goto(site.server.origin + PATH(locale));
    await waitForWidget(page, TAG);
    await page.click(`${TAG} [data-action=more]`);
    await expect.poll(() => status(page).innerText(), { timeout: 60_000 }).toBe(lostMessage(locale, 'workerStart'));
    await expect.poll(() => retry(page).isVisible()).toBe(true);
    expect(await retry(page).innerText()).toBe(strings[locale]!['widget.common.retry']);
    expect(await page.getAttribute(TAG, 'data-worker-lost')).toBe('true');
    await idle(page);
    // The script is back: Retry samples the batch that failed.
    await page.unroute(WORKER_SCRIPT);
    await retry(page).click();
    await expect.poll(() => batches(page), { timeout: 60_000 }).toBe('2');
    await idle(page);
    expect(await retry(page).isVisible()).toBe(false);
    expect(await status(page).innerText()).not.toContain(lostMessage(locale, 'workerStart'));
    await page.close();
  }, 120_000);

  it('a worker that dies mid-run: the batch rejects at once with the message, and Retry samples again', async () => {
    const page = await site.browser.newPage();
    watchPage(page, site.server.origin);
    // A long batch (10⁶ matrices for each n up to 12) that is surely still running when the worker dies.
    await page.goto(site.server.origin + PATH(locale) + '?dimensions-and-saddles.samples=1000000');
    await waitForWidget(page, TAG);
    await settle(page);
    await startBatch(page, () => page.click(`${TAG} [data-action=more]`));
    await page.waitForFunction((tag) => (document.querySelector<HTMLProgressElement>(`${tag} .dims-progress`)?.value ?? 0) > 0, TAG);
    // What the page does when its worker dies: terminate it and reject what is pending (the test hook of worker-client).
    await page.evaluate(() =>
      (globalThis as unknown as { __saddleWorker: { fail(r: string): void } }).__saddleWorker.fail('killed by the test'),
    );
    await expect.poll(() => status(page).innerText()).toBe(lostMessage(locale, 'workerDied'));
    await idle(page);
    await startBatch(page, () => retry(page).click());
    // A fresh worker takes the batch up again: progress comes back, then Stop ends it cleanly.
    await page.waitForFunction((tag) => (document.querySelector<HTMLProgressElement>(`${tag} .dims-progress`)?.value ?? 0) > 0, TAG, {
      timeout: 60_000,
    });
    expect(await retry(page).isVisible()).toBe(false);
    await page.click(`${TAG} [data-action=stop]`);
    await idle(page);
    await page.close();
  }, 120_000);
});
