// axe-core on every built page, in every locale, in the light and the dark theme, after every widget on the page has
// loaded (its charts and tables drawn by its own code): no violation of any rule axe runs by default.
import { describe, expect, it } from 'vitest';
import { axeViolations, builtPages, useSite } from './harness.ts';

const site = useSite();
const pages = await builtPages();

describe.each(['light', 'dark'] as const)('axe-core, %s theme', (scheme) => {
  it.each(pages)('%s has no violations once its widgets have loaded', { timeout: 120_000 }, async (path) => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: scheme });
    await page.goto(site.server.origin + path);
    const widgets = page.locator('[data-saddle-widget]');
    const count = await widgets.count();
    for (let i = 0; i < count; i++) {
      await widgets.nth(i).scrollIntoViewIfNeeded();
      await page.waitForFunction((i) => document.querySelectorAll('[data-saddle-widget]')[i]!.hasAttribute('data-ready'), i);
    }
    const violations = await axeViolations(page);
    await page.close();
    expect(violations).toEqual([]);
  });
});
