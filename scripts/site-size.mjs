// `npm run size`: bytes a reader downloads per page type of the built site: HTML, CSS, script files, inline script.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = process.env.SADDLE_DIST ?? 'dist';
const pages = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (name.endsWith('.html')) pages.push(p);
  }
})(DIST);

const typeOf = (path) => {
  const rel = '/' + relative(DIST, path);
  if (rel === '/index.html') return 'language chooser (/)';
  if (/404/.test(rel)) return '404 page';
  if (/\/lectures\//.test(rel)) return 'lecture';
  return 'course home';
};

const size = (buf) => ({ raw: buf.length, gz: gzipSync(buf).length });
const rows = new Map();
for (const page of pages) {
  const html = readFileSync(page);
  const text = html.toString('utf8');
  const css = [...text.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => readFileSync(join(DIST, m[1])));
  const js = [...text.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => readFileSync(join(DIST, m[1])));
  const inline = [...text.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => Buffer.from(m[1]));
  const sum = (bufs) => bufs.reduce((a, b) => ({ raw: a.raw + size(b).raw, gz: a.gz + size(b).gz }), { raw: 0, gz: 0 });
  const row = { html: size(html), css: sum(css), js: sum(js), jsFiles: js.length, inline: sum(inline) };
  const type = typeOf(page);
  const list = rows.get(type) ?? [];
  list.push(row);
  rows.set(type, list);
}

const kb = ({ raw, gz }) => `${(raw / 1024).toFixed(1)} kB (${(gz / 1024).toFixed(1)} kB gz)`;
console.log('page type'.padEnd(24), 'pages', 'HTML (largest)'.padEnd(26), 'CSS'.padEnd(24), 'script files', 'inline script');
for (const [type, list] of rows) {
  const max = (key) => list.reduce((a, r) => (r[key].raw > a.raw ? r[key] : a), { raw: 0, gz: 0 });
  const files = Math.max(...list.map((r) => r.jsFiles));
  console.log(
    type.padEnd(24),
    String(list.length).padEnd(5),
    kb(max('html')).padEnd(26),
    kb(max('css')).padEnd(24),
    `${files} (${kb(max('js'))})`.padEnd(12),
    kb(max('inline')),
  );
}

// What loads later, on demand: each widget's code as it nears the viewport, and the experiment worker with tfjs.
const assets = join(DIST, '_astro');
const lazy = readdirSync(assets)
  .filter((n) => n.endsWith('.js'))
  .map((n) => ({ name: n, ...size(readFileSync(join(assets, n))) }));
const wasm = readdirSync(join(DIST, 'tfjs-wasm')).map((n) => ({
  name: `tfjs-wasm/${n}`,
  ...size(readFileSync(join(DIST, 'tfjs-wasm', n))),
}));
console.log("\nloaded on demand (script chunks and the worker's wasm; the browser picks one wasm file)");
for (const f of [...lazy.sort((a, b) => b.raw - a.raw), ...wasm]) console.log(' ', f.name.padEnd(58), kb(f));
