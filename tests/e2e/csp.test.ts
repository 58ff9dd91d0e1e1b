// The Content-Security-Policy of every built page: present, strict for scripts, and never violated by the site itself
// (every widget loaded, search opened) while the page makes no request to another origin.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DIST, builtPages, useSite, watchPage } from './harness.ts';

const site = useSite();
const pages = await builtPages();

const policyOf = (html: string) => html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1];

/** Records every CSP violation the page reports, from before its first script runs. */
async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'}`));
  });
  return () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

describe('Content-Security-Policy', () => {
  it.each(pages)('%s declares a strict policy before any script', (path) => {
    const file = join(DIST, path.endsWith('/') ? `${path}index.html` : path);
    const html = readFileSync(file, 'utf8');
    const policy = policyOf(html);
    expect(policy).toBeDefined();
    const script = policy!.split('; ').find((d) => d.startsWith('script-src '))!;
    expect(script).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*|https?:|data:|blob:/);
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("object-src 'none'");
    // The policy is in <head> ahead of every script, so it governs all of them.
    expect(html.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(html.indexOf('<script'));
  });

  it.each(pages)('%s runs with no violation and no request to another origin', { timeout: 120_000 }, async (path) => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const violations = await recordViolations(page);
    const watch = watchPage(page, site.server.origin);
    await page.goto(site.server.origin + path);
    // The inline script ran: it is allowed by its hash.
    await page.waitForFunction(() => 'js' in document.documentElement.dataset);
    const widgets = page.locator('[data-saddle-widget]');
    for (let i = 0; i < (await widgets.count()); i++) {
      await widgets.nth(i).scrollIntoViewIfNeeded();
      await page.waitForFunction((i) => document.querySelectorAll('[data-saddle-widget]')[i]!.hasAttribute('data-ready'), i);
    }
    if (await page.locator('[data-search-open]').count()) {
      await page.click('[data-search-open]');
      await page.fill('#site-search-input', path.startsWith('/en/') ? 'Hessian' : '海森');
      await page.waitForFunction(() => document.querySelectorAll('[data-search-results] li').length > 0);
    }
    expect(await violations()).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });

  it('is enforced: injected inline script and handlers do not run, and a script file may not eval', { timeout: 60_000 }, async () => {
    const page = await site.browser.newPage();
    const violations = await recordViolations(page);
    // A same-origin script file (allowed by 'self') that tries eval, which the policy must refuse.
    await page.route('**/__csp-probe.js', (route) =>
      route.fulfill({
        contentType: 'text/javascript',
        body: 'try { eval("1 + 1"); window.__evalRan = true; } catch { window.__evalRefused = true; }',
      }),
    );
    await page.goto(site.server.origin + '/en/lectures/critical-points/');
    await page.evaluate(() => {
      const inline = document.createElement('script');
      inline.textContent = 'window.__inlineRan = true';
      document.head.append(inline);
      const img = document.createElement('img');
      img.setAttribute('onerror', 'window.__handlerRan = true');
      img.src = 'data:,broken';
      document.body.append(img);
      const file = document.createElement('script');
      file.src = '/__csp-probe.js';
      document.head.append(file);
    });
    await page.waitForFunction(() => {
      const w = window as unknown as Record<string, unknown>;
      return w.__evalRefused === true || w.__evalRan === true;
    });
    const ran = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return { inline: w.__inlineRan === true, handler: w.__handlerRan === true, eval: w.__evalRan === true };
    });
    expect(ran).toEqual({ inline: false, handler: false, eval: false });
    await page.waitForFunction(() => (window as unknown as { __csp: string[] }).__csp.length >= 3);
    expect((await violations()).filter((v) => v.startsWith('script-src')).length).toBeGreaterThanOrEqual(3);
    await page.close();
  });
});
