// Reading with the keyboard alone, and without motion: the skip link is the first stop and jumps past the header,
// Tab visits what the page shows in reading order, every stop draws a ring a reader can see (light and dark), and a
// reader who asks for reduced motion gets no smooth scrolling and a rotation that steps instead of sweeping.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useSite, waitForWidget } from './harness.ts';

const site = useSite();

interface Stop {
  tag: string;
  label: string;
  top: number;
  visible: boolean;
  inMain: boolean;
  inAside: boolean;
  ring: boolean;
}

/** Where focus is now, and whether it draws an outline (or a box shadow) at least 2 px wide in a visible colour. */
const stop = (page: Page): Promise<Stop> =>
  page.evaluate(() => {
    const e = document.activeElement as HTMLElement;
    const s = getComputedStyle(e);
    const r = e.getBoundingClientRect();
    const transparent = (c: string) => c === 'transparent' || /rgba\([^)]*,\s*0\)$/.test(c);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 && !transparent(s.outlineColor);
    const shadow = s.boxShadow !== 'none' && !transparent(s.boxShadow);
    return {
      tag: e.tagName.toLowerCase(),
      label: (e.getAttribute('aria-label') ?? e.textContent ?? '').trim().slice(0, 40),
      top: r.top + scrollY,
      visible: r.width > 0 && r.height > 0 && s.visibility !== 'hidden',
      inMain: !!e.closest('main'),
      inAside: !!e.closest('.lecture-aside'),
      ring: outline || shadow,
    };
  });

describe('the keyboard', { timeout: 120_000 }, () => {
  it.each(['en', 'zh-tw'])('finds the skip link first, and it jumps past the header to the lecture (%s)', async (locale) => {
    const page = await site.browser.newPage({ viewport: { width: 390, height: 800 } });
    await page.goto(`${site.server.origin}/${locale}/lectures/taylor-hessian/`);
    await page.keyboard.press('Tab');
    const first = await stop(page);
    expect(first.tag).toBe('a');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('skip-link'))).toBe(true);
    // Off screen until focused, then on screen and ringed.
    const box = await page.locator('.skip-link').boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(first.ring).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('content');
    // The next stop is inside the lecture, not back in the header.
    await page.keyboard.press('Tab');
    expect((await stop(page)).inMain).toBe(true);
    await page.close();
  });

  it.each([
    ['light', 1280],
    ['dark', 1280],
    ['light', 390],
    ['dark', 390],
  ] as const)('walks a widget lecture in reading order with a visible ring on every stop (%s, %i px)', async (scheme, width) => {
    const context = await site.browser.newContext({ colorScheme: scheme, viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${site.server.origin}/en/lectures/saddle-or-minimum/`);
    await waitForWidget(page, 'saddle-hessian-spectrum');
    await page.evaluate(() => scrollTo(0, 0));
    await page.locator('.skip-link').focus();
    const stops: Stop[] = [];
    // Tab until focus leaves the page's last stop (it goes back to the document), at most 300 presses.
    for (let i = 0; i < 300; i++) {
      await page.keyboard.press('Tab');
      const s = await stop(page);
      if (s.tag === 'body') break;
      stops.push(s);
    }
    expect(stops.length).toBeLessThan(300);
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    const bad = stops
      .map((s, i) => ({ ...s, i }))
      .filter((s) => !s.visible || !s.ring)
      .map(
        (s) =>
          `#${s.i} ${s.tag} "${s.label}" (visible ${s.visible}, ring ${s.ring}) after ${stops[s.i - 1]?.tag} "${stops[s.i - 1]?.label}"`,
      );
    expect(bad).toEqual([]);
    // Header first, then the table of contents, then the lecture, then the footer; the lecture top to bottom.
    const footerStart = stops.findIndex((s, i) => i > 0 && !s.inMain && stops[i - 1]!.inMain);
    const region = stops.map((s, i) => (s.inMain ? (s.inAside ? 1 : 2) : footerStart >= 0 && i >= footerStart ? 3 : 0));
    expect(region.at(-1)).toBe(3);
    expect(region.slice(1).every((r, i) => r >= region[i]!)).toBe(true);
    const body = stops.filter((s) => s.inMain && !s.inAside);
    expect(body.length).toBeGreaterThan(20);
    // A control may sit a little above the one before it on the same row (a button beside a taller field).
    expect(body.slice(1).filter((s, i) => s.top < body[i]!.top - 60)).toEqual([]);
    await context.close();
  });
});

describe('reduced motion', { timeout: 120_000 }, () => {
  /** Angles the slicing line takes while it rotates, recorded in the page from the widget's data-angle. */
  async function rotationAngles(reducedMotion: 'reduce' | 'no-preference'): Promise<number[]> {
    const context = await site.browser.newContext({ reducedMotion, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${site.server.origin}/en/lectures/saddle-or-minimum/`);
    const TAG = 'saddle-dimensions-and-saddles';
    await waitForWidget(page, TAG);
    await page.evaluate((tag) => {
      const e = document.querySelector<HTMLElement>(tag)!;
      const seen: number[] = [Number(e.dataset.angle)];
      (window as unknown as { __angles: number[] }).__angles = seen;
      new MutationObserver(() => seen.push(Number(e.dataset.angle))).observe(e, { attributeFilter: ['data-angle'] });
    }, TAG);
    await page.click(`${TAG} [data-action=rotate]`);
    await page.waitForFunction(() => new Set((window as unknown as { __angles: number[] }).__angles).size >= 4);
    await page.click(`${TAG} [data-action=rotate]`);
    const angles = await page.evaluate(() => (window as unknown as { __angles: number[] }).__angles);
    await context.close();
    return angles;
  }

  it('turns the slicing line in 15° steps instead of a sweep', async () => {
    const reduced = await rotationAngles('reduce');
    const from = reduced[0]!;
    // While rotating, every angle is the start plus whole 15° steps (the last one, after Stop, is rounded).
    const during = reduced.slice(0, -1);
    expect(during.filter((a) => Math.abs((((a - from) % 15) + 15) % 15) > 1e-9)).toEqual([]);
    const full = await rotationAngles('no-preference');
    expect(full.slice(0, -1).some((a) => Math.abs((((a - full[0]!) % 15) + 15) % 15) > 1e-6)).toBe(true);
  });

  it('scrolls to a section at once rather than smoothly', async () => {
    for (const [reducedMotion, expected] of [
      ['reduce', 'auto'],
      ['no-preference', 'smooth'],
    ] as const) {
      const context = await site.browser.newContext({ reducedMotion });
      const page = await context.newPage();
      await page.goto(`${site.server.origin}/en/lectures/taylor-hessian/`);
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe(expected);
      // With reduced motion, no CSS animation or transition is running on the page.
      if (reducedMotion === 'reduce') expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);
      await context.close();
    }
  });
});
