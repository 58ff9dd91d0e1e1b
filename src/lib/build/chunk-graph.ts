// Astro integration: records, for every JavaScript chunk the build emits (page code and worker code), its static and
// dynamic imports and the packages and source files inside it. The size budgets (src/lib/build/budgets.ts) read it:
// what a page loads before any widget, what each widget adds, and that no chunk pulls in a tfjs package we keep out.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';

export interface ChunkRecord {
  /** Path under dist/, e.g. `_astro/loader.ab12.js`. */
  file: string;
  /** Page code (the client build) or code of the experiment worker (its own build). */
  build: 'page' | 'worker';
  imports: string[];
  dynamicImports: string[];
  /** Each module as a package name (`@observablehq/plot`) or a path from the project root (`src/lib/…`). */
  modules: string[];
}

/** Where the record is written: outside dist/, so it is never served, and per project root (not in node_modules, which
 * test fixtures share by a link). */
export const CHUNK_GRAPH = '.astro/saddle-chunks.json';

/** `/…/node_modules/@scope/name/dist/x.js` → `@scope/name`; a project file → its path from `root`. */
export function moduleName(id: string, root: string): string {
  const clean = id.replace(/^\0/, '').split('?')[0]!;
  const m = clean.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/g);
  if (m) return m[m.length - 1]!.slice('node_modules/'.length);
  return clean.startsWith(root) ? relative(root, clean) : clean;
}

export default function chunkGraph(): AstroIntegration {
  const chunks = new Map<string, ChunkRecord>();
  let root = '';
  const plugin = (build: ChunkRecord['build']): Plugin => ({
    name: 'saddle-chunk-graph',
    apply: 'build',
    generateBundle(options, bundle) {
      // Astro's server-side prerender build writes to its own folder; only chunks a browser loads are recorded.
      if (this.environment && this.environment.name !== 'client') return;
      const prefix = options.dir ? relative(this.environment?.config.build.outDir ?? options.dir, options.dir) : '';
      for (const out of Object.values(bundle)) {
        if (out.type !== 'chunk') continue;
        const file = prefix ? join(prefix, out.fileName) : out.fileName;
        chunks.set(file, {
          file,
          build,
          imports: out.imports,
          dynamicImports: out.dynamicImports,
          modules: [...new Set(out.moduleIds.map((id) => moduleName(id, root)))].sort(),
        });
      }
    },
  });
  return {
    name: 'saddle-chunk-graph',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        root = fileURLToPath(config.root).replace(/\/$/, '');
        updateConfig({ vite: { plugins: [plugin('page')], worker: { plugins: () => [plugin('worker')] } } });
      },
      'astro:build:done': () => {
        const out = join(root, CHUNK_GRAPH);
        mkdirSync(dirname(out), { recursive: true });
        writeFileSync(
          out,
          JSON.stringify(
            [...chunks.values()].sort((a, b) => a.file.localeCompare(b.file)),
            null,
            1,
          ),
        );
      },
    },
  };
}
