// `npm run size`: the size budgets of the built site (src/lib/build/budgets.ts), each figure beside its limit.
import { resolve } from 'node:path';
import { BUDGETS, forbiddenModules, measurePages, measureWidgetCode, measureWorker, readChunkGraph } from '../src/lib/build/budgets.ts';
import { CHUNK_GRAPH } from '../src/lib/build/chunk-graph.ts';

const dist = resolve(process.env.SADDLE_DIST ?? 'dist');
const chunks = readChunkGraph(resolve(CHUNK_GRAPH));
const pages = measurePages(dist, chunks);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const mark = (n: number, limit: number) => (n <= limit ? 'ok' : 'OVER');

console.log('Text pages (no widget): HTML + CSS gzip, inline script, script files');
for (const p of pages.filter((p) => p.widgets.length === 0)) {
  const total = p.html + p.css;
  console.log(
    `  ${p.path.padEnd(40)} ${kb(total).padStart(9)} / ${kb(BUDGETS.textHtmlCss)} ${mark(total, BUDGETS.textHtmlCss).padEnd(4)}` +
      `  inline ${String(p.inlineScript).padStart(4)} B / ${BUDGETS.textInlineScript} B ${mark(p.inlineScript, BUDGETS.textInlineScript).padEnd(4)}` +
      `  files ${p.scriptFiles.length}`,
  );
}
console.log('\nWidget pages: JavaScript before any widget nears the viewport (gzip), HTML gzip');
for (const p of pages.filter((p) => p.widgets.length > 0)) {
  console.log(
    `  ${p.path.padEnd(40)} ${kb(p.js).padStart(9)} / ${kb(BUDGETS.widgetPageJs)} ${mark(p.js, BUDGETS.widgetPageJs).padEnd(4)}  HTML ${kb(p.html)}`,
  );
}
console.log("\nEach widget's lazily loaded code (gzip, Plot included)");
for (const w of measureWidgetCode(dist, chunks, pages)) {
  console.log(
    `  ${w.widget.padEnd(26)} ${kb(w.gzip).padStart(9)} / ${kb(BUDGETS.widgetCode)} ${mark(w.gzip, BUDGETS.widgetCode).padEnd(4)}  ${w.files.length} files`,
  );
}
const worker = measureWorker(dist, chunks);
console.log('\nThe experiment worker (reported, not budgeted; the browser loads one wasm file of the three)');
for (const f of [...worker.files, ...worker.wasm]) console.log(`  ${f.file.padEnd(58)} ${kb(f.gzip).padStart(9)}`);
const bad = forbiddenModules(chunks);
console.log(
  `\nChunks with tfjs-layers, tfjs-converter or tfjs-data: ${bad.length === 0 ? 'none' : bad.map((b) => `${b.file} (${b.module})`).join(', ')}`,
);
