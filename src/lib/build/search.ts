// Astro integration: site search with Pagefind. Bundles the search dialog's script under a content hash (pages get
// its URL through the `__SADDLE_SEARCH_MODULE__` constant; only the inline opener imports it), serves it in dev,
// writes it into the build and indexes the built pages, one index per locale (Pagefind splits by <html lang>).
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import * as pagefind from 'pagefind';

const ENTRY = fileURLToPath(new URL('../../components/search/client.ts', import.meta.url));

/**
 * What the index leaves out, besides everything outside `data-pagefind-body` (set on indexable pages' <main>):
 * widgets (controls, live tables, charts), KaTeX's visual copy of each formula and its TeX source (the MathML
 * stays, so a formula reads once), the table of contents, page furniture and notices.
 */
export const SEARCH_EXCLUDE = [
  '[data-saddle-widget]',
  '.katex-html',
  'annotation',
  '.lecture-aside',
  '.lecture-kicker',
  '.lecture-meta',
  '.pager',
  '.notice',
];

export async function bundleSearchClient(): Promise<{ file: string; code: string }> {
  const out = await build({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    write: false,
    legalComments: 'none',
  });
  const code = out.outputFiles[0]!.text;
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 10);
  return { file: `_astro/search.${hash}.js`, code };
}

/** Indexes the built site in `dir` into `dir/pagefind/`. */
export async function indexSite(dir: string): Promise<{ pages: number }> {
  const { index, errors } = await pagefind.createIndex({ excludeSelectors: SEARCH_EXCLUDE });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: dir });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${dir}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(dir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}

export default function search(): AstroIntegration {
  let bundle: { file: string; code: string };
  let base = '/';
  return {
    name: 'saddle-search',
    hooks: {
      'astro:config:setup': async ({ config, updateConfig }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        bundle = await bundleSearchClient();
        updateConfig({ vite: { define: { __SADDLE_SEARCH_MODULE__: JSON.stringify(base + bundle.file) } } });
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          if (req.url?.split('?')[0] !== base + bundle.file) return next();
          res.setHeader('content-type', 'text/javascript');
          res.end(bundle.code);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const file = join(root, bundle.file);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, bundle.code);
        const { pages } = await indexSite(root);
        logger.info(`indexed ${pages} pages for search`);
      },
    },
  };
}
