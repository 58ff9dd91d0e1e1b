import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inlineScriptHashes, policyFor, withCsp } from '../../src/lib/build/csp.ts';

const sha = (s: string) => `sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}`;

describe('the Content-Security-Policy of a built page', () => {
  it('hashes each executable inline script once, exactly as written, and skips data islands and script files', () => {
    const html =
      '<script>a()</script><script type="module">b()</script><script>a()</script>' +
      '<script type="application/json">{"x":1}</script><script src="/_astro/x.js"></script><script>\n  c(); // 鞍點\n</script>';
    expect(inlineScriptHashes(html)).toEqual([sha('a()'), sha('b()'), sha('\n  c(); // 鞍點\n')]);
  });

  it('lists the hashes in script-src and allows no inline script or eval', () => {
    const policy = policyFor([sha('a()')]);
    expect(policy).toContain(`script-src 'self' 'wasm-unsafe-eval' '${sha('a()')}'`);
    expect(policy).not.toMatch(/'unsafe-eval'|script-src[^;]*'unsafe-inline'/);
  });

  it('goes right after <meta charset>, ahead of every script, and only once', () => {
    const page = '<!doctype html><html><head><meta charset="utf-8"><title>t</title><script>a()</script></head></html>';
    const out = withCsp(page);
    expect(out).toMatch(
      /^<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="[^"]+"><title>/,
    );
    expect(out).toContain(sha('a()'));
    expect(() => withCsp(out)).toThrow(/already has/);
  });

  it('goes first in a page written without a head, where the parser opens the head for it', () => {
    expect(withCsp('<p>bare</p><script>b()</script>')).toMatch(
      /^<meta http-equiv="Content-Security-Policy" content="[^"]*'sha256-[^']+'[^"]*"><p>/,
    );
    expect(withCsp('<!DOCTYPE html><p>x</p>')).toMatch(/^<!DOCTYPE html><meta http-equiv="Content-Security-Policy"/);
    expect(withCsp('<html lang="en"><body><p>x</p></body></html>')).toMatch(/^<html lang="en"><meta http-equiv/);
  });
});
