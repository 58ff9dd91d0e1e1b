// Charts that take keys: plain labelled images without JavaScript, focusable interactive charts with instructions once live.
import { describe, expect, it } from 'vitest';
import { openPage, useSite, waitForWidget } from './harness.ts';
import { WIDGETS } from './widget-list.ts';

const site = useSite();
// Reproductions draw static result charts (the table beside them holds every number): no chart of theirs takes keys.
const KEYBOARD = WIDGETS.filter((w) => !w.reproduction);

describe.each(KEYBOARD)('$element', ({ lecture, element }) => {
  it('offers its keyboard chart to keyboard and screen-reader users only once it can answer keys', async () => {
    const { page } = await openPage(site, `/en/lectures/${lecture}/`);
    await waitForWidget(page, element);
    const chart = page.locator(`${element} [data-keyboard]`).first();
    expect(await chart.getAttribute('role')).toBe('application');
    expect(await chart.getAttribute('tabindex')).toBe('0');
    expect(await chart.getAttribute('aria-roledescription')).toBe('interactive chart');
    expect((await chart.getAttribute('aria-label'))!.length).toBeGreaterThan(10);
    const described = await chart.getAttribute('aria-describedby');
    expect((await page.locator(`[id="${described}"]`).innerText()).length).toBeGreaterThan(20);
    await page.close();
  });

  it('leaves it a plain labelled image, out of the tab order, without JavaScript', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.origin}/en/lectures/${lecture}/`);
    const chart = page.locator(`${element} [data-keyboard]`).first();
    expect(await chart.getAttribute('role')).toBe('img');
    expect(await chart.getAttribute('tabindex')).toBe(null);
    expect(await chart.getAttribute('aria-describedby')).toBe(null);
    expect((await chart.getAttribute('aria-label'))!.length).toBeGreaterThan(10);
    await context.close();
  });
});
