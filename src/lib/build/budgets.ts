// Size budgets of the built site, measured on dist/ as a static host serves it (each file gzipped on its own):
// what a text page costs, what a widget page runs before any widget nears the viewport, what each widget's code adds
// when it does, and the experiment worker with its wasm. `npm run size` prints them; tests/build/budgets.test.ts
// holds them to the limits below.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { ChunkRecord } from './chunk-graph.ts';
import { htmlFiles } from './dist-files.ts';
import { WIDGETS, type WidgetName } from '../../components/widgets/manifest.ts';

const KB = 1024;

export const BUDGETS = {
  /** A text page (no widget): no script file, this much inline script at most. */
  textInlineScript: 1 * KB,
  /** A text page's HTML and CSS, gzipped (fonts are excluded: they load only for the glyphs a page uses). */
  textHtmlCss: 35 * KB,
  /** A widget page's JavaScript before any widget nears the viewport, gzipped. */
  widgetPageJs: 20 * KB,
  /** One widget's lazily loaded code (its client and every chunk it imports that the page has not), gzipped. */
  widgetCode: 200 * KB,
} as const;

/** tfjs packages no chunk may contain: the site uses tfjs-core and its backends only. */
export const FORBIDDEN_PACKAGES = ['@tensorflow/tfjs-layers', '@tensorflow/tfjs-converter', '@tensorflow/tfjs-data'] as const;

export const gzipSize = (buf: Buffer | string): number => gzipSync(buf, { level: 9 }).length;

export interface PageSize {
  /** URL path: `/en/lectures/critical-points/`. */
  path: string;
  /** Widgets on the page, by name; a page without any is a text page. */
  widgets: WidgetName[];
  html: number;
  css: number;
  /** Script files the page loads at once (with their static imports), and their gzipped total. */
  scriptFiles: string[];
  js: number;
  /** Bytes of inline executable script (not JSON data islands). */
  inlineScript: number;
}

export interface WidgetCodeSize {
  widget: WidgetName;
  files: string[];
  gzip: number;
}

export interface WorkerSize {
  files: { file: string; gzip: number }[];
  wasm: { file: string; gzip: number }[];
}

const toPath = (dist: string, file: string) =>
  '/' +
  relative(dist, file)
    .split(sep)
    .join('/')
    .replace(/(^|\/)index\.html$/, '$1');

/** `/_astro/x.js` (or `<base>_astro/x.js`) → `_astro/x.js`, the chunk graph's key. */
const assetKey = (src: string, base: string) => (src.startsWith(base) ? src.slice(base.length) : src.replace(/^\//, ''));

/** A chunk and everything it imports statically (or, with `dynamic`, in any way), transitively. */
export function staticClosure(start: string[], chunks: Map<string, ChunkRecord>, dynamic = false): Set<string> {
  const seen = new Set<string>();
  const stack = [...start];
  while (stack.length > 0) {
    const f = stack.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    const c = chunks.get(f);
    stack.push(...(c?.imports ?? []), ...(dynamic ? (c?.dynamicImports ?? []) : []));
  }
  return seen;
}

export function readChunkGraph(file: string): Map<string, ChunkRecord> {
  if (!existsSync(file))
    throw new Error(`No chunk graph at ${file}: run "npm run build" first (the saddle-chunk-graph integration writes it).`);
  const list = JSON.parse(readFileSync(file, 'utf8')) as ChunkRecord[];
  return new Map(list.map((c) => [c.file, c]));
}

export function measurePages(dist: string, chunks: Map<string, ChunkRecord>, base = '/'): PageSize[] {
  const fileGzip = (key: string) => gzipSize(readFileSync(join(dist, key)));
  return htmlFiles(dist)
    .map((file) => {
      const html = readFileSync(file, 'utf8');
      const css = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => readFileSync(join(dist, assetKey(m[1]!, base))));
      const entry = [...html.matchAll(/<script\b[^>]*\ssrc="([^"]+)"/g)].map((m) => assetKey(m[1]!, base));
      const scriptFiles = [...staticClosure(entry, chunks)].sort();
      const inline = [...html.matchAll(/<script\b(?![^>]*\ssrc=)([^>]*)>([\s\S]*?)<\/script>/g)]
        .filter((m) => {
          const type = m[1]!.match(/\btype="([^"]+)"/)?.[1];
          return !type || type === 'module' || type === 'text/javascript';
        })
        .reduce((n, m) => n + Buffer.byteLength(m[2]!), 0);
      const widgets = [...new Set([...html.matchAll(/data-saddle-widget="([a-z0-9-]+)"/g)].map((m) => m[1]!))].filter(
        (w): w is WidgetName => (WIDGETS as readonly string[]).includes(w),
      );
      return {
        path: toPath(dist, file),
        widgets,
        html: gzipSize(html),
        css: gzipSize(Buffer.concat(css)),
        scriptFiles,
        js: scriptFiles.reduce((n, f) => n + fileGzip(f), 0),
        inlineScript: inline,
      };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * Each widget's own code: its `<name>.client.*.js` chunk and the chunks it imports statically, less those the
 * widget page loaded already (the loader and its imports).
 */
export function measureWidgetCode(dist: string, chunks: Map<string, ChunkRecord>, pages: PageSize[]): WidgetCodeSize[] {
  const eager = new Set(pages.flatMap((p) => p.scriptFiles));
  const pageChunks = [...chunks.values()].filter((c) => c.build === 'page');
  return WIDGETS.map((widget) => {
    const client = pageChunks.find((c) => c.file.startsWith(`_astro/${widget}.client.`));
    if (!client) throw new Error(`No client chunk for widget ${widget} in the chunk graph`);
    const files = [...staticClosure([client.file], chunks)].filter((f) => !eager.has(f)).sort();
    return { widget, files, gzip: files.reduce((n, f) => n + gzipSize(readFileSync(join(dist, f))), 0) };
  });
}

export function measureWorker(dist: string, chunks: Map<string, ChunkRecord>): WorkerSize {
  const files = [...chunks.values()]
    .filter((c) => c.build === 'worker')
    .map((c) => ({ file: c.file, gzip: gzipSize(readFileSync(join(dist, c.file))) }));
  const wasmDir = join(dist, 'tfjs-wasm');
  const wasm = existsSync(wasmDir)
    ? readdirSync(wasmDir)
        .filter((n) => n.endsWith('.wasm'))
        .map((n) => ({ file: `tfjs-wasm/${n}`, gzip: gzipSize(readFileSync(join(wasmDir, n))) }))
    : [];
  return { files, wasm };
}

/** Every chunk that contains a package from FORBIDDEN_PACKAGES, with the package. */
export function forbiddenModules(chunks: Map<string, ChunkRecord>): { file: string; module: string }[] {
  return [...chunks.values()].flatMap((c) =>
    c.modules.filter((m) => (FORBIDDEN_PACKAGES as readonly string[]).includes(m)).map((module) => ({ file: c.file, module })),
  );
}
