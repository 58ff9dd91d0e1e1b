// What every widget owes a reader, checked on each widget of the manifest in a real browser: readable chart text on
// a phone, number fields the browser itself finds valid and that step from their value, charts a thumb can scroll
// past, and a hint that tells the truth with JavaScript off.
import { describe, expect, it } from 'vitest';
import en from '../../src/content/i18n/en.json' with { type: 'json' };
import zhTw from '../../src/content/i18n/zh-tw.json' with { type: 'json' };
import { openPage, useSite, waitForWidget } from './harness.ts';
import { WIDGETS } from './widget-list.ts';

const site = useSite();
/** The smallest chart text a phone reader should be asked to read, in CSS pixels as drawn. */
const MIN_TEXT_PX = 11;

describe.each(WIDGETS)('$element', ({ lecture, element, settled }) => {
  it.each(['en', 'zh-tw'])('draws its chart text at 11 px or more on a 390 px phone (%s)', async (locale) => {
    const { page } = await openPage(site, `/${locale}/lectures/${lecture}/`, 390, 844);
    await waitForWidget(page, element);
    await page.waitForSelector(`${element}${settled}`);
    const smallest = await page
      .locator(element)
      .first()
      .evaluate(async (el) => {
        // Charts redraw at their box's width after a resize watcher settles: wait for two frames without a change.
        const sizes = () => [...el.querySelectorAll('svg text')].map((t) => t.getBoundingClientRect().height).join();
        let last = '';
        for (let same = 0; same < 2;) {
          await new Promise((r) => requestAnimationFrame(r));
          const now = sizes();
          same = now === last ? same + 1 : 0;
          last = now;
        }
        let min = Infinity;
        for (const t of el.querySelectorAll<SVGTextElement>('svg text')) {
          if (!t.textContent?.trim() || t.getBoundingClientRect().width === 0) continue;
          const m = t.getScreenCTM();
          if (!m) continue;
          min = Math.min(min, parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b));
        }
        return min;
      });
    expect(smallest).toBeGreaterThanOrEqual(MIN_TEXT_PX);
    await page.close();
  });

  it('shows number fields that pass the browser’s own validity check and step from their value', async () => {
    const { page } = await openPage(site, `/en/lectures/${lecture}/`);
    await waitForWidget(page, element);
    const invalid = await page
      .locator(`${element} input[type=number]`)
      .evaluateAll((inputs) => (inputs as HTMLInputElement[]).filter((i) => !i.checkValidity()).map((i) => `${i.name}=${i.value}`));
    expect(invalid).toEqual([]);
    await page.close();
  });

  it('lets a thumb on a chart scroll the page', async () => {
    const { page } = await openPage(site, `/en/lectures/${lecture}/`, 390, 844);
    await waitForWidget(page, element);
    const blocking = await page
      .locator(`${element} .widget-chart, ${element} svg`)
      .evaluateAll((els) => els.filter((e) => getComputedStyle(e).touchAction === 'none').length);
    expect(blocking).toBe(0);
    await page.close();
  });

  it.each([
    ['en', en],
    ['zh-tw', zhTw],
  ] as const)('says without JavaScript that its figure was computed at build time (%s)', async (locale, strings) => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.origin}/${locale}/lectures/${lecture}/`);
    const hint = page.locator(`${element} .widget-hint`).first();
    expect(await hint.innerText()).toBe(strings['widget.common.noScript']);
    await context.close();
  });
});
