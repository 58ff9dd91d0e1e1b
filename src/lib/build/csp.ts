// Astro integration: a Content-Security-Policy in every built page, as a <meta> tag so that it holds on any static
// host. Scripts may come from the site itself or be an inline script whose SHA-256 the policy lists (computed from the
// page as written to dist/, after the zh-cn conversion); no eval, no inline script without its hash. WebAssembly
// (tfjs's wasm backend, Pagefind) needs 'wasm-unsafe-eval', which allows compiling wasm and nothing else.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { htmlFiles } from './dist-files.ts';

/**
 * The policy for a page whose inline scripts have these hashes. Styles allow 'unsafe-inline' because Observable Plot
 * writes a <style> element and style attributes into every chart it draws; no script can run from a style.
 * Images allow data: and blob: for the PNG and SVG a widget offers to download; fonts allow data: for the small
 * KaTeX fonts the build inlines into its stylesheet.
 */
export function policyFor(scriptHashes: readonly string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval'${scriptHashes.map((h) => ` '${h}'`).join('')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

const INLINE_SCRIPT = /<script\b(?![^>]*\ssrc=)([^>]*)>([\s\S]*?)<\/script>/g;

/** `sha256-…` of each inline script the browser would run (JSON data islands are data, not script). */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const m of html.matchAll(INLINE_SCRIPT)) {
    const type = m[1]!.match(/\btype="([^"]+)"/)?.[1];
    if (type && type !== 'module' && type !== 'text/javascript') continue;
    hashes.add(`sha256-${createHash('sha256').update(m[2]!, 'utf8').digest('base64')}`);
  }
  return [...hashes];
}

/**
 * The page with its policy ahead of every script it governs: right after <meta charset>, else at the start of <head>.
 * A page written without a head (a bare fragment) gets the tag first in the document, after any doctype and <html>,
 * where the HTML parser opens the head implicitly.
 */
export function withCsp(html: string): string {
  if (html.includes('http-equiv="Content-Security-Policy"')) throw new Error('page already has a Content-Security-Policy');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policyFor(inlineScriptHashes(html))}">`;
  const after = [/<meta charset="[^"]*"\s*\/?>/i, /<head\b[^>]*>/i, /<html\b[^>]*>/i, /<!doctype[^>]*>/i]
    .map((re) => html.match(re))
    .find((m) => m?.index !== undefined);
  const at = after ? after.index! + after[0].length : 0;
  return html.slice(0, at) + meta + html.slice(at);
}

export default function csp(): AstroIntegration {
  return {
    name: 'saddle-csp',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const files = htmlFiles(fileURLToPath(dir));
        for (const f of files) writeFileSync(f, withCsp(readFileSync(f, 'utf8')));
        logger.info(`Content-Security-Policy set on ${files.length} pages`);
      },
    },
  };
}
