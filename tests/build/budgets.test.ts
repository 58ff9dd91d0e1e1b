// The size budgets, on the site `npm test` has just built (dist/), and the measuring itself on a tiny fixture site.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BUDGETS,
  forbiddenModules,
  gzipSize,
  measurePages,
  measureWidgetCode,
  measureWorker,
  readChunkGraph,
  staticClosure,
} from '../../src/lib/build/budgets.ts';
import { CHUNK_GRAPH, moduleName, type ChunkRecord } from '../../src/lib/build/chunk-graph.ts';

describe('measuring', () => {
  const chunk = (file: string, imports: string[] = [], modules: string[] = [], build: ChunkRecord['build'] = 'page'): ChunkRecord => ({
    file,
    build,
    imports,
    dynamicImports: [],
    modules,
  });

  it('counts a page script with everything it imports, and only executable inline script', () => {
    const dist = mkdtempSync(join(tmpdir(), 'saddle-budget-'));
    mkdirSync(join(dist, '_astro'));
    mkdirSync(join(dist, 'w'));
    const a = 'export const a = 1;'.repeat(50);
    const b = 'export const b = 2;'.repeat(80);
    writeFileSync(join(dist, '_astro/a.js'), a);
    writeFileSync(join(dist, '_astro/b.js'), b);
    writeFileSync(join(dist, '_astro/s.css'), 'p{color:red}');
    writeFileSync(
      join(dist, 'index.html'),
      '<link rel="stylesheet" href="/_astro/s.css"><script>var x=1</script><script type="application/json">{"big":1}</script>',
    );
    writeFileSync(
      join(dist, 'w/index.html'),
      '<script type="module" src="/_astro/a.js"></script><div data-saddle-widget="deep-linear"></div>',
    );
    const chunks = new Map([
      ['_astro/a.js', chunk('_astro/a.js', ['_astro/b.js'])],
      ['_astro/b.js', chunk('_astro/b.js')],
    ]);
    const [text, widget] = measurePages(dist, chunks);
    expect(text).toMatchObject({
      path: '/',
      widgets: [],
      scriptFiles: [],
      js: 0,
      inlineScript: 'var x=1'.length,
      css: gzipSize('p{color:red}'),
    });
    expect(widget).toMatchObject({
      path: '/w/',
      widgets: ['deep-linear'],
      scriptFiles: ['_astro/a.js', '_astro/b.js'],
      js: gzipSize(a) + gzipSize(b),
    });
  });

  it('follows static imports transitively and survives cycles', () => {
    const chunks = new Map([
      ['x', chunk('x', ['y'])],
      ['y', chunk('y', ['z', 'x'])],
      ['z', chunk('z')],
    ]);
    expect([...staticClosure(['x'], chunks)].sort()).toEqual(['x', 'y', 'z']);
  });

  it('names modules by package, or by project path', () => {
    expect(moduleName('/p/node_modules/@observablehq/plot/src/plot.js', '/p')).toBe('@observablehq/plot');
    expect(moduleName('/p/node_modules/a/node_modules/d3-array/src/x.js?v=1', '/p')).toBe('d3-array');
    expect(moduleName('/p/src/lib/linalg/eig.ts', '/p')).toBe('src/lib/linalg/eig.ts');
    expect(forbiddenModules(new Map([['q', chunk('q', [], ['@tensorflow/tfjs-core', '@tensorflow/tfjs-layers'])]]))).toEqual([
      { file: 'q', module: '@tensorflow/tfjs-layers' },
    ]);
  });
});

describe('the built site', () => {
  const dist = resolve('dist');
  const chunks = readChunkGraph(resolve(CHUNK_GRAPH));
  const pages = measurePages(dist, chunks);
  const text = pages.filter((p) => p.widgets.length === 0);
  const widgetPages = pages.filter((p) => p.widgets.length > 0);

  it('has text pages and widget pages in every locale', () => {
    for (const l of ['en', 'zh-tw', 'zh-cn']) {
      expect(text.some((p) => p.path === `/${l}/lectures/critical-points/`)).toBe(true);
      expect(widgetPages.some((p) => p.path.startsWith(`/${l}/lectures/`))).toBe(true);
    }
  });

  it.each(text.map((p) => [p.path, p] as const))('text page %s: no script file, ≤ 1 KB inline script, ≤ 35 KB of HTML + CSS', (_, p) => {
    expect(p.scriptFiles).toEqual([]);
    expect(p.inlineScript).toBeGreaterThan(0);
    expect(p.inlineScript).toBeLessThanOrEqual(BUDGETS.textInlineScript);
    expect(p.html + p.css).toBeLessThanOrEqual(BUDGETS.textHtmlCss);
  });

  it.each(widgetPages.map((p) => [p.path, p] as const))(
    'widget page %s: ≤ 20 KB of JavaScript before a widget nears the viewport',
    (_, p) => {
      expect(p.scriptFiles.length).toBeGreaterThan(0);
      expect(p.js).toBeLessThanOrEqual(BUDGETS.widgetPageJs);
      // The widget code itself is not among it.
      expect(p.scriptFiles.filter((f) => /\.client\./.test(f))).toEqual([]);
    },
  );

  it("keeps each widget's own code within 200 KB gzip, Plot included", () => {
    const sizes = measureWidgetCode(dist, chunks, pages);
    expect(sizes).toHaveLength(new Set(widgetPages.flatMap((p) => p.widgets)).size);
    for (const w of sizes) {
      expect(w.files.some((f) => f.includes(`${w.widget}.client.`))).toBe(true);
      expect(w.gzip, w.widget).toBeLessThanOrEqual(BUDGETS.widgetCode);
    }
    // Plot is in the widget code, not in what a page loads up front.
    const plotChunks = [...chunks.values()].filter((c) => c.modules.includes('@observablehq/plot')).map((c) => c.file);
    expect(plotChunks.length).toBeGreaterThan(0);
    for (const p of widgetPages) expect(p.scriptFiles.filter((f) => plotChunks.includes(f))).toEqual([]);
  });

  it('puts tfjs in the worker only, and no chunk contains tfjs-layers, tfjs-converter or tfjs-data', () => {
    expect(forbiddenModules(chunks)).toEqual([]);
    const worker = measureWorker(dist, chunks);
    expect(worker.files.length).toBeGreaterThan(0);
    expect(worker.wasm.length).toBe(3);
    const tfjsPageChunks = [...chunks.values()].filter((c) => c.build === 'page' && c.modules.some((m) => m.startsWith('@tensorflow/')));
    // The worker's own build is the only place tfjs may be; page chunks that hold it are the worker's, emitted once.
    for (const c of tfjsPageChunks) expect(worker.files.map((f) => f.file)).toContain(c.file);
  });
});
