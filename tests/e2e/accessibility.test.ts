// axe-core on every built page, in every locale, in the light and the dark theme, after every widget on the page has
// loaded (its charts and tables drawn by its own code): no violation of any rule axe runs by default.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { builtPages, useSite } from './harness.ts';

const site = useSite();
const pages = await builtPages();
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

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
    await page.addScriptTag({ content: AXE });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: unknown[] }> } }).axe;
      const result = await axe.run(document, { resultTypes: ['violations'] });
      return (result.violations as { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[]).map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(' ')),
      }));
    });
    await page.close();
    expect(violations as Violation[]).toEqual([]);
  });
});
